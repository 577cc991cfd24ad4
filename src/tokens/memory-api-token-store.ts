import { newestFirst, type ApiTokenRecord } from './api-token-model';
import type { ApiTokenStore } from './api-token-store';

export class MemoryApiTokenStore implements ApiTokenStore {
  readonly #records = new Map<string, ApiTokenRecord>();
  readonly #idBySecretHash = new Map<string, string>();
  readonly #lastUsed = new Map<string, string>();

  async create(record: ApiTokenRecord): Promise<void> {
    // The last use is kept apart (markUsed), here as in the Redis store: never in the record.
    const { lastUsedAt: _ignored, ...stored } = record;
    this.#records.set(record.id, structuredClone(stored));
    this.#idBySecretHash.set(record.secretHash, record.id);
  }

  async get(id: string): Promise<ApiTokenRecord | null> {
    const record = this.#records.get(id);
    return record === undefined ? null : this.#withLastUse(record);
  }

  async findBySecretHash(secretHash: string): Promise<ApiTokenRecord | null> {
    const id = this.#idBySecretHash.get(secretHash);
    return id === undefined ? null : this.get(id);
  }

  async revoke(record: ApiTokenRecord): Promise<void> {
    this.#idBySecretHash.delete(record.secretHash);
    const { lastUsedAt: _ignored, ...stored } = record;
    this.#records.set(record.id, structuredClone(stored));
  }

  async markUsed(id: string, at: string): Promise<void> {
    this.#lastUsed.set(id, at);
  }

  async listByOwner(ownerStaffId: string): Promise<ApiTokenRecord[]> {
    return [...this.#records.values()]
      .filter((record) => record.ownerStaffId === ownerStaffId)
      .map((record) => this.#withLastUse(record))
      .sort(newestFirst);
  }

  #withLastUse(record: ApiTokenRecord): ApiTokenRecord {
    const lastUsedAt = this.#lastUsed.get(record.id);
    return { ...structuredClone(record), ...(lastUsedAt !== undefined && { lastUsedAt }) };
  }
}
