import type { Checker } from '../check';
import { outcomeOfError } from './check-outcome';
import type { ServiceMetrics } from './service-metrics';

/**
 * The check as the routes see it, with every call counted by outcome and timed, so the routes and
 * the service stay unaware of metrics. Only fixed outcome names reach the metrics; the address and
 * the result's contents do not.
 */
export function measuredCheck(checker: Checker, metrics: ServiceMetrics): Checker {
  return {
    async check(email) {
      const started = performance.now();
      try {
        const result = await checker.check(email);
        metrics.countCheck(result.affected ? 'affected' : 'not_affected', (performance.now() - started) / 1000);
        return result;
      } catch (error) {
        metrics.countCheck(outcomeOfError(error));
        throw error;
      }
    },
  };
}
