import type { RedisClient } from '../store';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { limiterCounter } from './limiter-counter';
import type { RateCounters } from './rate-counter';

/**
 * Budgets shared by every instance on one Redis, under the deployment's key prefix
 * (`<prefix>rl:<rule>:<key>`), each key expiring with its window.
 */
export function redisRateCounters(redis: RedisClient, keyPrefix: string): RateCounters {
  return (rule) =>
    limiterCounter(
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${keyPrefix}rl:${rule.name}`,
        points: rule.points,
        duration: rule.windowSeconds,
        // Fail at once while disconnected rather than after the command timeout: the caller answers 503.
        rejectIfRedisNotReady: true,
      }),
    );
}
