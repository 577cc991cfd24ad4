import type { Response } from 'express';
import { LOCALE_TAGS, perLanguage, type Language } from '../i18n';
import { DEFAULT_TIME_ZONE } from '../shared';

// Times read in the configured zone (TIME_ZONE), and say which, so an admin abroad is not misled.
// Japan's gets the words people here use; any other zone is named by its IANA name, which Intl's
// generic names do not always beat (UTC reads "GMT+00:00").
const KNOWN_ZONES: Record<string, { name: Record<Language, string>; abbreviation: string }> = {
  [DEFAULT_TIME_ZONE]: { name: { ja: '日本時間', en: 'Japan time' }, abbreviation: 'JST' },
};

const IN_PARENTHESES: Record<Language, (name: string) => string> = { ja: (name) => `（${name}）`, en: (name) => ` (${name})` };

/** The zone as the pages name it: "日本時間" / "Japan time" for Asia/Tokyo, otherwise its IANA name ("Europe/Berlin"). */
export function timeZoneName(zone: string, language: Language): string {
  return KNOWN_ZONES[zone]?.name[language] ?? zone;
}

/** The zone named fully, for a page's note on its times: "日本時間（Asia/Tokyo）" / "Japan time (Asia/Tokyo)", or "Europe/Berlin". */
export function timeZoneLabel(zone: string, language: Language): string {
  const name = timeZoneName(zone, language);
  return name === zone ? zone : `${name}${IN_PARENTHESES[language](zone)}`;
}

/** The zone's short name at `instant`, for times to the second: "JST"; elsewhere Intl's in English ("UTC", "GMT+2", "EST"). */
export function timeZoneAbbreviation(zone: string, instant: Date): string {
  const known = KNOWN_ZONES[zone]?.abbreviation;
  if (known !== undefined) return known;
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(instant)
    .find((candidate) => candidate.type === 'timeZoneName');
  return part?.value ?? zone;
}

const formatters = new Map<string, Record<Language, Intl.DateTimeFormat>>();

function formattersFor(zone: string): Record<Language, Intl.DateTimeFormat> {
  let perZone = formatters.get(zone);
  if (perZone === undefined) {
    perZone = perLanguage(
      (language) => new Intl.DateTimeFormat(LOCALE_TAGS[language], { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }),
    );
    formatters.set(zone, perZone);
  }
  return perZone;
}

/**
 * "2026/11/21 18:00（日本時間）" / "21 Nov 2026, 18:00 (Japan time)" in `zone` (the console's, see
 * timeZoneOf); anything unreadable as it is.
 */
export function formatTime(iso: string, language: Language, zone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${formattersFor(zone)[language].format(date)}${IN_PARENTHESES[language](timeZoneName(zone, language))}`;
}

/**
 * The time zone the console shows times in (TIME_ZONE): the console frame sets it for every
 * console page, as it sets the language.
 */
export function timeZoneOf(res: Response): string {
  const zone: unknown = res.locals.timeZone;
  if (typeof zone !== 'string') throw new Error('the console time zone is not set: the page is not mounted in the console frame');
  return zone;
}

/** Counts as people read them: "28,700". */
export function formatCount(value: number, language: Language): string {
  return value.toLocaleString(LOCALE_TAGS[language]);
}
