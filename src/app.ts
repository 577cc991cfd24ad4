import path from 'node:path';
import express, { type Express } from 'express';
import nunjucks from 'nunjucks';
import type { Logger } from 'pino';
import type { CheckRateLimits } from './abuse/check-rate-limits';
import type { TrustProxy } from './abuse/trust-proxy';
import { adminConsoleRoutes } from './console/admin-console-routes';
import { adminGate } from './admin/admin-gate';
import type { AuditedAdmin } from './admin/audited-admin';
import { auditRoutes } from './audit/audit-routes';
import type { AuditService } from './audit/audit-service';
import { adminCatalogRoutes } from './catalog/admin-catalog-routes';
import type { AdminCatalogService } from './catalog/admin-catalog-service';
import { catalogRoutes } from './catalog/catalog-routes';
import type { CatalogService } from './catalog/catalog-service';
import { checkApiRoutes } from './check/check-api-routes';
import { CHECK_BODY_LIMIT } from './check/check-body-limit';
import { checkPageRoutes } from './check/check-page-routes';
import type { Checker } from './check/checker';
import type { OperatorIdentity } from './config/operator-identity';
import type { HashingProfile } from './hashing/hashing-profile';
import { profileRoutes } from './hashing/profile-routes';
import { closeConnectionsWhileDraining } from './health/drain-connections';
import { healthRoutes, type StoreProblemReport } from './health/health-routes';
import type { Readiness } from './health/readiness';
import { errorMiddleware, notFoundHandler } from './http/error-middleware';
import { jsonBody } from './http/json-body';
import { openApiDocument } from './openapi/openapi-document';
import { packageRoot } from './shared/package-root';
import { renderView } from './http/render-view';
import { adminListRoutes } from './lists/admin-list-routes';
import type { AdminListService } from './lists/admin-list-service';
import { operatorViews } from './http/operator-view';
import { securityHeaders } from './http/security-headers';
import { pageLanguage } from './i18n/page-language';
import { requestLogger } from './logging/request-logger';
import { countRateLimited } from './metrics/count-rate-limited';
import { measuredCheck } from './metrics/measured-check';
import { metricsRoutes } from './metrics/metrics-routes';
import type { ServiceMetrics } from './metrics/service-metrics';
import type { AuditedStaffAdmin } from './staff/audited-staff-admin';
import { consoleRouter } from './console/console-router';
import { staffHttp, type StaffAuthDeps } from './sign-in/staff-auth';
import { countedCheck } from './stats/counted-check';
import { statsRoutes } from './stats/stats-routes';
import type { StatsService } from './stats/stats-service';
import type { StaffCheckService } from './support/staff-check-service';
import type { AuditedApiTokens } from './tokens/audited-api-tokens';
import { supportRoutes } from './support/support-routes';

export interface AppDeps {
  check: Checker;
  catalog: CatalogService;
  adminCatalog: AdminCatalogService;
  adminLists: AdminListService;
  /** ADMIN_API_TOKEN, the break-glass bootstrap; absent: only per-admin tokens and admin sessions open the admin API. */
  adminApiToken: string | undefined;
  /** Staff accounts, sessions, sign-in throttle and API tokens: the consoles and the admin API gate. */
  staffAuth: StaffAuthDeps;
  currentProfile: () => HashingProfile;
  /** Null when the store can serve checks; otherwise why not (unreachable, lost data, may evict). */
  findStoreProblem: () => Promise<StoreProblemReport | null>;
  logger: Logger;
  demoMode: boolean;
  /** Who runs the service, named on every public page; absent only in demo mode or a misconfiguration. */
  operator: OperatorIdentity | undefined;
  /** Budgets every check (page and API) must fit in before any hashing is done. */
  checkRateLimits: CheckRateLimits;
  /** Which proxies' X-Forwarded-For to believe, so req.ip is the client (TRUST_PROXY). */
  trustProxy: TrustProxy;
  /** This instance's metrics, served at /metrics. */
  metrics: ServiceMetrics;
  /** Absent: /metrics refuses every request. */
  metricsToken: string | undefined;
  /** Draining (SIGTERM) turns /readyz to 503. */
  readiness: Readiness;
  /** Counts every answered public check (page and API), without delaying or changing the answer. */
  stats: StatsService;
  /** The audit log: the admin console's audit page reads it. */
  audit: AuditService;
  /** Support checks on a caller's behalf (the support console), each audited before it is answered. */
  staffCheck: StaffCheckService;
  /** Admin changes on behalf of an actor, each audited: the admin API and the admin console. */
  auditedAdmin: AuditedAdmin;
  /** Staff accounts changed in the admin console, audited. */
  staffAdmin: AuditedStaffAdmin;
  /** The signed-in admin's own API tokens (admin console), audited. */
  apiTokenAdmin: AuditedApiTokens;
  /** A list upload (admin API or console) whose body stalls this long is cut off (LIST_UPLOAD_IDLE_SECONDS). */
  listUploadIdleMs: number;
}

