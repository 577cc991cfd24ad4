import type { ListConsoleMessages } from './list-console-messages';

export const LIST_CONSOLE_JA: ListConsoleMessages = {
  list: {
    heading: 'ハッシュ一覧',
    version: '有効なバージョン',
    rows: '行数',
    profile: 'ハッシュ化プロファイル',
    currentProfile: '（現在のプロファイル）',
    olderProfile: '（以前のプロファイル：照会は正しく行われます）',
    activatedAt: '有効になった日時',
    empty: 'ハッシュ一覧は読み込まれていません。この対象グループはメールアドレスで確認できません。',
    uploadHeading: '一覧ファイルのアップロード',
    uploadIntro:
      'ご自身のPCで npm run hash-list が書き出したファイルです（1行に1つの argon2id 出力。平文のアドレスは含みません）。' +
      '新しいファイルは、全体が正しく届いた時点で一度に有効な一覧と入れ替わります。それまでは現在の一覧が照会に答えます。',
    needsScript:
      'このページからのアップロードには JavaScript が必要です。使えない場合は、APIトークン（「APIトークン」参照）と npm run load-list で読み込んでください。',
    fileLabel: '一覧ファイル',
    fileHint: 'npm run hash-list が書き出した .txt ファイル。',
    upload: '一覧をアップロード',
    progressLabel: 'アップロードの進み具合',
    sending: '送信中：{total} のうち {sent}…',
    processing: '送信が終わりました。サーバーが行を確認して読み込んでいます…',
    loaded: '読み込みました：バージョン {version} が有効になりました（{records} 行、重複 {duplicates} 行は除外）。',
    reload: '更新されたページを表示',
    chooseFile: '先に一覧ファイルを選んでください。',
    failed: '一覧は読み込まれませんでした。以前の一覧（あれば）が引き続き照会に答えます。',
    networkFailed: 'サーバーの応答の前に接続が切れました。このアップロードは何も有効になっていません。もう一度お試しください。',
    sessionEnded: 'セッションが終了しました。別のタブでサインインし直してから、もう一度アップロードしてください。',
    errorCode: 'エラーコード：{code}',
    problems: {
      invalid_list:
        'ファイルに不正な行が{count}行あります（{lines}行目{more}）。各行は argon2id の出力（16進数64文字）で、「#」で始まる見出し行は' +
        '最初の行より前にしか置けません。何も読み込まれていません。npm run hash-list でハッシュ化し直してください。',
      empty_list: 'ファイルに行がありません。一覧を取り下げるには、一覧を削除してください。',
      unknown_profile: 'このサーバーが知らないプロファイルでハッシュ化されています。このサーバーのプロファイルでハッシュ化し直してください。',
      upload_incomplete: 'ファイル全体が届く前にアップロードが途切れました。何も読み込まれていません。もう一度お試しください。',
      upload_stalled: 'ファイルが{seconds}秒間届かなかったため、アップロードを中止しました。何も読み込まれていません。もう一度アップロードしてください。',
      list_upload_incomplete:
        '読み込みの途中で、ストアが一覧の一部を失いました（再起動やフェイルオーバーによるもの）。何も有効になっていません。ストアが回復してから、もう一度アップロードしてください。',
      list_upload_cancelled:
        'アップロードの途中で一覧が削除されたか、サーバーの起動時に未完了のアップロードが片付けられました。何も読み込まれていません。もう一度アップロードしてください。',
      csrf_rejected: 'このページは古くなっています。再読み込みしてから、もう一度アップロードしてください。',
      forbidden: 'あなたの役割では、一覧をアップロードできません。',
      not_found: 'この対象グループはもうありません。',
      unavailable: 'ただいまストアに接続できないため、一覧を読み込めませんでした。数分後にもう一度お試しください。',
      audit_unavailable: '一覧は読み込まれて有効になっていますが、監査ログに記録できませんでした。セキュリティ担当者に伝えてください。',
    },
    listSeparator: '、',
    moreLines: '、ほか{rest}行',
    deleteHeading: '一覧の削除',
    deleteIntro: '消去：一覧はすぐに照会に使われなくなり、全バージョンの全行がストアから削除されます。',
    deleteLink: '一覧を削除…',
    confirmTitle: (title) => `「${title}」のハッシュ一覧を削除しますか？`,
    confirmBody: (rows) =>
      `この一覧の全バージョンの全行（${rows} 行）がストアから消去されます。対象グループは残りますが、メールアドレスでは確認できなくなり、` +
      '公開中なら、一覧を再度アップロードするまで「メールアドレスでは確認できない」対象グループとして表示されます。',
    confirmButton: '一覧を削除',
  },
};
