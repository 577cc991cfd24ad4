/** Counters are kept a little over a year; the Redis store lets older days expire. */
export const STATS_RETENTION_DAYS = 400;

/** One checked exposure of one public check: was the address in its list? */
export interface ExposureOutcome {
  exposureId: string;
  matched: boolean;
}

/** A day's counters (UTC date): checks answered, and matches per exposure checked that day. */
export interface DayCounts {
  date: string;
  checks: number;
  /** Every exposure checked that day, with 0 when nothing matched it. */
  matches: Record<string, number>;
}

/**
 * Counters only: how many public checks a day, and how many of them matched each exposure. No
 * event, no time finer than a day, nothing about who checked or what they typed.
 */
export interface StatsStore {
  /**
   * Counts one check: `checks` + 1 and, for every exposure checked, its matches + 1 or + 0. A hit
   * and a miss therefore send the same commands with the same sizes (equal work).
   */
  recordCheck(date: string, outcomes: ExposureOutcome[]): Promise<void>;
  /** The counters of these days, in the order given; a day without checks reads as zeros. */
  readDays(dates: string[]): Promise<DayCounts[]>;
}
