import type { RequestHandler } from 'express';
import type { ServiceMetrics } from './service-metrics';

const CHECK_PATHS = new Set(['/check', '/api/v1/check']);

/**
 * Counts 429 answers however the limiter sends them (error middleware or directly), so the rate
 * limiter needs no metrics hook. A limited check never reaches the check service, hence here.
 */
export function countRateLimited(metrics: ServiceMetrics): RequestHandler {
  return (req, res, next) => {
    const isCheck = req.method === 'POST' && CHECK_PATHS.has(req.path);
    res.once('finish', () => {
      if (res.statusCode === 429) metrics.countRateLimited(isCheck);
    });
    next();
  };
}
