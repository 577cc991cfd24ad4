import { Router } from 'express';
import { type CheckRateLimits, rateLimitChecks } from '../abuse';
import { jsonBody, requireJson } from '../http';
import { PADDED_ANSWER_CACHE_CONTROL } from './answer-padding';
import { ApiAnswers } from './api-answers';
import { emailFromBody } from './check-request';
import { CHECK_BODY_LIMIT } from './check-body-limit';
import type { Checker } from './checker';

/** POST /api/v1/check with everything it needs of its own, so that it can be mounted early (see createApp). */
export function checkApiRoutes(check: Checker, limits: CheckRateLimits): Router {
  const router = Router();
  // Padded: the answer's length on the wire must not tell a hit from a miss (src/check/answer-padding.ts).
  const answers = new ApiAnswers();
  router.post('/api/v1/check', requireJson, jsonBody(CHECK_BODY_LIMIT), rateLimitChecks(limits), async (req, res) => {
    // No masked echo of the address here, unlike the result page (issue 14): the client already
    // knows the address it sent, and an answer without it cannot leak it or vary in length with it.
    const result = await check.check(emailFromBody(req.body));
    const body = await answers.padded(result);
    res.set('Cache-Control', PADDED_ANSWER_CACHE_CONTROL).type('json').send(body);
  });
  return router;
}
