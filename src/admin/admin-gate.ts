import { Router } from 'express';
import { jsonBody } from '../http';
import { requireAdminToken, type AdminAuthOptions } from './require-admin-token';

// Incident and exposure texts may run to a few thousand characters in two languages, escaped:
// more than the public API's limit, far less than anything worth streaming.
const ADMIN_JSON_LIMIT = '256kb';

/**
 * What every request under /api/v1/admin/ passes first: the token or session check, which records
 * the actor in res.locals.actor, before any body is read (an unauthenticated caller never gets a
 * body parsed or streamed), then a no-store policy, since admin answers hold unpublished material,
 * then JSON parsing with the admin size limit.
 */
export function adminGate(auth: AdminAuthOptions): Router {
  const router = Router();
  router.use(requireAdminToken(auth));
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  router.use(jsonBody(ADMIN_JSON_LIMIT));
  return router;
}
