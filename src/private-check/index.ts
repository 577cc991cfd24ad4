import type { CheckRateLimits } from '../abuse';
import type { Feature } from '../http';
import { privateCheckApiPaths } from './private-check-openapi';
import { privateCheckRoutes } from './private-check-routes';
import { PrivateCheckService, type PrivateCheckDeps } from './private-check-service';

export { PRIVATE_DIGEST_BYTES } from './private-check-model';
export type { PrivateCheckAnswer, PrivateCheckParameters } from './private-check-model';
export type { PrivateCheckService } from './private-check-service';

export interface PrivateCheckFeature extends Feature {
  service: PrivateCheckService;
}

/** The private check (README, "Private check"): GET and POST /api/v1/private-check. */
export function createPrivateCheckFeature(deps: PrivateCheckDeps & { rateLimits: CheckRateLimits }): PrivateCheckFeature {
  const service = new PrivateCheckService(deps);
  return { service, routes: { unparsed: [privateCheckRoutes(service, deps.rateLimits)] }, api: [privateCheckApiPaths] };
}
