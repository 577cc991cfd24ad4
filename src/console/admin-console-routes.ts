import { Router, type ErrorRequestHandler } from 'express';
import type { AuditedAdmin } from '../admin/audited-admin';
import type { AdminCatalogService } from '../catalog/admin-catalog-service';
import { isAppError } from '../errors/app-error';
import type { HashingProfile } from '../hashing/hashing-profile';
import type { AuditedStaffAdmin } from '../staff/audited-staff-admin';
import type { StaffService } from '../staff/staff-service';
import type { ApiTokenService } from '../tokens/api-token-service';
import type { AuditedApiTokens } from '../tokens/audited-api-tokens';
import { adminLocals } from './admin-locals';
import { dashboardRoutes } from './dashboard-page';
import { exposureRoutes } from '../catalog/exposure-pages';
import { incidentRoutes } from '../catalog/incident-pages';
import { listUploadRoutes } from '../lists/list-upload-pages';
import { staffRoutes } from '../staff/staff-pages';
import { tokenRoutes } from '../tokens/token-pages';

export interface AdminConsoleDeps {
  catalog: AdminCatalogService;
  auditedAdmin: AuditedAdmin;
  currentProfile: () => HashingProfile;
  staff: Pick<StaffService, 'list' | 'get'>;
  staffAdmin: AuditedStaffAdmin;
  apiTokens: AuditedApiTokens;
  /** Any account's API tokens, for its staff page (reads only). */
  tokenReads: Pick<ApiTokenService, 'listTokens'>;
  /** A list upload whose body stalls this long is cut off. */
  listUploadIdleMs: number;
}

/**
 * The admin console's pages, for the console router's list (src/app.ts): dashboard, incidents and
 * exposures with their lists, staff, API tokens. The console router has already run the session,
 * CSRF check and language; /admin is closed to anyone but admins there, and each route says so
 * again. (The audit log and statistics pages are routers of their own.)
 */
export function adminConsoleRoutes(deps: AdminConsoleDeps): Router {
  const router = Router();
  router.use('/admin', adminLocals);
  router.use(listUploadRoutes(deps));
  router.use(dashboardRoutes(deps));
  router.use(incidentRoutes(deps));
  router.use(exposureRoutes(deps));
  router.use(staffRoutes({ staff: deps.staff, staffAdmin: deps.staffAdmin, tokens: deps.tokenReads }));
  router.use(tokenRoutes({ apiTokens: deps.apiTokens }));
  router.use(auditGapPage);
  return router;
}

/**
 * A change made whose audit event could not be written: the page says the change happened and the
 * trail has a gap (the generic 503 page would suggest it had failed). Script endpoints get the JSON.
 */
const auditGapPage: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (!isAppError(error) || error.code !== 'audit_unavailable' || res.locals.consoleApi === true) {
    next(error);
    return;
  }
  res.status(503).render('admin/audit-gap.njk');
};
