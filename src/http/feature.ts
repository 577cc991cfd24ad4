import type { Router } from 'express';
import type { ApiPaths } from '../openapi';

/**
 * Where createApp mounts a feature's routers. It mounts every feature's `unparsed` routers, then
 * the console frame with every feature's `console` pages, then the public body parsers and page
 * language, then every feature's `parsed` routers; within a stage, in the order of the features
 * list (src/service.ts).
 * - `unparsed`: routes that read no body or parse their own, before any parser or rate limit:
 *   metrics (a scraper must not use up a budget), the checks (a spike is all checks: the fewer
 *   layers they pass the better), static files, the admin API gate (authenticates before a body
 *   is read).
 * - `console`: pages under /staff, /support and /admin, inside the console frame (session, staff
 *   loader, body parsers, CSRF, language and the area guards have run). Full paths, as asked for.
 * - `parsed`: everything else (the JSON API, health), after the public JSON and form parsers.
 */
export interface FeatureRoutes {
  unparsed?: Router[];
  console?: Router[];
  parsed?: Router[];
}

/** What a feature's factory (its folder's index.ts) contributes to the app, beside the services it offers others. */
export interface Feature {
  routes: FeatureRoutes;
  /** Its JSON routes, described for the API document (every mounted JSON route must be: test/openapi). */
  api?: ApiPaths[];
}
