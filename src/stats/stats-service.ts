import type { CheckResult } from '../check/check-result';
import { AppError } from '../errors/app-error';
import { STATS_RETENTION_DAYS, type StatsStore } from './stats-store';

export interface StatsSummary {
  /** Public checks answered per UTC day, oldest first, today last; days without checks are 0. */
  days: { date: string; checks: number }[];
  /** Matches per exposure over those days, most first; an exposure checked but never matched is 0. */
  matchesByExposure: { exposureId: string; matches: number }[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Aggregate counts of public checks (page and API) for admins. Counting never decides an answer:
 * the check route fires `record` and goes on (src/stats/counted-check.ts).
 */
export class StatsService {
  readonly #store: StatsStore;
  readonly #clock: () => Date;
  readonly #inFlight = new Set<Promise<unknown>>();

  constructor(deps: { store: StatsStore; clock?: () => Date }) {
    this.#store = deps.store;
    this.#clock = deps.clock ?? (() => new Date());
  }

  /** Counts one answered public check under today's UTC date; rejects if the store fails. */
  record(result: CheckResult): Promise<void> {
    const matched = new Set(result.exposures.map((exposure) => exposure.id));
    const outcomes = result.checked.map(({ id }) => ({ exposureId: id, matched: matched.has(id) }));
    const recording = this.#store.recordCheck(utcDate(this.#clock()), outcomes);
    const tracked = recording.catch(() => undefined).finally(() => this.#inFlight.delete(tracked));
    this.#inFlight.add(tracked);
    return recording;
  }

  /**
   * Resolves once every count started so far has been written or has failed. A shutdown waits for
   * it before closing the store, so the last answers are counted too.
   */
  async settled(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all([...this.#inFlight]);
  }

  /** The last `days` UTC days, today included (1..400: counters are kept 400 days). */
  async summary(days: number): Promise<StatsSummary> {
    if (!Number.isInteger(days) || days < 1 || days > STATS_RETENTION_DAYS) {
      throw AppError.badRequest('invalid_request', `days must be a whole number from 1 to ${STATS_RETENTION_DAYS}.`, 'days');
    }
    const today = Date.parse(`${utcDate(this.#clock())}T00:00:00.000Z`);
    const dates = Array.from({ length: days }, (_, index) => utcDate(new Date(today - (days - 1 - index) * DAY_MS)));
    const counts = await this.#store.readDays(dates);
    const matches = new Map<string, number>();
    for (const day of counts) {
      for (const [exposureId, count] of Object.entries(day.matches)) {
        matches.set(exposureId, (matches.get(exposureId) ?? 0) + count);
      }
    }
    return {
      days: counts.map(({ date, checks }) => ({ date, checks })),
      matchesByExposure: [...matches]
        .map(([exposureId, count]) => ({ exposureId, matches: count }))
        .sort((a, b) => b.matches - a.matches || a.exposureId.localeCompare(b.exposureId)),
    };
  }
}

function utcDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
