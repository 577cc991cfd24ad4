export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Text an admin wrote in one or both languages; readers fall back to the other language. */
export type LocalizedText = Partial<Record<Language, string>>;

export function textIn(text: LocalizedText | undefined, language: Language): string {
  if (text === undefined) return '';
  const other: Language = language === 'ja' ? 'en' : 'ja';
  return text[language] ?? text[other] ?? '';
}