// The public endpoints other than the checks take small bodies, like the checks (which parse their own).
const BODY_LIMIT = CHECK_BODY_LIMIT;

/** The composition root of the HTTP layer: wires routes to the services it is given; never listens. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Express would hash every answer into an ETag. The answers that matter are personal and
  // no-store, so revalidating them never happens: a hash per check for nothing. (Static files
  // keep theirs: serve-static sets its own.)
  app.set('etag', false);
  app.set('trust proxy', deps.trustProxy);
  configureViews(app, deps);
  if (deps.operator === undefined && !deps.demoMode) {
    deps.logger.warn('OPERATOR_NAME_JA/OPERATOR_NAME_EN and OPERATOR_URL are not set: the public page cannot say who runs it');
  }

  // First, so that every request is logged and counted, however it ends.
  app.use(requestLogger(deps.logger));
  app.use(countRateLimited(deps.metrics));
  app.use(closeConnectionsWhileDraining(deps.readiness));
  app.use(securityHeaders);
  // Before the body parsers and the rate limits: a scraper sends no body and must not use up a budget.
  app.use(metricsRoutes(deps.metrics, deps.metricsToken));
  // The checks next, with their own parsers, page language and rate limits (only the checks are
  // limited: they cost an argon2 hash each and answer the question an enumerator asks). A spike is
  // all checks: the fewer layers each passes, the more of the cores is left for the hashes, and the
  // less a check refused under overload costs.
  const check = countedCheck(measuredCheck(deps.check, deps.metrics), deps.stats);
  app.use(checkApiRoutes(check, deps.checkRateLimits));
  app.use(checkPageRoutes(check, deps.checkRateLimits, renderView(app)));
  app.use('/static', express.static(path.join(packageRoot(), 'views', 'static'), { maxAge: '1h', index: false }));
  // Before the public body parsers: admin requests are authenticated before any body is read.
  const staffSession = staffHttp(deps.staffAuth);
  app.use(
    '/api/v1/admin',
    adminGate({ breakGlassToken: deps.adminApiToken, apiTokens: deps.staffAuth.apiTokens, staffHttp: staffSession }),
  );
  // The staff consoles (/staff, /support, /admin) bring their own session, parsers, CSRF and errors.
  // Feature consoles add their routers to this list.
  app.use(
    consoleRouter({ auth: deps.staffAuth, http: staffSession, logger: deps.logger }, [
      supportRoutes({ staffCheck: deps.staffCheck, logger: deps.logger }),
      auditRoutes({ audit: deps.audit, staff: deps.staffAuth.staff }),
      statsRoutes({ stats: deps.stats, catalog: deps.catalog }),
      adminConsoleRoutes({
        catalog: deps.adminCatalog,
        auditedAdmin: deps.auditedAdmin,
        currentProfile: deps.currentProfile,
        staff: deps.staffAuth.staff,
        staffAdmin: deps.staffAdmin,
        apiTokens: deps.apiTokenAdmin,
        listUploadIdleMs: deps.listUploadIdleMs,
        tokenReads: deps.staffAuth.apiTokens,
      }),
    ]),
  );
  app.use(jsonBody(BODY_LIMIT));
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT }));
  // After the form parser: a posted form's hidden field may say its language.
  app.use(pageLanguage);

  app.use(healthRoutes(deps.findStoreProblem, deps.readiness, deps.logger));
  app.get('/api/v1/openapi.json', (_req, res) => {
    res.json(openApiDocument);
  });
  app.use(profileRoutes(deps.currentProfile));
  app.use(catalogRoutes(deps.catalog));
  // Reads go to the services; every change goes through the audited actions of the request's actor.
  app.use(adminCatalogRoutes(deps.adminCatalog, deps.auditedAdmin));
  app.use(adminListRoutes(deps.auditedAdmin, deps.listUploadIdleMs));

  app.use(notFoundHandler);
  app.use(errorMiddleware(deps.logger));
  return app;
}

function configureViews(app: Express, { demoMode, operator }: Pick<AppDeps, 'demoMode' | 'operator'>): void {
  // An environment of our own, not nunjucks.configure's process-wide one: two apps never share state.
  const loader = new nunjucks.FileSystemLoader(path.join(packageRoot(), 'views'));
  const env = new nunjucks.Environment(loader, { autoescape: true });
  env.addGlobal('demoMode', demoMode);
  env.addGlobal('operatorViews', operatorViews(operator));
  env.express(app);
  app.set('view engine', 'njk');
}
