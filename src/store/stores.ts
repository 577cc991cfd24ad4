import type { AuditStore } from '../audit/audit-store';
import type { CatalogStore } from '../catalog/catalog-store';
import type { HashingStore } from '../hashing/hashing-store';
import type { ListStore } from '../lists/list-store';
import type session from 'express-session';
import type { StaffStore } from '../staff/staff-store';
import type { ApiTokenStore } from '../tokens/api-token-store';
import type { StatsStore } from '../stats/stats-store';

/** Every store the services use, from one backend (Redis, or memory for the demo). */
export interface Stores {
  hashing: HashingStore;
  catalog: CatalogStore;
  lists: ListStore;
  /** Staff actions, kept. */
  audit: AuditStore;
  /** Public check counters per day. */
  stats: StatsStore;
  /** Staff accounts and their password hashes. */
  staff: StaffStore;
  /** Per-admin API tokens (hashed). */
  apiTokens: ApiTokenStore;
  /** Staff sessions, for express-session. */
  sessions: session.Store;
  /** Resolves when the backend answers; rejects otherwise. */
  ping(): Promise<void>;
  /** Redis's maxmemory-policy, which decides whether it deletes keys when full; memory never evicts. */
  evictionPolicy(): Promise<string>;
  close(): Promise<void>;
}
