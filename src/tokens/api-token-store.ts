import type { ApiTokenRecord } from './api-token-model';

/** Per-admin API tokens. The Redis and memory implementations are the only code that knows keys. */
export interface ApiTokenStore {
  create(record: ApiTokenRecord): Promise<void>;
  get(id: string): Promise<ApiTokenRecord | null>;
  /** The unrevoked token whose secret hashes to `secretHash`. */
  findBySecretHash(secretHash: string): Promise<ApiTokenRecord | null>;
  /** Saves the record as revoked and forgets its hash in the same step, so the secret stops working at once. */
  revoke(record: ApiTokenRecord): Promise<void>;
  /** Kept apart from the record, so that noting a use can never bring back a token revoked meanwhile. */
  markUsed(id: string, at: string): Promise<void>;
  listByOwner(ownerStaffId: string): Promise<ApiTokenRecord[]>;
}
