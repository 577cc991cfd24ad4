import type { CatalogSnapshot } from '../catalog';
import { timeZoneLabel, timeZoneName } from '../console';
import { LOCALE_TAGS, type Language, requiredViewText, type ViewText } from '../i18n';
import { statsPageMessagesFor, type StatsPageMessages } from './stats-page-messages';
import type { StatsSummary } from './stats-service';

/** The periods the page offers; anything else in the query string shows the default. */
export const STATS_PERIODS = [7, 30, 90] as const;
export const DEFAULT_STATS_PERIOD = 30;

export function statsPeriodOf(value: unknown): number {
  const days = typeof value === 'string' && /^\d{1,3}$/.test(value) ? Number(value) : DEFAULT_STATS_PERIOD;
  return (STATS_PERIODS as readonly number[]).includes(days) ? days : DEFAULT_STATS_PERIOD;
}

/** A bar's length as an SVG width: the CSP forbids inline styles, not presentation attributes. */
export interface BarRow {
  count: string;
  /** "0%".."100%" of the largest value in the table. */
  width: string;
}

export interface StatsPageView {
  pt: StatsPageMessages;
  /** The zone whose days are counted, named fully (the note) and briefly (the date column). */
  zoneLabel: string;
  zoneName: string;
  days: number;
  periods: { days: number; href: string; current: boolean }[];
  totalChecks: string;
  dayRows: (BarRow & { date: string; today: boolean })[];
  exposureRows: (BarRow & { id: string; organization: ViewText | undefined; title: ViewText | undefined })[];
}

export function statsPageView(
  summary: StatsSummary,
  catalog: CatalogSnapshot,
  days: number,
  language: Language,
  timeZone: string,
): StatsPageView {
  const pt = statsPageMessagesFor(language);
  const number = new Intl.NumberFormat(LOCALE_TAGS[language]);
  const bar = barsFor(summary.days.map(({ checks }) => checks), number);
  const matchBar = barsFor(summary.matchesByExposure.map(({ matches }) => matches), number);
  const exposures = new Map(catalog.exposures.map((exposure) => [exposure.id, exposure]));
  const organizations = new Map(catalog.incidents.map((incident) => [incident.id, incident.organization]));
  const today = summary.days.at(-1)?.date;
  return {
    pt,
    zoneLabel: timeZoneLabel(timeZone, language),
    zoneName: timeZoneName(timeZone, language),
    days,
    periods: STATS_PERIODS.map((period) => ({ days: period, href: `/admin/stats?days=${period}`, current: period === days })),
    totalChecks: number.format(summary.days.reduce((sum, { checks }) => sum + checks, 0)),
    dayRows: summary.days
      .map(({ date, checks }) => ({ date, today: date === today, ...bar(checks) }))
      .reverse(),
    exposureRows: summary.matchesByExposure.map(({ exposureId, matches }) => {
      // An exposure deleted since its checks were counted keeps its counts, under its id.
      const exposure = exposures.get(exposureId);
      const organization = exposure === undefined ? undefined : organizations.get(exposure.incidentId);
      return {
        id: exposureId,
        title: exposure === undefined ? undefined : requiredViewText(exposure.title, language),
        organization: organization === undefined ? undefined : requiredViewText(organization, language),
        ...matchBar(matches),
      };
    }),
  };
}

function barsFor(values: number[], number: Intl.NumberFormat): (value: number) => BarRow {
  const largest = Math.max(0, ...values);
  return (value) => ({
    count: number.format(value),
    width: largest === 0 ? '0%' : `${((value / largest) * 100).toFixed(1)}%`,
  });
}
