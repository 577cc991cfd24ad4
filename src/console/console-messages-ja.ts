import type { StaffMessages } from './console-messages';

export const STAFF_JA: StaffMessages = {
  console: {
    name: 'メールアドレス流出確認 スタッフ画面',
    skipLink: '本文へ移動',
    navLabel: 'メニュー',
    languageNav: '言語',
    signedInAs: 'ログイン中：',
    signOut: 'ログアウト',
    roles: { admin: '管理者', support: 'サポート' },
    demoBanner: 'デモ：データはメモリ上にあり、サーバーを止めると消えます。',
  },
  nav: {
    check: '照会',
    incidents: '事案',
    staff: 'スタッフ',
    tokens: 'APIトークン',
    audit: '監査ログ',
    stats: '統計',
  },
  login: {
    title: 'ログイン',
    heading: 'スタッフ画面にログイン',
    intro: 'このサービスのサポート担当者と管理者のためのページです。',
    username: 'ユーザー名',
    password: 'パスワード',
    button: 'ログイン',
    failed: 'ユーザー名またはパスワードが正しくありません。',
    throttledAccount: (minutes) =>
      `このユーザー名でのログインの失敗が続いたため、一時的にロックしています。${minutes}分後にもう一度お試しいただくか、管理者にパスワードの再設定を依頼してください。`,
    throttledIp: (minutes) => `この接続からのログインの失敗が多すぎます。${minutes}分後にもう一度お試しください。`,
    ended: 'セッションが終了しました。もう一度ログインしてください。',
    signedOut: 'ログアウトしました。',
    formExpired: 'ログインフォームの有効期限が切れていました。もう一度ログインしてください。',
    unaudited:
      '監査ログに記録できないため、ただいまログインできません。数分後にもう一度お試しください。解決しない場合はセキュリティ担当者に連絡してください。',
    demoHint: 'デモモード：demo-admin と demo-support のパスワードは、起動時にサーバーのログに表示されます。',
  },
  errors: {
    forbidden: { title: '権限がありません', body: 'あなたの役割では、このページは利用できません。' },
    csrf: {
      title: 'フォームの有効期限が切れています',
      body: '送信内容にこのセッションのセキュリティトークンがありませんでした（ページを長く開いたままだった可能性があります）。前のページに戻り、再読み込みしてからもう一度お試しください。',
    },
    notFound: { title: 'ページが見つかりません', body: 'このアドレスにはスタッフ画面のページがありません。' },
    rateLimited: { title: 'しばらくお待ちください', body: 'リクエストが多すぎます。' },
    overloaded: { title: '混み合っています', body: 'ただいまログインの処理が混み合っています。数秒後にもう一度お試しください。' },
    unavailable: { title: 'ただいま利用できません', body: 'ただいま応答できません。数分後にもう一度お試しください。' },
    tooLarge: { title: '送信内容が大きすぎます', body: '送信された内容が大きすぎます。' },
    badRequest: { title: '処理できませんでした', body: 'リクエストを処理できませんでした。前のページに戻ってもう一度お試しください。' },
    internal: { title: 'エラーが発生しました', body: '当サービス側で問題が発生しました。しばらくしてからもう一度お試しください。' },
    retryIn: (minutes) => `${minutes}分ほど待ってから、もう一度お試しください。`,
    backLink: 'スタッフ画面に戻る',
  },
};
