import path from 'node:path';
import express, { type Express } from 'express';
import nunjucks from 'nunjucks';
import type { Logger } from 'pino';
import type { CheckRateLimits } from './abuse/check-rate-limits';
import { rateLimitChecks } from './abuse/rate-limit-middleware';
import type { TrustProxy } from './abuse/trust-proxy';
import { adminGate } from './admin/admin-gate';
import { adminCatalogRoutes } from './catalog/admin-catalog-routes';
import type { AdminCatalogService } from './catalog/admin-catalog-service';
import { catalogRoutes } from './catalog/catalog-routes';
import type { CatalogService } from './catalog/catalog-service';
import { checkApiRoutes } from './check/check-api-routes';
import { checkPageRoutes } from './check/check-page-routes';
import type { Checker } from './check/checker';
import type { OperatorIdentity } from './config/operator-identity';
import type { HashingProfile } from './hashing/hashing-profile';
import { profileRoutes } from './hashing/profile-routes';
import { closeConnectionsWhileDraining } from './health/drain-connections';
import { healthRoutes } from './health/health-routes';
import type { Readiness } from './health/readiness';
import { errorMiddleware, notFoundHandler } from './http/error-middleware';
import { openApiDocument } from './http/openapi';
import { packageRoot } from './http/package-root';
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

export interface AppDeps {
  check: Checker;
  catalog: CatalogService;
  adminCatalog: AdminCatalogService;
  adminLists: AdminListService;
  /** Absent: the admin API refuses every request. */
  adminApiToken: string | undefined;
  currentProfile: () => HashingProfile;
  /** Resolves when the store answers. */
  ping: () => Promise<void>;
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
}

// A check needs a few hundred bytes; anything much larger is not a check.
const BODY_LIMIT = '8kb';

/** The composition root of the HTTP layer: wires routes to the services it is given; never listens. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
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
  app.use('/static', express.static(path.join(packageRoot(), 'views', 'static'), { maxAge: '1h', index: false }));
  // Before the public body parsers: admin requests are authenticated before any body is read.
  app.use('/api/v1/admin', adminGate(deps.adminApiToken));
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT }));
  // After the form parser: the check form's hidden field says which language the result is in.
  app.use(pageLanguage);

  app.use(healthRoutes(deps.ping, deps.readiness));
  app.get('/api/v1/openapi.json', (_req, res) => {
    res.json(openApiDocument);
  });
  app.use(profileRoutes(deps.currentProfile));
  app.use(catalogRoutes(deps.catalog));
  app.use(adminCatalogRoutes(deps.adminCatalog));
  app.use(adminListRoutes(deps.adminLists));
  // After the parsers and the page language, so a refused form still gets its page in its language.
  // Only the checks: they cost an argon2 hash each and answer the question an enumerator asks.
  app.post(['/check', '/api/v1/check'], rateLimitChecks(deps.checkRateLimits));
  const check = measuredCheck(deps.check, deps.metrics);
  app.use(checkApiRoutes(check));
  app.use(checkPageRoutes(check));

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
