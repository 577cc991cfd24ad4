import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateCounter, RateDecision } from './rate-counter';

/**
 * rate-limiter-flexible rejects with a RateLimiterRes when a budget is spent and with an Error when
 * its store fails; this turns the first into a value so the second stays an exception.
 */
export function limiterCounter(limiter: RateLimiterAbstract): RateCounter {
  return {
    async consume(key: string): Promise<RateDecision> {
      try {
        await limiter.consume(key);
        return { allowed: true };
      } catch (outcome) {
        if (outcome instanceof RateLimiterRes) return { allowed: false, retryAfterMs: outcome.msBeforeNext };
        throw outcome;
      }
    },
  };
}
