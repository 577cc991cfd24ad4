import type { TokenConsoleMessages } from './token-console-messages';

export const TOKEN_CONSOLE_JA: TokenConsoleMessages = {
  done: {
    tokenRevoked: 'トークンを失効させました。もう使えません。',
  },
  tokens: {
    title: 'APIトークン',
    intro:
      'トークンを使うと、npm run load-list などのスクリプトが管理APIであなたとして操作できます。あなたのアカウントが有効な管理者である間だけ使え、' +
      'その操作はあなたの名前で記録されます。あなたのトークンはあなたにしか見えません。',
    empty: 'APIトークンはありません。',
    columns: { label: 'ラベル', created: '作成日時', lastUsed: '最終使用', state: '状態' },
    active: '有効',
    revokedOn: (when) => `失効（${when}）`,
    neverUsed: '未使用',
    revokeLink: '失効させる…',
    newHeading: 'トークンの新規作成',
    label: { label: 'ラベル', hint: '使う場所。例：「ハッシュ化用PCの load-list」。' },
    create: 'トークンを作成',
    createdTitle: '新しいAPIトークン',
    createdOnce:
      '今すぐトークンをコピーしてください。表示されるのはこの一度だけで、二度と表示できません。パスワードと同じように保管し、なくした場合は失効させて新しく作ってください。',
    secretLabel: (label) => `トークン「${label}」`,
    copy: 'コピー',
    copied: 'クリップボードにコピーしました。',
    copyFailed: 'ブラウザがコピーを許可しませんでした。トークンを選択したので Ctrl+C（⌘C）を押してください。',
    copyHint: 'トークン全体を選択してコピーしてください（Ctrl+C、Mac では ⌘C）。',
    usageHeading: '一覧の読み込みに使う',
    usageIntro: 'npm run hash-list が書き出した一覧ファイルのあるPCで：',
    usageNote:
      'トークンはコマンドの引数ではなく環境変数で渡してください（引数だと ps でほかの利用者に見えます）。--publish を付けると、一覧が有効になった後に対象グループを公開します。',
    exposureIdNote: 'EXPOSURE_ID は対象グループのページに表示されるIDに、ファイル名はお手元のファイル名に置き換えてください。',
    backToTokens: 'APIトークンに戻る',
    confirmTitle: (label) => `トークン「${label}」を失効させますか？`,
    confirmBody: 'このトークンを使っているスクリプトはすぐに動かなくなります。',
    confirmButton: 'トークンを失効させる',
    problems: {
      invalid_label: 'ラベルは1～100文字で、「@」や制御文字は使えません。',
    },
  },
};
