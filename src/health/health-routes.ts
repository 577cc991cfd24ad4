import { Router } from 'express';
import type { Readiness } from './readiness';

/**
 * Liveness says the process runs; readiness says it can answer checks: it is not shutting down
 * and the store is reachable. Either failure is a 503, so a load balancer sends traffic elsewhere.
 */
export function healthRoutes(ping: () => Promise<void>, readiness: Readiness): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    if (readiness.draining) {
      res.status(503).json({ error: { code: 'draining', message: 'The server is shutting down.' } });
      return;
    }
    try {
      await ping();
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ error: { code: 'unavailable', message: 'The store is not reachable.' } });
    }
  });
  return router;
}
