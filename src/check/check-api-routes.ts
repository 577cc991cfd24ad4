import express, { Router } from 'express';
import type { CheckRateLimits } from '../abuse/check-rate-limits';
import { rateLimitChecks } from '../abuse/rate-limit-middleware';
import { requireJson } from '../http/require-content-type';
import { emailFromBody } from './check-request';
import { CHECK_BODY_LIMIT } from './check-body-limit';
import type { Checker } from './checker';

/** POST /api/v1/check with everything it needs of its own, so that it can be mounted early (see createApp). */
export function checkApiRoutes(check: Checker, limits: CheckRateLimits): Router {
  const router = Router();
  router.post('/api/v1/check', requireJson, express.json({ limit: CHECK_BODY_LIMIT }), rateLimitChecks(limits), async (req, res) => {
    const result = await check.check(emailFromBody(req.body));
    res.set('Cache-Control', 'no-store').json(result);
  });
  return router;
}
