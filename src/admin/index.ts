import { Router } from 'express';
import type { Feature } from '../http';
import { adminGate } from './admin-gate';
import { adminGateApiPaths } from './admin-openapi';
import type { AdminAuthOptions } from './require-admin-token';

/**
 * The gate of the admin API: every request under /api/v1/admin is authenticated (break-glass
 * token, per-admin token or admin session) before any body is read. The admin routes themselves
 * belong to their features (catalogue, lists), mounted after the public parsers.
 */
export function createAdminApiGate(options: AdminAuthOptions): Feature {
  const router = Router();
  router.use('/api/v1/admin', adminGate(options));
  return { routes: { unparsed: [router] }, api: [adminGateApiPaths] };
}

// The API document's account of this feature's routes (src/api-document.ts lists it).
export { adminGateApiPaths } from './admin-openapi';
