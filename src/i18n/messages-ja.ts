import { LOCALE_TAGS } from './languages';
import type { Messages } from './messages';

const count = new Intl.NumberFormat(LOCALE_TAGS.ja);

export const JA: Messages = {
  colon: '：',
  site: {
    name: 'メールアドレス流出確認',
    skipLink: '本文へ移動',
    languageNav: '言語',
    demoBanner:
      'デモ：事案は実際に公表されたものですが、照合する一覧のアドレスは架空のものです。' +
      'このデモは、ここに登場する会社が運営しているものではありません。',
  },
  languageSwitch: {
    restartLabel: '日本語の確認ページへ',
    restartNote: '入力されたアドレスは保存していないため、もう一度入力していただく必要があります。',
  },
  operator: {
    runBy: { before: 'このサービスは', after: 'が運営しています。' },
    verify: '本物のページかどうかは、公式のお知らせからこのページを開いてご確認ください：',
    announcementLink: (host) => `公式のお知らせ（${host}）`,
  },
  trust: {
    short: '入力されたアドレスは保存も記録もせず、当サービスのサーバー内で鍵付きハッシュとして照合するだけです。',
    heading: '入力したメールアドレスの扱い',
    points: [
      '保存せず、ログにも記録しません。',
      '当サービスのサーバー内で鍵付きハッシュ（アドレスに戻すことのできない符号）に変換し、' +
        '流出したデータのハッシュ一覧と照合するだけです。照合後は残りません。',
      'このページは他社のサービスを一切読み込みません（広告、アクセス解析、外部のフォントやスクリプトなし）。',
      'パスワードやカード番号など、メールアドレス以外の情報をお聞きすることはありません。',
    ],
  },
  check: {
    title: 'メールアドレスが流出していないか確認する',
    heading: 'メールアドレスが流出していないか確認する',
    intro:
      '会社にご登録のメールアドレスを入力してください。公表された不正アクセスで流出したアドレスの一覧と照合し、' +
      '流出した情報、流出していない情報、今すぐできることをお知らせします。',
    label: 'メールアドレス',
    hint:
      'ご登録のとおりに入力してください。全角で入力しても構いません。アドレスは書かれたとおりに照合するため、' +
      'name+tag@example.jp と name@example.jp は別々に確認します。',
    button: '確認する',
    errorTitlePrefix: '入力エラー：',
    errorSummaryHeading: '入力内容をご確認ください',
    emailProblems: {
      empty: 'メールアドレスを入力してください。',
      invalid: 'メールアドレスの形式が正しくありません。name@example.jp のような形でご入力ください。',
    },
  },
  result: {
    foundTitle: 'メールアドレスが流出したデータに含まれていました',
    foundHeading: 'お客様のメールアドレスは、流出したデータに含まれていました',
    foundLead: (groups) =>
      `情報が流出したお客様のグループ${count.format(groups)}件に含まれています。` +
      '流出した情報、流出していない情報、今すぐできることを以下にご案内します。',
    notFoundTitle: 'メールアドレスは当サービスの一覧にありませんでした',
    notFoundHeading: 'このメールアドレスは、当サービスが保有する一覧にはありませんでした',
    notFoundLead:
      'これは「安全」という意味ではありません。照合できるのは下記の一覧だけで、' +
      '一覧のない事案の対象になっている可能性もあります。',
    notFoundSeparately:
      'アドレスは1つずつ照合します。ほかのアドレス（+タグ付きのアドレスを含む）をお使いの場合は、それぞれ確認してください。',
    addressChecked: '確認したメールアドレス',
    addressCheckedHint:
      '最初の1文字と@以降だけを表示しています。入力間違いなどで、確認したかったアドレスと違う場合は、' +
      '上の結果はそのアドレスのものではありません。正しいアドレスでもう一度確認してください。',
    checkAgain: 'もう一度確認する',
    checkedHeading: '照合した一覧',
    checkedIntro: '次のグループのハッシュ一覧と照合しました：',
    notCheckableHeading: 'メールアドレスでは確認できない事案',
    notCheckableIntro:
      '以下の事案にはメールアドレスの一覧がありません。対象となる方の説明が当てはまる場合は、情報が流出した可能性があります。',
    checkAnother: '別のメールアドレスを確認する',
  },
  card: {
    incident: '事案',
    whoIsAffected: '対象となる方',
    mayBeAffected: '次に当てはまる方は、対象となっている可能性があります：',
    exposed: '流出した情報',
    possiblyExposed: '流出した可能性があります（調査中）',
    possiblyExposedNote: '会社は、これらの情報が閲覧・取得されたかどうかをまだ確認できていません。',
    notExposed: '流出していないことが確認された情報',
    noneConfirmedNotExposed: '流出していないと確認された情報は、公表されていません。',
    whatToDo: '今すぐできること',
    facts: '詳細',
    period: 'このグループの対象期間',
    happened: '不正アクセスの期間',
    announced: '公表日',
    peopleLabel: '対象人数',
    people: (people) => `${count.format(people)}人`,
    status: '状況',
    investigating: '調査中（内容が変わる可能性があります）',
    resolved: '調査完了',
    summary: '概要',
    sources: '公表資料',
  },
  precautions: {
    heading: 'どなたにもおすすめする対策',
    points: [
      'この件に関するメールやSMSのリンクは開かないでください。会社のウェブサイトはご自身で開くか、' +
        '契約書や公式サイトに記載の電話番号にお問い合わせください。',
      'パスワード、カード番号、支払いを求めるメッセージには、本物らしく見えてもご注意ください。',
      'パスワードはサービスごとに別のものを使い、使い回しているパスワードは変更してください。',
    ],
  },
  errors: {
    notFound: { title: 'ページが見つかりません', body: 'このアドレスにはページがありません。' },
    rateLimited: {
      title: 'しばらくお待ちください',
      body: 'ただいま確認が集中しているため、安全と公平のために確認の回数を制限しています。',
    },
    rateLimitedNetwork: {
      title: 'しばらくお待ちください',
      body: 'お使いのネットワークから多くの確認が行われたため、しばらく確認できません。',
      note: '携帯電話会社や職場など、同じネットワークをお使いの方とは、この回数の上限を共有しています。',
    },
    unavailable: {
      title: '確認できませんでした',
      body: 'ただいま一覧を確認できません。数分後にもう一度お試しください。',
    },
    tooLarge: { title: '送信された内容が大きすぎます', body: '送信された内容が大きすぎます。前のページに戻ってもう一度お試しください。' },
    badRequest: { title: '処理できませんでした', body: 'リクエストを処理できませんでした。前のページに戻ってもう一度お試しください。' },
    internal: {
      title: 'エラーが発生しました',
      body: '当サービス側で問題が発生しました。しばらくしてからもう一度お試しください。',
    },
    notAnAnswer: 'これは「流出していない」という意味ではありません。メールアドレスは照合されていません。',
    retryIn: (minutes) => `${minutes}分ほど待ってから、もう一度お試しください。`,
    backLink: '確認ページに戻る',
  },
};
