import type { CatalogProblemMessages } from './catalog-problem-messages';

export const CATALOG_PROBLEMS_JA: CatalogProblemMessages = {
  line: (label, sentence) => `${label}：${sentence}`,
  inLanguage: (label, languageName) => `${label}（${languageName}）`,
  windowEnd: (label, end) => `${label}（${end}）`,
  entry: (label, position) => `${label}（${position}件目）`,
  form: 'フォーム',
  sentences: {
    required: '入力してください。',
    wrongType: '入力の形式が正しくありません。',
    notUrl: 'http:// または https:// で始まるアドレスを入力してください。',
    notDate: '日付は YYYY-MM-DD の形式で入力してください（日付の選択欄を使えばこの形式になります）。',
    badDate: '存在しない日付です。',
    notWholeNumber: '0以上の整数で入力してください（例：28,700）。',
    negative: '0以上の数を入力してください。',
    notChoice: '選択肢の中から選んでください。',
    notBoolean: 'チェックを入れるか、空のままにしてください。',
    qualifierWithoutCount: '人数を入力したときだけ選べます。対象人数も入力してください。',
    invalid: '入力内容をご確認ください。',
    tooLong: ({ max }) => `${max}文字以内で入力してください。`,
    tooMany: ({ max }) => `${max}件までにしてください。`,
    tooFew: ({ min }) => `${min}つ以上選んでください。`,
    dateOrder: ({ from }) => `開始（${from}）より前の日付にはできません。`,
    notPhone: ({ minDigits, maxDigits }) =>
      `電話番号は${minDigits}〜${maxDigits}桁の数字で入力してください（空白・ハイフン・かっこと、先頭の「+」を使えます）。`,
    unknownDataClass: ({ code }) => `「${code}」という情報の種類はありません。一覧から選んでください。`,
    duplicateClass: ({ code, earlier }) => `「${code}」は「${earlier}」にも含まれています。どちらか一方だけを選んでください。`,
  },
};
