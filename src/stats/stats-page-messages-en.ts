import type { StatsPageMessages } from './stats-page-messages';

export const STATS_PAGE_EN: StatsPageMessages = {
  colon: ': ',
  title: 'Statistics',
  intro:
    'Counters only: how many public checks (page and API) were answered each day, and how many of them matched ' +
    'each exposure. Nothing about who checked or what they typed is kept.',
  dayNote: (zone) => `Days are calendar days in ${zone}, from midnight to midnight.`,
  period: 'Period',
  lastDays: (days) => `Last ${days} days`,
  totals: (checks, days) => `${checks} public checks in the last ${days} days.`,
  checksHeading: 'Public checks per day',
  checksCaption: (days) => `Public checks per day, last ${days} days, newest first`,
  date: (zone) => `Date (${zone})`,
  checks: 'Checks',
  bar: 'Compared with the busiest day',
  today: 'today',
  matchesHeading: 'Matches per exposure',
  matchesIntro: 'How many public checks found the address in each exposure\'s list, over the same days.',
  matchesCaption: (days) => `Matches per exposure, last ${days} days, most first`,
  exposure: 'Exposure',
  matches: 'Matches',
  unknownExposure: 'Exposure no longer in the catalogue',
  noExposuresChecked: 'No exposure was checked in this period.',
  staffChecksNote: 'Support checks are not counted here: each one is in the audit log.',
};
