import type { Logger } from 'pino';
import type { Feature } from '../http';
import { healthApiPaths } from './health-openapi';
import { healthRoutes } from './health-routes';
import type { Readiness } from './readiness';
import type { StoreProblem } from './store-health';

export { closeConnectionsWhileDraining } from './drain-connections';
export { gracefulShutdown } from './graceful-shutdown';
export { prepareStore } from './prepare-store';
export { Readiness } from './readiness';
export { storeProblemFinder } from './store-health';
export type { StoreProblem } from './store-health';

/** GET /healthz (the process runs) and GET /readyz (it can answer checks now). */
export function createHealthFeature(deps: {
  findStoreProblem: () => Promise<StoreProblem | null>;
  readiness: Readiness;
  logger: Logger;
}): Feature {
  return { routes: { parsed: [healthRoutes(deps.findStoreProblem, deps.readiness, deps.logger)] }, api: [healthApiPaths] };
}

// The API document's account of this feature's routes (src/api-document.ts lists it).
export { healthApiPaths } from './health-openapi';
