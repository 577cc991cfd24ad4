import { Router, type Express } from 'express';
import request from 'supertest';
import { startTestService, type TestService } from '../support/test-app';

/**
 * Express 5's router (the `router` package, 2.3 and later) lists its own stack: one entry per
 * route with its methods, and one per `use(path, router)` with the mounted router, whose routes
 * are relative to that path. Plain middleware is not listed, nor would a sub-app mounted with
 * app.use be (its handle is not a router): the service mounts none.
 */
interface ListedRoute {
  path: string | RegExp;
  methods: string[] | undefined;
  router: RouteListing | undefined;
}
interface RouteListing {
  listRoutes(): ListedRoute[];
}

/** `METHOD /path` of every route mounted below `router`, paths in OpenAPI's syntax (`:id` -> `{id}`). */
function mountedRoutes(router: RouteListing, prefix = ''): string[] {
  return router.listRoutes().flatMap(({ path, methods, router: mounted }) => {
    if (typeof path !== 'string') throw new Error(`A route path that is not a string cannot be compared: ${String(path)}`);
    const full = joinPaths(prefix, path);
    if (mounted !== undefined) return mountedRoutes(mounted, full);
    const openApiPath = full.replace(/:(\w+)/g, '{$1}');
    // HEAD comes with every GET by itself; '*' (router.all) stays, and is never documented.
    return (methods ?? [])
      .filter((method) => method !== 'HEAD' || !methods?.includes('GET'))
      .map((method) => `${method} ${openApiPath}`);
  });
}

function joinPaths(prefix: string, path: string): string {
  if (path === '/') return prefix || '/';
  return `${prefix.replace(/\/$/, '')}${path}`;
}

function routerOf(app: Express): RouteListing {
  const router = (app as unknown as { router: Partial<RouteListing> }).router;
  if (typeof router.listRoutes !== 'function') throw new Error('app.router.listRoutes is missing: Express 5 with router 2.3 or later lists its routes');
  return router as RouteListing;
}

// The JSON contract: the API, and the health probes a load balancer reads. /metrics (Prometheus
// text, for the scraper, with a token of its own) is not in the document.
function isJsonRoute(route: string): boolean {
  const path = route.slice(route.indexOf(' ') + 1);
  return path.startsWith('/api/v1/') || path === '/healthz' || path === '/readyz';
}

type PathItem = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

function documentedRoutes(paths: Record<string, PathItem>): string[] {
  return Object.entries(paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((key) => METHODS.includes(key))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

describe('the OpenAPI document against the routes the app mounts', () => {
  let service: TestService;
  let paths: Record<string, PathItem>;

  beforeAll(async () => {
    service = await startTestService({ store: 'memory' });
    paths = (await request(service.app).get('/api/v1/openapi.json').expect(200)).body.paths;
  });
  afterAll(async () => {
    await service.close();
  });

  it('when the routes are listed, then a mounted router counts under the path it is mounted at', () => {
    const inner = Router();
    inner.get('/exposures/:exposureId', (_req, res) => res.end());
    inner.all('/anything', (_req, res) => res.end());
    const outer = Router();
    outer.use('/api/v1/admin', inner);
    outer.post('/api/v1/check', (_req, res) => res.end());

    expect(mountedRoutes(outer as unknown as RouteListing)).toEqual([
      'GET /api/v1/admin/exposures/{exposureId}',
      '* /api/v1/admin/anything',
      'POST /api/v1/check',
    ]);
  });

  it('when compared, then every JSON route mounted is documented and every documented one is mounted', () => {
    const mounted = [...new Set(mountedRoutes(routerOf(service.app)).filter(isJsonRoute))].sort();
    const documented = documentedRoutes(paths).sort();

    expect(mounted).toContain('POST /api/v1/check');
    expect(mounted).toEqual(documented);
  });
});
