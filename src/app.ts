import path from 'node:path';
import express, { type Express } from 'express';
import nunjucks from 'nunjucks';
import type { Logger } from 'pino';
import { adminGate } from './admin/admin-gate';
import { adminCatalogRoutes } from './catalog/admin-catalog-routes';
import type { AdminCatalogService } from './catalog/admin-catalog-service';
import { catalogRoutes } from './catalog/catalog-routes';
import type { CatalogService } from './catalog/catalog-service';
import { checkApiRoutes } from './check/check-api-routes';
import { checkPageRoutes } from './check/check-page-routes';
import type { CheckService } from './check/check-service';
import type { OperatorIdentity } from './config/operator-identity';
import type { HashingProfile } from './hashing/hashing-profile';
import { profileRoutes } from './hashing/profile-routes';
import { healthRoutes } from './health/health-routes';
import { errorMiddleware, notFoundHandler } from './http/error-middleware';
import { openApiDocument } from './http/openapi';
import { packageRoot } from './http/package-root';
import { adminListRoutes } from './lists/admin-list-routes';
import type { AdminListService } from './lists/admin-list-service';
import { operatorViews } from './http/operator-view';
import { securityHeaders } from './http/security-headers';
import { pageLanguage } from './i18n/page-language';

export interface AppDeps {
  check: CheckService;
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
}

// A check needs a few hundred bytes; anything much larger is not a check.
const BODY_LIMIT = '8kb';

/** The composition root of the HTTP layer: wires routes to the services it is given; never listens. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  configureViews(app, deps);
  if (deps.operator === undefined && !deps.demoMode) {
    deps.logger.warn('OPERATOR_NAME_JA/OPERATOR_NAME_EN and OPERATOR_URL are not set: the public page cannot say who runs it');
  }

  app.use(securityHeaders);
  app.use('/static', express.static(path.join(packageRoot(), 'views', 'static'), { maxAge: '1h', index: false }));
  // Before the public body parsers: admin requests are authenticated before any body is read.
  app.use('/api/v1/admin', adminGate(deps.adminApiToken));
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT }));
  // After the form parser: the check form's hidden field says which language the result is in.
  app.use(pageLanguage);

  app.use(healthRoutes(deps.ping));
  app.get('/api/v1/openapi.json', (_req, res) => {
    res.json(openApiDocument);
  });
  app.use(profileRoutes(deps.currentProfile));
  app.use(catalogRoutes(deps.catalog));
  app.use(adminCatalogRoutes(deps.adminCatalog));
  app.use(adminListRoutes(deps.adminLists));
  app.use(checkApiRoutes(deps.check));
  app.use(checkPageRoutes(deps.check));

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
