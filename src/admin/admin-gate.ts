import express, { Router } from 'express';
import { requireAdminToken } from './require-admin-token';

// Incident and exposure texts may run to a few thousand characters in two languages, escaped:
// more than the public API's limit, far less than anything worth streaming.
const ADMIN_JSON_LIMIT = '256kb';

/**
 * What every request under /api/v1/admin/ passes first: the token check, before any body is read
 * (an unauthenticated caller never gets a body parsed or streamed), then a no-store policy, since
 * admin answers hold unpublished material, then JSON parsing with the admin size limit.
 */
export function adminGate(adminApiToken: string | undefined): Router {
  const router = Router();
  router.use(requireAdminToken(adminApiToken));
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  router.use(express.json({ limit: ADMIN_JSON_LIMIT }));
  return router;
}
