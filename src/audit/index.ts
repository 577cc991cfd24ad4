import type { StaffMember } from '../actor';
import type { Feature } from '../http';
import type { StoreFactory } from '../store';
import { auditRoutes } from './audit-routes';
import { AuditService } from './audit-service';
import type { AuditStore } from './audit-store';
import { MemoryAuditStore } from './memory-audit-store';
import { RedisAuditStore } from './redis-audit-store';

export type { AuditAction, AuditDetails, AuditEntry } from './audit-event';
export type { AuditService } from './audit-service';
export { isAuditText } from './audit-text';
export { auditedChangesBy, recordChange } from './audited-change';
export { TICKET_REF_MAX, ticketRefFrom } from './ticket-ref';

export const auditStores: StoreFactory<AuditStore> = {
  memory: () => new MemoryAuditStore(),
  redis: (redis, keyPrefix) => new RedisAuditStore(redis, keyPrefix),
};

export interface AuditDeps {
  store: AuditStore;
  /**
   * Names the actors on the audit page: the staff feature's accounts. The staff feature records
   * into this one, so it is made later; this is read only when the page is asked for.
   */
  staff: () => { list(): Promise<Pick<StaffMember, 'id' | 'username'>[]> };
  /** TIME_ZONE: the audit page shows times, and reads its date filters, in this zone. */
  timeZone: string;
}

export interface AuditFeature extends Feature {
  /** Staff actions: recorded by the consoles and the admin API, read by admins. */
  service: AuditService;
}

/** The audit log: its store, the service every audited wrapper records through, the admin console's page. */
export function createAuditFeature(deps: AuditDeps): AuditFeature {
  const service = new AuditService({ store: deps.store });
  return {
    service,
    routes: { console: [auditRoutes({ audit: service, staff: { list: () => deps.staff().list() }, timeZone: deps.timeZone })] },
  };
}

// For the API document: what an audited change may answer (the admin paths of the catalogue and the lists).
export { auditedChangeErrors } from './audit-openapi';
