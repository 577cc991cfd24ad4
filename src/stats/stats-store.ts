/** Counters are kept a little over a year; the Redis store lets older days expire. */
export const STATS_RETENTION_DAYS = 400;

/** Counts to add to one day (a calendar day of the service's time zone, YYYY-MM-DD): checks answered, and matches per exposure checked. */
export interface CountsToAdd {
  checks: number;
  /** Every exposure checked, with 0 when nothing matched it, so that it is listed for the day. */
  matches: Record<string, number>;
}

/** A day's counters (its local date): checks answered, and matches per exposure checked that day. */
export interface DayCounts extends CountsToAdd {
  date: string;
}

/**
 * Counters only: how many public checks a day, and how many of them matched each exposure. No
 * event, no time finer than a day, nothing about who checked or what they typed.
 */
export interface StatsStore {
  /** Adds the counts of many checks to a day's counters, in one write. */
  addCounts(date: string, counts: CountsToAdd): Promise<void>;
  /** The counters of these days, in the order given; a day without checks reads as zeros. */
  readDays(dates: string[]): Promise<DayCounts[]>;
}
