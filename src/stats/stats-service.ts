import type { Logger } from 'pino';
import type { CheckResult } from '../check';
import { AppError } from '../errors';
import { addDays, DEFAULT_TIME_ZONE, localDate } from '../shared';
import { STATS_RETENTION_DAYS, type CountsToAdd, type StatsStore } from './stats-store';

export interface StatsSummary {
  /** Public checks answered per day of the service's time zone, oldest first, today last; days without checks are 0. */
  days: { date: string; checks: number }[];
  /** Matches per exposure over those days, most first; an exposure checked but never matched is 0. */
  matchesByExposure: { exposureId: string; matches: number }[];
}

/** How long counts gather in memory before they are written together. */
const STATS_FLUSH_INTERVAL_MS = 1000;

/**
 * Aggregate counts of public checks (page and API) for admins. A check's answer never waits for
 * its count, and no count ever changes an answer: `record` only adds to counts held in memory,
 * which are written to the store together at most a second later (one write for every check of
 * that second, instead of one per check: a check costs no Redis command of its own, and so
 * nothing here can differ between a hit and a miss either). A write that fails is logged, and
 * its counts are lost: statistics are not worth holding answers back or retrying against a store
 * that is down. A shutdown flushes what is left (see `flush`).
 */
export class StatsService {
  readonly #store: StatsStore;
  readonly #clock: () => Date;
  readonly #logger: Logger | undefined;
  readonly #flushIntervalMs: number;
  readonly #timeZone: string;
  /** Counts not yet written, by local date: a second that spans midnight counts on both days. */
  #pending = new Map<string, CountsToAdd>();
  #timer: NodeJS.Timeout | undefined;
  readonly #writing = new Set<Promise<void>>();

  /** `timeZone` (IANA; Asia/Tokyo unless given): the days counted are its calendar days. */
  constructor(deps: { store: StatsStore; clock?: () => Date; logger?: Logger; flushIntervalMs?: number; timeZone?: string }) {
    this.#store = deps.store;
    this.#clock = deps.clock ?? (() => new Date());
    this.#logger = deps.logger;
    this.#flushIntervalMs = deps.flushIntervalMs ?? STATS_FLUSH_INTERVAL_MS;
    this.#timeZone = deps.timeZone ?? DEFAULT_TIME_ZONE;
  }

  /** The zone whose days are counted. */
  get timeZone(): string {
    return this.#timeZone;
  }

  /** Counts one answered public check under today's date in the time zone; written with the next flush. */
  record(result: CheckResult): void {
    const date = localDate(this.#clock(), this.#timeZone);
    const counts = this.#pending.get(date) ?? { checks: 0, matches: {} };
    counts.checks += 1;
    const matched = new Set(result.exposures.map((exposure) => exposure.id));
    for (const { id } of result.checked) counts.matches[id] = (counts.matches[id] ?? 0) + (matched.has(id) ? 1 : 0);
    this.#pending.set(date, counts);
    // Unref'd: counts waiting to be written never keep a process alive; close() flushes them.
    this.#timer ??= setTimeout(() => void this.flush(), this.#flushIntervalMs).unref();
  }

  /**
   * Writes every count recorded so far, and resolves once it and every earlier write has been
   * written or has failed (and been logged); never rejects. A shutdown calls it before closing the
   * store, so the last answers are counted too.
   */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const pending = this.#pending;
    this.#pending = new Map();
    for (const [date, counts] of pending) {
      const writing = this.#write(date, counts).finally(() => this.#writing.delete(writing));
      this.#writing.add(writing);
    }
    await Promise.all([...this.#writing]);
  }

  async #write(date: string, counts: CountsToAdd): Promise<void> {
    try {
      await this.#store.addCounts(date, counts);
    } catch (error) {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      this.#logger?.warn(
        { err: { name, message }, date, checks: counts.checks },
        'writing the counts of public checks failed; those checks were answered all the same, and are not counted',
      );
    }
  }

  /** The last `days` days of the time zone, today included (1..400: counters are kept 400 days), up to this moment. */
  async summary(days: number): Promise<StatsSummary> {
    if (!Number.isInteger(days) || days < 1 || days > STATS_RETENTION_DAYS) {
      throw AppError.badRequest('invalid_request', `days must be a whole number from 1 to ${STATS_RETENTION_DAYS}.`, 'days');
    }
    // The checks of the last second too: an admin who has just checked an address sees it counted.
    await this.flush();
    const today = localDate(this.#clock(), this.#timeZone);
    const dates = Array.from({ length: days }, (_, index) => addDays(today, index - (days - 1)));
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
