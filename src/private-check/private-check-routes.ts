import { Router } from 'express';
import { type CheckRateLimits, rateLimitChecks } from '../abuse';
import { jsonBody, requireJson } from '../http';
import { MAX_QUERIES, PRIVATE_CHECK_BODY_LIMIT, queriesFromBody } from './private-check-request';
import type { PrivateCheckService } from './private-check-service';

/** GET and POST /api/v1/private-check, with their own body parser, mounted early as the check's are. */
export function privateCheckRoutes(service: PrivateCheckService, limits: CheckRateLimits): Router {
  const router = Router();
  router.get('/api/v1/private-check', async (_req, res) => {
    res.set('Cache-Control', 'no-store').json(await service.parameters());
  });
  router.post(
    '/api/v1/private-check',
    requireJson,
    jsonBody(PRIVATE_CHECK_BODY_LIMIT),
    // Every query is a check for the budgets (per address, per /64, global); a body that is no
    // list of queries counts as one, and is refused after.
    rateLimitChecks(limits, undefined, (req) => {
      const queries = (req.body as { queries?: unknown } | undefined)?.queries;
      return Array.isArray(queries) ? Math.min(MAX_QUERIES, Math.max(1, queries.length)) : 1;
    }),
    async (req, res) => {
      const answer = await service.answer(queriesFromBody(req.body));
      res.set('Cache-Control', 'no-store').json(answer);
    },
  );
  return router;
}
