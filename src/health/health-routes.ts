import { Router } from 'express';
import type { Logger } from 'pino';
import type { Readiness } from './readiness';

/** Why the store cannot serve checks (src/store's StoreProblem, as readiness sees it). */
export interface StoreProblemReport {
  code: string;
  message: string;
}

/**
 * Liveness says the process runs; readiness says it can answer checks: it is not shutting down,
 * and the store is reachable, still holds the data this server bound to at start, and cannot
 * evict keys. Any failure is a 503 with its reason, so a load balancer sends traffic elsewhere
 * and an operator reads what to mend; the reason is logged once each time it changes.
 */
export function healthRoutes(findStoreProblem: () => Promise<StoreProblemReport | null>, readiness: Readiness, logger: Logger): Router {
  const router = Router();
  let lastCode: string | undefined;
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    if (readiness.draining) {
      res.status(503).json({ error: { code: 'draining', message: 'The server is shutting down.' } });
      return;
    }
    const problem = await findStoreProblem();
    if (problem?.code !== lastCode) {
      if (problem === null) logger.info('ready: the store serves checks again');
      else logger.error({ code: problem.code }, `not ready: ${problem.message}`);
      lastCode = problem?.code;
    }
    if (problem === null) res.json({ status: 'ready' });
    else res.status(503).json({ error: problem });
  });
  return router;
}
