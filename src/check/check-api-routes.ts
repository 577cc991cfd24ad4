import { Router } from 'express';
import { requireJson } from '../http/require-content-type';
import { emailFromBody } from './check-request';
import type { Checker } from './checker';

export function checkApiRoutes(check: Checker): Router {
  const router = Router();
  router.post('/api/v1/check', requireJson, async (req, res) => {
    const result = await check.check(emailFromBody(req.body));
    res.set('Cache-Control', 'no-store').json(result);
  });
  return router;
}
