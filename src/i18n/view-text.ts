import type { Language } from './languages';
import { languageShown, type LocalizedText } from './localized-text';

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
  const lang = languageShown(text, language);
  const value = lang === undefined ? undefined : text?.[lang];
  if (lang === undefined || !value) return undefined;
  return { text: value, lang, foreign: lang !== language };
}

/** For texts that must be shown; an empty one still renders as an empty string. */
export function requiredViewText(text: LocalizedText | undefined, language: Language): ViewText {
  return viewText(text, language) ?? { text: '', lang: language, foreign: false };
}
