import { RateLimiterMemory } from 'rate-limiter-flexible';
import { limiterCounter } from './limiter-counter';
import type { RateCounters } from './rate-counter';

/** Demo mode's budgets: one process, lost on exit, like the rest of the demo store. */
export function memoryRateCounters(): RateCounters {
  return (rule) =>
    limiterCounter(new RateLimiterMemory({ keyPrefix: rule.name, points: rule.points, duration: rule.windowSeconds }));
}
