import { LOCALE_TAGS, perLanguage, type Language } from '../i18n';

// The people who run an incident here work in Japan: times read in Japan time, and say so, so an
// admin abroad is not misled.
const TIME_ZONE = 'Asia/Tokyo';
const formatters = perLanguage(
  (language) => new Intl.DateTimeFormat(LOCALE_TAGS[language], { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }),
);
const ZONE_NAME: Record<Language, string> = { ja: '（日本時間）', en: ' (Japan time)' };

/** "2026/11/21 18:00（日本時間）" / "21 Nov 2026, 18:00 (Japan time)"; anything unreadable as it is. */
export function formatTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${formatters[language].format(date)}${ZONE_NAME[language]}`;
}

/** Counts as people read them: "28,700". */
export function formatCount(value: number, language: Language): string {
  return value.toLocaleString(LOCALE_TAGS[language]);
}
