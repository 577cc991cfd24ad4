import path from 'node:path';
import express, { type Express } from 'express';
import nunjucks from 'nunjucks';
import { CHECK_BODY_LIMIT } from './check';
import { consoleRouter } from './console';
import { closeConnectionsWhileDraining } from './health';
import { assetRoutes, errorMiddleware, notFoundHandler, type Feature, jsonBody, operatorViews, readPageAssets, securityHeaders } from './http';
import { LANGUAGE_NAMES, LANGUAGES, LOCALE_TAGS, pageLanguage } from './i18n';
import { requestLogger } from './logging';
import { countRateLimited } from './metrics';
import type { Service } from './service';
import { packageRoot } from './shared';

// The public endpoints other than the checks take small bodies, like the checks (which parse their own).
const BODY_LIMIT = CHECK_BODY_LIMIT;

/**
 * The composition root of the HTTP layer: mounts the service's features (src/service.ts) around
 * the layers every request passes; never listens. The stages (FeatureRoutes, src/http/feature.ts):
 * logging and the cross-cutting layers, the features' `unparsed` routers, static files, the
 * console frame holding every feature's `console` pages, the public body parsers and page
 * language, the features' `parsed` routers, then the 404 and the error pages.
 */
export function createApp(service: Service): Express {
  const app = express();
  app.disable('x-powered-by');
  // Express would hash every answer into an ETag. The answers that matter are personal and
  // no-store, so revalidating them never happens: a hash per check for nothing. (Static files
  // keep theirs: serve-static sets its own.)
  app.set('etag', false);
  app.set('trust proxy', service.trustProxy);
  configureViews(app, service);
  if (service.operator === undefined && !service.demoMode) {
    service.logger.warn('OPERATOR_NAME_JA/OPERATOR_NAME_EN and OPERATOR_URL are not set: the public page cannot say who runs it');
  }
  const stage = (name: keyof Feature['routes']) => service.features.flatMap((feature) => feature.routes[name] ?? []);

  // First, so that every request is logged and counted, however it ends.
  app.use(requestLogger(service.logger));
  app.use(countRateLimited(service.metrics.service));
  app.use(closeConnectionsWhileDraining(service.readiness));
  app.use(securityHeaders);
  for (const router of stage('unparsed')) app.use(router);
  app.use('/static', express.static(path.join(packageRoot(), 'views', 'static'), { maxAge: '1h', index: false }));
  app.use(assetRoutes());
  // The staff consoles (/staff, /support, /admin) bring their own session, parsers, CSRF and errors.
  app.use(consoleRouter({ session: service.signIn.console, logger: service.logger, timeZone: service.timeZone }, stage('console')));
  app.use(jsonBody(BODY_LIMIT));
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT }));
  // After the form parser: a posted form's hidden field may say its language.
  app.use(pageLanguage);
  app.get('/api/v1/openapi.json', (_req, res) => {
    res.json(service.apiDocument);
  });
  for (const router of stage('parsed')) app.use(router);

  app.use(notFoundHandler);
  app.use(errorMiddleware(service.logger));
  return app;
}

function configureViews(app: Express, { demoMode, operator }: Pick<Service, 'demoMode' | 'operator'>): void {
  // An environment of our own, not nunjucks.configure's process-wide one: two apps never share state.
  const loader = new nunjucks.FileSystemLoader(path.join(packageRoot(), 'views'));
  const env = new nunjucks.Environment(loader, { autoescape: true });
  env.addGlobal('demoMode', demoMode);
  env.addGlobal('operatorViews', operatorViews(operator));
  // From languages.ts, so a new language gets its form inputs, switch name and formats without editing a template.
  env.addGlobal('languages', LANGUAGES);
  env.addGlobal('languageNames', LANGUAGE_NAMES);
  env.addGlobal('localeTags', LOCALE_TAGS);
  // The check page's bundled script and worker (npm run build); absent, the page is the plain form.
  env.addGlobal('assets', readPageAssets());
  env.express(app);
  app.set('view engine', 'njk');
}
