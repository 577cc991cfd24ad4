import type { AuditService } from '../audit';
import { dashboardRoutes } from '../console';
import type { HashingProfile } from '../hashing';
import type { Feature } from '../http';
import type { AuditedLists, ListStore } from '../lists';
import type { StoreFactory } from '../store';
import { adminCatalogApiPaths } from './admin-catalog-openapi';
import { adminCatalogRoutes } from './admin-catalog-routes';
import { AdminCatalogService } from './admin-catalog-service';
import { AuditedCatalog } from './audited-catalog';
import { existingExposure } from './catalog-lookups';
import { catalogApiPaths } from './catalog-openapi';
import { catalogRoutes } from './catalog-routes';
import { CatalogService } from './catalog-service';
import type { CatalogStore } from './catalog-store';
import { exposureRoutes } from './exposure-pages';
import { incidentRoutes } from './incident-pages';
import { MemoryCatalogStore } from './memory-catalog-store';
import { notifyingCatalogStore } from './notifying-catalog-store';
import { RedisCatalogStore } from './redis-catalog-store';

export { AFFECTED_COUNT_QUALIFIERS } from './catalog-model';
export type { AffectedCountQualifier, Exposure, Incident, IncidentContacts, IncidentStatus } from './catalog-model';
export { publicExposuresIn, staffExposuresIn } from './catalog-service';
export type { CatalogService } from './catalog-service';
export type { CatalogSnapshot } from './catalog-snapshots';
export type { CatalogStore } from './catalog-store';
export { DATA_CLASSES, DATA_CLASS_ADVICE, dataClassAdvice } from './data-classes';
export type { DataClass } from './data-classes';
export type { CheckableExposure, PublicExposure, PublicIncidentSummary } from './public-catalog';
export type { StaffCheckResult, StaffChecker, StaffExposureView } from './staff-check-result';

export const catalogStores: StoreFactory<CatalogStore> = {
  memory: () => new MemoryCatalogStore(),
  redis: (redis, keyPrefix) => new RedisCatalogStore(redis, keyPrefix),
};

/** For the lists feature, which sits below the catalogue: resolves when the exposure exists, a 404 otherwise. */
export function exposureRequirement(store: CatalogStore): (exposureId: string) => Promise<unknown> {
  return (exposureId) => existingExposure(store, exposureId);
}

export interface CatalogDeps {
  store: CatalogStore;
  /** The lists feature: the snapshot reads its live lists, the exposure page uploads and erases them. */
  lists: { store: ListStore; audited: AuditedLists; onChange(listener: () => void): void };
  audit: AuditService;
  clock: () => Date;
  /** The profile new lists are hashed with: the exposure page says whether the live list uses it. */
  currentProfile: () => HashingProfile;
}

export interface CatalogFeature extends Feature {
  /** The catalogue store, dropping the cached snapshot on every write made in this process. */
  store: CatalogStore;
  /** What checks read: the published catalogue and the live lists, as a cached snapshot. */
  service: CatalogService;
  /** Reads and changes for admins (changes: through `audited`). */
  admin: AdminCatalogService;
  /** Catalogue changes on behalf of an actor, each audited: the admin API and the admin console. */
  audited: AuditedCatalog;
}

/** Incidents and exposures: the public catalogue, the admin API, the admin console's dashboard and pages. */
export function createCatalogFeature(deps: CatalogDeps): CatalogFeature {
  const service = new CatalogService({ catalog: deps.store, lists: deps.lists.store });
  // Every write made in this process to what checks read drops their cached snapshot at once.
  const invalidate = () => service.invalidate();
  deps.lists.onChange(invalidate);
  const store = notifyingCatalogStore(deps.store, invalidate);
  const admin = new AdminCatalogService({ catalog: store, lists: deps.lists.store, clock: deps.clock });
  const audited = new AuditedCatalog({ catalog: admin, audit: deps.audit });
  const pages = { catalog: admin, auditedCatalog: audited, auditedLists: deps.lists.audited };
  return {
    store,
    service,
    admin,
    audited,
    routes: {
      console: [
        dashboardRoutes({ catalog: admin }),
        incidentRoutes(pages),
        exposureRoutes({ ...pages, currentProfile: deps.currentProfile }),
      ],
      parsed: [catalogRoutes(service), adminCatalogRoutes(admin, audited)],
    },
    api: [catalogApiPaths, adminCatalogApiPaths],
  };
}

// The API document's account of this feature's routes (src/api-document.ts lists it).
export { adminCatalogApiPaths, exposureIdParameter } from './admin-catalog-openapi';
export { catalogApiPaths, publicCatalogSchemas } from './catalog-openapi';
