import type { LocalizedText } from './localized-text';

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
} as const satisfies Record<string, LocalizedText>;

export type DataClass = keyof typeof DATA_CLASSES;

export function isDataClass(value: string): value is DataClass {
  return Object.hasOwn(DATA_CLASSES, value);
}
