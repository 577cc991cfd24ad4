import { fallbackOrder, type Language } from './languages';

/** Text an admin wrote in one or more languages; readers fall back to the others, in LANGUAGES order. */
export type LocalizedText = Partial<Record<Language, string>>;

/** The language `text` is read in on a `language` page: its own if written, else the first in fallback order that is. */
export function languageShown(text: LocalizedText | undefined, language: Language): Language | undefined {
  return fallbackOrder(language).find((candidate) => text?.[candidate] != null);
}

export function textIn(text: LocalizedText | undefined, language: Language): string {
  const shown = languageShown(text, language);
  return (shown && text?.[shown]) ?? '';
}
