/** This folder's face: what the rest of src/ may import from it. */
export { formatDate, formatWindow } from './format-dates';
export type { DateWindow } from './format-dates';
export { FALLBACK_LANGUAGE, LANGUAGES, LANGUAGE_NAMES, LOCALE_TAGS, isLanguage, perLanguage } from './languages';
export type { Language } from './languages';
export { textIn } from './localized-text';
export type { LocalizedText } from './localized-text';
export { messagesFor } from './messages';
export type { EmailProblem } from './messages';
export { applyPageLanguage, languageLocals, pageLanguage } from './page-language';
export type { PageLanguageLocals } from './page-language';
export { requiredViewText, viewText } from './view-text';
export type { ViewText } from './view-text';
