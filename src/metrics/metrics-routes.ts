import { createHash, timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import { AppError } from '../errors';
import type { ServiceMetrics } from './service-metrics';

const BEARER = /^Bearer +(\S+) *$/i;

/**
 * GET /metrics in Prometheus text, only with `Authorization: Bearer <METRICS_TOKEN>`; without a
 * configured token it is closed. A token of its own, not the admin one: a scraper's credential
 * sits in monitoring configuration and must not open the admin API. Compared as SHA-256 digests,
 * as the admin token is, so neither content nor length leaks through timing.
 */
export function metricsRoutes(metrics: ServiceMetrics, token: string | undefined): Router {
  const expected = token === undefined ? undefined : sha256(token);
  const router = Router();
  router.get('/metrics', async (req, res) => {
    const given = BEARER.exec(req.get('authorization') ?? '')?.[1];
    if (expected === undefined || given === undefined || !timingSafeEqual(sha256(given), expected)) {
      res.set('WWW-Authenticate', 'Bearer');
      throw new AppError('unauthorized', 401, 'Metrics need the metrics token.');
    }
    const text = await metrics.registry.metrics();
    res.set('Content-Type', metrics.registry.contentType).set('Cache-Control', 'no-store').send(text);
  });
  return router;
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
