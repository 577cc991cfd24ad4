import type { AuditService } from '../audit';
import type { Feature } from '../http';
import { BoundedWorkQueue, type WorkQueueLimits } from '../shared';
import type { StoreFactory } from '../store';
import type { ApiTokenService } from '../tokens';
import { AuditedStaffAdmin } from './audited-staff-admin';
import { MemoryStaffStore } from './memory-staff-store';
import { PasswordHasher } from './password-hash';
import { RedisStaffStore } from './redis-staff-store';
import { staffRoutes } from './staff-pages';
import { StaffService } from './staff-service';
import type { StaffStore } from './staff-store';

export { seedDemoStaff } from './demo-staff';
export type { DemoCredential } from './demo-staff';
export { isValidUsername, normalizeUsername } from './staff-rules';
export type { StaffService } from './staff-service';

export const staffStores: StoreFactory<StaffStore> = {
  memory: () => new MemoryStaffStore(),
  redis: (redis, keyPrefix) => new RedisStaffStore(redis, keyPrefix),
};

export interface StaffAccounts {
  /** Staff accounts: the consoles, sign-in, and scripts/create-admin. */
  service: StaffService;
  /** The argon2 work of staff passwords (sign-ins, new accounts, resets): a small queue of its own. */
  passwordQueue: BoundedWorkQueue;
}

/**
 * The accounts alone, made before the features that need them (sign-in, the API tokens, the
 * staff pages): the API tokens check their owner here, and the staff pages revoke tokens.
 */
export function createStaffAccounts(deps: { store: StaffStore; clock: () => Date; passwordQueue: WorkQueueLimits }): StaffAccounts {
  const passwordQueue = new BoundedWorkQueue(deps.passwordQueue);
  return { service: new StaffService({ store: deps.store, clock: deps.clock, passwords: new PasswordHasher(passwordQueue) }), passwordQueue };
}

export interface StaffFeature extends Feature, StaffAccounts {
  /** Staff accounts changed by an admin (the admin console), each change audited. */
  admin: AuditedStaffAdmin;
}

/** Staff accounts and the admin console's staff pages. */
export function createStaffFeature(deps: {
  accounts: StaffAccounts;
  audit: AuditService;
  tokens: Pick<ApiTokenService, 'revokeAllOf' | 'listTokens'>;
}): StaffFeature {
  const { service } = deps.accounts;
  const admin = new AuditedStaffAdmin({ staff: service, audit: deps.audit, tokens: deps.tokens });
  return { ...deps.accounts, admin, routes: { console: [staffRoutes({ staff: service, staffAdmin: admin, tokens: deps.tokens })] } };
}
