import type { CatalogProblemMessages } from './catalog-problem-messages';

export const CATALOG_PROBLEMS_EN: CatalogProblemMessages = {
  line: (label, sentence) => `${label}: ${sentence}`,
  inLanguage: (label, languageName) => `${label} (${languageName})`,
  windowEnd: (label, end) => `${label} (${end.toLowerCase()})`,
  entry: (label, position) => `${label} (entry ${position})`,
  form: 'The form',
  sentences: {
    required: 'Please fill this in.',
    wrongType: 'This is not in a form the field accepts.',
    notUrl: 'Please enter an address starting with http:// or https://.',
    notDate: 'Please enter a date as YYYY-MM-DD (the date picker writes it so).',
    badDate: 'There is no such date.',
    notWholeNumber: 'Please enter a whole number of 0 or more, for example 28,700.',
    negative: 'It cannot be negative.',
    notChoice: 'Please choose one of the options.',
    notBoolean: 'Please tick the box or leave it empty.',
    qualifierWithoutCount: 'It can only be chosen with a number of people; please fill that in too.',
    invalid: 'Please check what you entered.',
    tooLong: ({ max }) => `Please use at most ${max} characters.`,
    tooMany: ({ max }) => `Please give at most ${max}.`,
    tooFew: ({ min }) => `Please choose at least ${min}.`,
    dateOrder: ({ from }) => `It cannot be before the start (${from}).`,
    notPhone: ({ minDigits, maxDigits }) =>
      `Please enter a phone number of ${minDigits} to ${maxDigits} digits; spaces, hyphens, brackets and a leading "+" may be used.`,
    unknownDataClass: ({ code }) => `There is no kind of data called "${code}"; please choose from the list.`,
    duplicateClass: ({ code, earlier }) => `"${code}" is also listed under "${earlier}"; please choose it in only one of them.`,
  },
};
