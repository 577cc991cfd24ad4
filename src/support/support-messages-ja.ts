import { LOCALE_TAGS } from '../i18n';
import type { SupportMessages } from './support-messages';

const count = new Intl.NumberFormat(LOCALE_TAGS.ja);

export const SUPPORT_JA: SupportMessages = {
  colon: '：',
  form: {
    title: 'お客様のメールアドレスを照会',
    heading: 'お客様のメールアドレスを照会',
    intro:
      'チケット番号と、お客様から伺ったメールアドレスを入力してください。そのアドレスが含まれるすべての対象グループ' +
      '（機微なものを含む）を、事案の詳細とお客様への説明のポイントとともに表示します。',
    privacy:
      'メールアドレスはこの照会にだけ使われ、保存・記録されません。結果画面には最初の1文字とドメインだけを表示します。' +
      '照会は、あなたのユーザー名、チケット番号、該当した対象グループとともに監査ログに記録されます。',
    ticketLabel: 'チケット番号',
    ticketHint: 'お問い合わせのチケット番号（例：ZD-48213）。お客様のメールアドレスや氏名は入力しないでください。',
    emailLabel: 'お客様のメールアドレス',
    emailHint:
      'お客様が会社に登録したとおりに入力してください。全角文字でもかまいません。アドレスは書かれたとおりに照合します' +
      '（name+tag@example.jp と name@example.jp は別々に照合します）。',
    button: '照会する',
    errorTitlePrefix: 'エラー：',
    errorSummaryHeading: '入力内容を確認してください',
    ticketProblems: {
      missing: 'この電話またはメッセージのチケット番号を入力してください（例：ZD-48213）。',
      tooLong: 'チケット番号は64文字以内です。',
      address:
        'チケット番号に「@」は使えません。お客様のメールアドレスではなく、チケット番号を入力してください。' +
        '入力された内容は消去しました。',
      percent:
        'チケット番号に「%」は使えません（URLエンコードされたメールアドレス（%40 など）を監査ログに残さないためです）。' +
        '入力された内容は消去しました。',
      control: 'チケット番号に改行、タブ、見えない文字は使えません。',
    },
    emailProblems: {
      empty: 'お客様のメールアドレスを入力してください。',
      invalid:
        'メールアドレスの形式になっていません。お客様に確認のうえ、もう一度入力してください（例：name@example.jp）。',
    },
    addressCleared: 'お客様のプライバシーのため、メールアドレスは保持しません。もう一度入力してください。',
    rateLimited: (seconds, perMinute) =>
      `直近1分間の照会が、1人あたりの上限の${perMinute}件に達しました。${seconds}秒ほど待ってから、もう一度お試しください。` +
      '今回の照会は行われていません。',
    unavailable:
      'ただいま照会を完了できませんでした。結果は出ていません（「対象外」という意味ではありません）。' +
      '1分ほどしてからもう一度お試しください。続く場合は管理者に連絡してください。',
    overloaded:
      'ただいま照会が集中しています。数秒後にもう一度お試しください（「対象外」という意味ではありません）。',
  },
  result: {
    foundTitle: '流出したデータに含まれていました',
    notFoundTitle: '保有する一覧にはありませんでした',
    foundHeading: (exposures) => `入力されたメールアドレスは、${count.format(exposures)}件の対象グループに含まれています`,
    foundLead:
      '対象グループごとに、事案の詳細、流出した情報と流出していない情報、お客様に表示される案内、説明のポイントを示します。',
    notFoundHeading: '入力されたメールアドレスは、当サービスが保有する一覧にはありませんでした',
    notFoundLead:
      'これは「安全」という意味ではありません。照合できたのは下記の一覧だけです。メールアドレスでは確認できない事案を' +
      'お客様と一緒に確認し、ほかにお使いのアドレスがあればそれも照会してください。',
    addressChecked: '確認したメールアドレス',
    addressNote:
      '最初の1文字と@以降だけを表示しており、アドレスはどこにも保存されていません。' +
      '入力間違いなどでお客様のおっしゃったアドレスと違う場合は、正しいアドレスでもう一度照会してください。',
    ticketLabel: 'チケット番号',
    recordedAs: (eventId) => `監査ログに #${eventId} として記録しました。`,
    auditLink: 'このチケットの記録を監査ログで見る',
    matchesHeading: 'アドレスが含まれている対象グループ',
    checkedHeading: '照合した一覧',
    checkedIntro: '次の対象グループのハッシュ一覧と照合しました：',
    noneChecked: '有効な一覧がまだありません。メールアドレスでは何も照合できませんでした。',
    notCheckableHeading: 'メールアドレスでは確認できない事案',
    notCheckableIntro:
      '以下の対象グループには一覧がありません。説明がお客様に当てはまる場合は、対象となっている可能性があります。お客様に確認し、説明のポイントに沿ってご案内ください。',
    checkAnother: '別のメールアドレスを照会する',
    checkAnotherSameTicket: 'このチケットで別のメールアドレスを照会する',
  },
  card: {
    sensitive: '機微',
    sensitiveNote: '機微な対象グループです。公開ページでお客様に表示されることはありません。説明のポイントに沿って慎重にご案内ください。',
    exposureId: '対象グループID',
    talkingPoints: '説明のポイント',
    noTalkingPoints:
      'この対象グループの説明のポイントはまだ書かれていません。下記の説明と案内を使い、管理者に追加を依頼してください。',
    whoIsAffected: '対象となる方',
    window: 'このグループの対象期間',
    exposed: '流出した情報',
    possiblyExposed: '流出した可能性がある情報（調査中）',
    notExposed: '流出していないことが確認された情報',
    noneExposedListed: '流出した情報の種類は登録されていません。',
    noneConfirmedNotExposed: '流出していないと確認された情報はありません。',
    people: '対象人数',
    advice: 'お客様に表示される案内',
    incident: '事案',
    incidentId: '事案ID',
    organization: '組織',
    summary: '概要',
    attackWindow: '不正アクセスの期間',
    announced: '公表日',
    status: '状況',
    statuses: {
      investigating: '調査中（内容が変わる可能性があります）',
      announced: '公表済み',
      resolved: '調査完了',
    },
    sources: '公表資料',
    contacts: 'お客様にご案内しているお問い合わせ先',
    contactsIntro: 'お客様の確認結果にも表示されています。ほかの窓口を尋ねられたときは、こちらをご案内ください。',
    noContacts: 'この事案には、専用窓口・お問い合わせフォーム・公式のお知らせが登録されていません。',
    phone: '専用窓口',
    hours: '受付時間',
    form: 'お問い合わせフォーム',
    announcement: '公式のお知らせ',
    notKnown: '不明',
  },
};
