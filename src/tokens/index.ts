import type { StaffMember } from '../actor';
import type { AuditService } from '../audit';
import type { Feature } from '../http';
import type { StoreFactory } from '../store';
import { ApiTokenService } from './api-token-service';
import type { ApiTokenStore } from './api-token-store';
import { AuditedApiTokens } from './audited-api-tokens';
import { MemoryApiTokenStore } from './memory-api-token-store';
import { RedisApiTokenStore } from './redis-api-token-store';
import { tokenRoutes } from './token-pages';

export type { ApiTokenService } from './api-token-service';
export { tokenConsoleMessagesFor } from './token-console-messages';
export { tokenRow } from './token-pages';

export const apiTokenStores: StoreFactory<ApiTokenStore> = {
  memory: () => new MemoryApiTokenStore(),
  redis: (redis, keyPrefix) => new RedisApiTokenStore(redis, keyPrefix),
};

export interface TokensDeps {
  store: ApiTokenStore;
  /** The accounts tokens belong to: a token opens nothing once its owner is gone, disabled or no admin. */
  staff: { get(id: string): Promise<StaffMember | null> };
  audit: AuditService;
  clock: () => Date;
}

export interface TokensFeature extends Feature {
  /** Per-admin API tokens: made, listed, revoked, and checked by the admin API gate. */
  service: ApiTokenService;
  /** An admin's own tokens made and revoked in the admin console, audited. */
  audited: AuditedApiTokens;
}

export function createTokensFeature(deps: TokensDeps): TokensFeature {
  const service = new ApiTokenService({ store: deps.store, staff: deps.staff, clock: deps.clock });
  const audited = new AuditedApiTokens({ tokens: service, audit: deps.audit });
  return { service, audited, routes: { console: [tokenRoutes({ apiTokens: audited })] } };
}
