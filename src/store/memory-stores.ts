import { MemoryAuditStore } from '../audit/memory-audit-store';
import { MemoryCatalogStore } from '../catalog/memory-catalog-store';
import { MemoryHashingStore } from '../hashing/memory-hashing-store';
import { MemoryListStore } from '../lists/memory-list-store';
import { MemoryStatsStore } from '../stats/memory-stats-store';
import session from 'express-session';
import { MemoryStaffStore } from '../staff/memory-staff-store';
import { MemoryApiTokenStore } from '../tokens/memory-api-token-store';
import { SAFE_EVICTION_POLICY } from '../health/prepare-store';
import type { Stores } from './stores';

/** The embedded store of demo mode: everything is lost when the process ends. */
export function createMemoryStores(): Stores {
  return {
    hashing: new MemoryHashingStore(),
    catalog: new MemoryCatalogStore(),
    lists: new MemoryListStore(),
    audit: new MemoryAuditStore(),
    stats: new MemoryStatsStore(),
    staff: new MemoryStaffStore(),
    apiTokens: new MemoryApiTokenStore(),
    sessions: new session.MemoryStore(),
    ping: async () => undefined,
    evictionPolicy: async () => SAFE_EVICTION_POLICY,
    close: async () => undefined,
  };
}
