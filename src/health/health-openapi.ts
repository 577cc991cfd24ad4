import { PUBLIC, errorResponse, type ApiPaths } from '../openapi';

/** GET /healthz and /readyz (health-routes.ts). */
export const healthApiPaths: ApiPaths = (registry) => {
  registry.path('/healthz', {
    get: {
      operationId: 'getLiveness',
      summary: 'The process is up',
      security: PUBLIC,
      responses: { '200': { description: 'ok' } },
    },
  });
  registry.path('/readyz', {
    get: {
      operationId: 'getReadiness',
      summary: 'This instance can answer checks',
      security: PUBLIC,
      responses: {
        '200': { description: 'ready' },
        '503': errorResponse(
          'unavailable: the store is not reachable; store_lost_data: the store lost data it held at start ' +
            '(wiped, restarted empty, a bucket key gone), restore it or restart against an empty store and ' +
            'reload the lists; store_evicts: Redis may delete keys (maxmemory-policy is not noeviction); ' +
            'draining: shutting down',
        ),
      },
    },
  });
};
