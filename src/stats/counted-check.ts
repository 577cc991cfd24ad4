import type { Logger } from 'pino';
import type { Checker } from '../check/checker';
import type { StatsService } from './stats-service';

/**
 * The public check with every answer counted (src/stats/), as measuredCheck times it. The count is
 * started and not awaited: the customer's answer never waits for it, and a count that fails is
 * logged and forgotten: never an unhandled rejection, never a changed answer. Only answered
 * checks are counted; a refused or failed one is not a check made.
 */
export function countedCheck(checker: Checker, stats: StatsService, logger: Logger): Checker {
  return {
    async check(email) {
      const result = await checker.check(email);
      // Through a promise, so even a synchronous throw while counting ends in the catch below.
      Promise.resolve()
        .then(() => stats.record(result))
        .catch((error: unknown) => {
          const { name, message } = error instanceof Error ? error : new Error(String(error));
          logger.warn({ err: { name, message } }, 'counting a public check failed; its answer was given all the same');
        });
      return result;
    },
  };
}
