import type { Checker } from '../check';
import type { StatsService } from './stats-service';

/**
 * The public check with every answer counted (src/stats/), as measuredCheck times it. Counting
 * only adds to counts in memory (StatsService writes them later, and logs a failed write), so the
 * customer's answer never waits for it and never changes with it. Only answered checks are
 * counted; a refused or failed one is not a check made.
 */
export function countedCheck(checker: Checker, stats: StatsService): Checker {
  return {
    async check(email) {
      const result = await checker.check(email);
      stats.record(result);
      return result;
    },
  };
}
