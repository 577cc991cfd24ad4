import { execKeyed, type RedisClient } from '../store';
import { STATS_RETENTION_DAYS, type CountsToAdd, type DayCounts, type StatsStore } from './stats-store';

const TTL_SECONDS = STATS_RETENTION_DAYS * 24 * 60 * 60;
const CHECKS = 'checks';
const MATCH = 'match:';

/** One hash per day (of the service's time zone; days counted before TIME_ZONE existed are UTC days), `<prefix>stats:day:<yyyy-mm-dd>`: field `checks`, and `match:<exposureId>` per exposure. */
export class RedisStatsStore implements StatsStore {
  readonly #redis: RedisClient;
  readonly #prefix: string;

  constructor(redis: RedisClient, prefix: string) {
    this.#redis = redis;
    this.#prefix = `${prefix}stats:day:`;
  }

  async addCounts(date: string, counts: CountsToAdd): Promise<void> {
    const key = this.#prefix + date;
    // One transaction: no reader sees a day's checks counted without their matches.
    const transaction = this.#redis.multi().hincrby(key, CHECKS, counts.checks);
    for (const [exposureId, matches] of Object.entries(counts.matches)) transaction.hincrby(key, `${MATCH}${exposureId}`, matches);
    const replies = (await transaction.expire(key, TTL_SECONDS).exec()) ?? [[new Error('the transaction was discarded')]];
    const failed = replies.find(([error]) => error !== null);
    if (failed) throw failed[0];
  }

  async readDays(dates: string[]): Promise<DayCounts[]> {
    // A key per day, spread over a cluster's nodes: execKeyed sends each node its days at once.
    const replies = await execKeyed(
      this.#redis,
      dates.map((date) => ({ key: this.#prefix + date, add: (pipeline) => pipeline.hgetall(this.#prefix + date) })),
    );
    return dates.map((date, index) => dayCountsOf(date, replies[index] as Record<string, string>));
  }
}

function dayCountsOf(date: string, fields: Record<string, string>): DayCounts {
  const matches: Record<string, number> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (field.startsWith(MATCH)) matches[field.slice(MATCH.length)] = Number(value);
  }
  return { date, checks: Number(fields[CHECKS] ?? 0), matches };
}
