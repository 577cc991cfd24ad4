/**
 * The languages of the pages, and what the code needs to know about each that is not a
 * translation. Adding one here fails the build until every table keyed by Language (the tables
 * below and every message catalogue) has it; the forms' inputs and the language cookie follow
 * from the list by themselves.
 *
 * The order is the display order (a multilingual field's inputs) and the fallback order: the first
 * is the language of a browser without a preference, and a text missing in one language is read
 * in the first that has it.
 */
export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

// Japanese first: the first customers are Japanese, and a browser without a preference gets Japanese.
export const FALLBACK_LANGUAGE: Language = LANGUAGES[0];

/**
 * Each language's BCP 47 locale tag, for Intl's date and number formats. Pages say only the
 * language (`lang="en"`); formats need the region too: British English writes "22 January 2018".
 */
export const LOCALE_TAGS: Record<Language, string> = { ja: 'ja-JP', en: 'en-GB' };

/** Each language's name in itself, for the language switch ("English" on a Japanese page). */
export const LANGUAGE_NAMES: Record<Language, string> = { ja: '日本語', en: 'English' };

/**
 * A regular expression source matching exactly one language code, for the language cookie. A
 * group of its own, so it can stand anywhere in a pattern; the codes are letters only.
 */
export const LANGUAGE_PATTERN = `(?:${LANGUAGES.join('|')})`;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** `language`, then the others in LANGUAGES order: where a text missing in `language` is read instead. */
export function fallbackOrder(language: Language): Language[] {
  return [language, ...LANGUAGES.filter((other) => other !== language)];
}

/** A table with a value for every language, each made by `valueFor`. */
export function perLanguage<T>(valueFor: (language: Language) => T): Record<Language, T> {
  return Object.fromEntries(LANGUAGES.map((language) => [language, valueFor(language)])) as Record<Language, T>;
}
