import { Router } from 'express';

/** Liveness says the process runs; readiness says it can answer checks (the store is reachable). */
export function healthRoutes(ping: () => Promise<void>): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await ping();
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ error: { code: 'unavailable', message: 'The store is not reachable.' } });
    }
  });
  return router;
}
