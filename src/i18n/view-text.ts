import { textIn, type Language, type LocalizedText } from './localized-text';
import { otherLanguage } from './choose-language';

/**
 * A text as the page shows it: which language it is really in, so that a fallback (an English
 * title on a Japanese page) carries its own lang attribute and is read aloud correctly.
 */
export interface ViewText {
  text: string;
  lang: Language;
  /** Not in the page's language: the template marks it with lang="...". */
  foreign: boolean;
}

export function viewText(text: LocalizedText | undefined, language: Language): ViewText | undefined {
  const value = textIn(text, language);
  if (value === '') return undefined;
  const lang = text?.[language] ? language : otherLanguage(language);
  return { text: value, lang, foreign: lang !== language };
}

/** For texts that must be shown; an empty one still renders as an empty string. */
export function requiredViewText(text: LocalizedText | undefined, language: Language): ViewText {
  return viewText(text, language) ?? { text: '', lang: language, foreign: false };
}
