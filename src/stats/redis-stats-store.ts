import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import { STATS_RETENTION_DAYS, type DayCounts, type ExposureOutcome, type StatsStore } from './stats-store';

const TTL_SECONDS = STATS_RETENTION_DAYS * 24 * 60 * 60;
const CHECKS = 'checks';
const MATCH = 'match:';

// One script, so a check is one command with a fixed-size reply. HINCRBY would answer with each
// new count, whose number of digits can differ between a hit (9 -> 10) and a miss (stays 9).
const RECORD_CHECK = `
redis.call('HINCRBY', KEYS[1], '${CHECKS}', 1)
for i = 2, #ARGV, 2 do
  redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('EXPIRE', KEYS[1], ARGV[1])
return 0
`;
const RECORD_CHECK_SHA = createHash('sha1').update(RECORD_CHECK).digest('hex');

/** One hash per UTC day, `<prefix>stats:day:<yyyy-mm-dd>`: field `checks`, and `match:<exposureId>` per exposure. */
export class RedisStatsStore implements StatsStore {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, prefix: string) {
    this.#redis = redis;
    this.#prefix = `${prefix}stats:day:`;
  }

  async recordCheck(date: string, outcomes: ExposureOutcome[]): Promise<void> {
    const args = [
      String(TTL_SECONDS),
      ...outcomes.flatMap(({ exposureId, matched }) => [`${MATCH}${exposureId}`, matched ? '1' : '0']),
    ];
    const key = this.#prefix + date;
    try {
      await this.#redis.evalsha(RECORD_CHECK_SHA, 1, key, ...args);
    } catch (error) {
      // Redis forgets scripts when it restarts: send it once in full, then the hash works again.
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      await this.#redis.eval(RECORD_CHECK, 1, key, ...args);
    }
  }

  async readDays(dates: string[]): Promise<DayCounts[]> {
    const pipeline = this.#redis.pipeline();
    for (const date of dates) pipeline.hgetall(this.#prefix + date);
    const replies = (await pipeline.exec()) ?? [];
    return dates.map((date, index) => {
      const [error, fields] = replies[index] ?? [new Error('no reply')];
      if (error) throw error;
      return dayCountsOf(date, fields as Record<string, string>);
    });
  }
}

function dayCountsOf(date: string, fields: Record<string, string>): DayCounts {
  const matches: Record<string, number> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (field.startsWith(MATCH)) matches[field.slice(MATCH.length)] = Number(value);
  }
  return { date, checks: Number(fields[CHECKS] ?? 0), matches };
}
