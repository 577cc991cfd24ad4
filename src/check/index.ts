import type { CheckRateLimits } from '../abuse';
import type { CatalogService } from '../catalog';
import type { HashingStore, OprfKey } from '../hashing';
import type { Feature } from '../http';
import type { ListStore } from '../lists';
import { BoundedWorkQueue, type WorkQueueLimits } from '../shared';
import { checkApiRoutes } from './check-api-routes';
import { checkApiPaths } from './check-openapi';
import { checkPageRoutes } from './check-page-routes';
import { CheckService } from './check-service';
import type { Checker } from './checker';

export { CHECK_BODY_LIMIT } from './check-body-limit';
export type { CheckResult } from './check-result';
export type { Checker } from './checker';
export { emailProblemOf } from './email-problem';
export { contactsView } from './contacts-view';
export type { ContactsView } from './contacts-view';
export { adviceFor } from './result-view';
export { sourceLink } from './source-link';
export type { SourceLink } from './source-link';

export interface CheckDeps {
  catalog: CatalogService;
  lists: ListStore;
  hashing: HashingStore;
  key: OprfKey;
  /** CHECK_MAX_RUNNING / CHECK_MAX_WAITING: the argon2 work of checks, bounded, the excess shed. */
  queueLimits: WorkQueueLimits;
  /** Per-IP, per-/64 and global budgets every check (page and API) must fit in before any hashing. */
  rateLimits: CheckRateLimits;
  /**
   * Wraps the public checks the routes answer (metrics, statistics): features above this one
   * observe every answered check without the check knowing them.
   */
  observe: (checker: Checker) => Checker;
  /**
   * How many groups a private check's query names one of (2^bucketBits, src/private-check), for the
   * page's trust text; undefined while the private check cannot run (no live list).
   */
  privateCheckGroups: () => Promise<number | undefined>;
}

export interface CheckFeature extends Feature {
  service: CheckService;
  /** Its stats() feed /metrics. */
  queue: BoundedWorkQueue;
}

/** The public check: POST /api/v1/check, and the page's form at / and POST /check. */
export function createCheckFeature(deps: CheckDeps): CheckFeature {
  const queue = new BoundedWorkQueue(deps.queueLimits);
  const service = new CheckService({ catalog: deps.catalog, lists: deps.lists, hashing: deps.hashing, key: deps.key, hashQueue: queue });
  const observed = deps.observe(service);
  return {
    service,
    queue,
    routes: { unparsed: [checkApiRoutes(observed, deps.rateLimits), checkPageRoutes(observed, deps.rateLimits, { catalogue: () => service.publicCatalogue(), groups: deps.privateCheckGroups })] },
    api: [checkApiPaths],
  };
}

// The API document's account of this feature's routes (src/api-document.ts lists it).
export { checkApiPaths, exposureWithIncident } from './check-openapi';
