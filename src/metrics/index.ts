import type { Checker } from '../check';
import type { Feature } from '../http';
import { measuredCheck } from './measured-check';
import { metricsRoutes } from './metrics-routes';
import { ServiceMetrics } from './service-metrics';

export { countRateLimited } from './count-rate-limited';

export interface MetricsFeature extends Feature {
  /** This service's metrics (a registry of its own), served at /metrics. */
  service: ServiceMetrics;
  /** The checker that times and counts every public check by outcome. */
  measuring(checker: Checker): Checker;
}

/** GET /metrics, open only with METRICS_TOKEN (absent: closed to every request). */
export function createMetricsFeature(deps: { token: string | undefined }): MetricsFeature {
  const service = new ServiceMetrics();
  return {
    service,
    measuring: (checker) => measuredCheck(checker, service),
    routes: { unparsed: [metricsRoutes(service, deps.token)] },
  };
}
