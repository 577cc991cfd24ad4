import { perLanguage, type Language } from '../i18n';

/** Our own words, unlike an admin's LocalizedText: written in every language, so none falls back. */
type OurText = Record<Language, string>;

/**
 * The kinds of personal data an exposure can involve. A fixed vocabulary (rather than free text)
 * lets the page say, in either language, exactly what was and was not taken.
 */
export const DATA_CLASSES = {
  email_address: { en: 'Email address', ja: 'メールアドレス' },
  name: { en: 'Name', ja: '氏名' },
  postal_address: { en: 'Home address', ja: '住所' },
  phone_number: { en: 'Phone number', ja: '電話番号' },
  date_of_birth: { en: 'Date of birth', ja: '生年月日' },
  gender: { en: 'Gender', ja: '性別' },
  occupation: { en: 'Occupation', ja: '職業' },
  employer: { en: 'Employer', ja: '勤務先' },
  annual_income: { en: 'Annual income', ja: '年収' },
  vehicles_owned: { en: 'Vehicles owned', ja: '保有車両' },
  vehicle_registration: { en: 'Vehicle registration number', ja: '車両登録番号' },
  purchase_history: { en: 'Purchase and service history', ja: '購入・整備履歴' },
  payment_card: { en: 'Credit card details', ja: 'クレジットカード情報' },
  bank_account: { en: 'Bank account details', ja: '銀行口座情報' },
  password: { en: 'Password', ja: 'パスワード' },
} as const satisfies Record<string, OurText>;

export type DataClass = keyof typeof DATA_CLASSES;

export function isDataClass(value: string): value is DataClass {
  return Object.hasOwn(DATA_CLASSES, value);
}

// Details that mainly make a scam sound genuine share one piece of advice; the page shows it once.
const MAKES_SCAMS_CONVINCING: OurText = {
  en:
    'Scammers can use these details to make a call, letter or email sound genuine. Do not trust a message ' +
    'just because it knows about you or your car.',
  ja:
    'これらの情報は、電話・郵便・メールの詐欺を本物らしく見せるために使われることがあります。' +
    'お客様やお車のことを知っているというだけで、連絡を信用しないでください。',
};

/**
 * What a customer can do about each kind of data taken. Written by us, in both languages, so that
 * every result says what to do even when the company's own advice is short or missing.
 */
export const DATA_CLASS_ADVICE: Record<DataClass, OurText> = {
  email_address: {
    en:
      'Expect phishing emails that pretend to come from the company, its dealers or a delivery service. ' +
      'Do not open their links or attachments; go to the official website yourself.',
    ja:
      '会社や販売店、配送業者などを装ったフィッシングメールが届くおそれがあります。' +
      'メール内のリンクや添付ファイルは開かず、公式サイトはご自身で開いてください。',
  },
  name: MAKES_SCAMS_CONVINCING,
  postal_address: {
    en: 'Be wary of letters or visits about this incident that ask for money or personal details.',
    ja: 'この件に関連して金銭や個人情報を求める郵便物や訪問にご注意ください。',
  },
  phone_number: {
    en:
      'Expect scam calls and text messages. Never give codes, card details or payments to a caller: hang up ' +
      'and call the company back on the number on its official website.',
    ja:
      '詐欺の電話やSMSが来るおそれがあります。電話でコードやカード情報を伝えたり支払ったりせず、' +
      '一度切って公式サイトに記載の番号にかけ直してください。',
  },
  date_of_birth: {
    en: 'Do not use your date of birth as a password or PIN, and change any PIN that uses it.',
    ja: '生年月日をパスワードや暗証番号に使わず、使っている場合は変更してください。',
  },
  gender: MAKES_SCAMS_CONVINCING,
  occupation: MAKES_SCAMS_CONVINCING,
  employer: MAKES_SCAMS_CONVINCING,
  annual_income: MAKES_SCAMS_CONVINCING,
  vehicles_owned: MAKES_SCAMS_CONVINCING,
  vehicle_registration: MAKES_SCAMS_CONVINCING,
  purchase_history: MAKES_SCAMS_CONVINCING,
  payment_card: {
    en:
      'Check your card statements for payments you do not recognize, and call your card issuer on the number ' +
      'on the back of the card to ask whether the card should be replaced.',
    ja:
      'カードの利用明細に身に覚えのない請求がないか確認し、カード裏面の番号でカード会社に連絡して、' +
      '再発行が必要かご相談ください。',
  },
  bank_account: {
    en: 'Check your bank statements, and be wary of any request to transfer money. Tell your bank if something looks wrong.',
    ja: '口座の取引明細を確認し、振込を求める連絡にご注意ください。不審な点があれば銀行にご連絡ください。',
  },
  password: {
    en:
      'Change this password now, and on every other service where you used the same one. Turn on two-step ' +
      'sign-in where it is offered.',
    ja:
      'このパスワードをすぐに変更し、同じパスワードを使っているほかのサービスでも変更してください。' +
      '2段階認証が使える場合は有効にしてください。',
  },
};

/**
 * Our advice for data that may have been exposed (the company is still investigating): the same
 * advice as for data taken, said conditionally and naming the kinds of data it is for, so that a
 * customer is not told as fact what nobody knows yet.
 */
const IF_EXPOSED: Record<Language, (names: string[], advice: string) => string> = {
  en: (names, advice) =>
    `If it turns out that your ${englishList(names.map(lowerFirst))} ${names.length > 1 ? 'were' : 'was'} ` +
    `exposed (still being investigated): ${advice}`,
  ja: (names, advice) => `${names.join('・')}が流出していた場合（調査中）：${advice}`,
};

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function englishList(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/**
 * Our advice for an exposure, each piece once: first for the kinds of data confirmed exposed,
 * then, said conditionally ("If your name was exposed: ..."), for the kinds that may have been;
 * advice already given for a confirmed kind is not repeated as a condition.
 */
export function dataClassAdvice(exposed: readonly DataClass[], possiblyExposed: readonly DataClass[]): OurText[] {
  const confirmed = new Set(exposed.map((dataClass) => DATA_CLASS_ADVICE[dataClass]));
  const possible = new Map<OurText, DataClass[]>();
  for (const dataClass of possiblyExposed) {
    const advice = DATA_CLASS_ADVICE[dataClass];
    if (!confirmed.has(advice)) possible.set(advice, [...(possible.get(advice) ?? []), dataClass]);
  }
  const conditional = [...possible].map(
    ([advice, classes]): OurText =>
      perLanguage((language) =>
        IF_EXPOSED[language](
          classes.map((dataClass) => DATA_CLASSES[dataClass][language]),
          advice[language],
        ),
      ),
  );
  return [...confirmed, ...conditional];
}
