import type { Language } from '../i18n';
import { STATS_PAGE_EN } from './stats-page-messages-en';
import { STATS_PAGE_JA } from './stats-page-messages-ja';

/** Every string of the admin console's statistics page. Views read it as `pt` (page text). */
export interface StatsPageMessages {
  colon: string;
  title: string;
  intro: string;
  /** Which days are counted: `zone` as timeZoneLabel names it. */
  dayNote: (zone: string) => string;
  period: string;
  lastDays: (days: number) => string;
  totals: (checks: string, days: number) => string;
  checksHeading: string;
  checksCaption: (days: number) => string;
  /** The date column's heading: `zone` as timeZoneName names it. */
  date: (zone: string) => string;
  checks: string;
  bar: string;
  today: string;
  matchesHeading: string;
  matchesIntro: string;
  matchesCaption: (days: number) => string;
  exposure: string;
  matches: string;
  unknownExposure: string;
  noExposuresChecked: string;
  staffChecksNote: string;
}

const MESSAGES: Record<Language, StatsPageMessages> = { ja: STATS_PAGE_JA, en: STATS_PAGE_EN };

export function statsPageMessagesFor(language: Language): StatsPageMessages {
  return MESSAGES[language];
}
