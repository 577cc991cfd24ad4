import type { RedisClient } from '../store';
import { newestFirst, type ApiTokenRecord } from './api-token-model';
import type { ApiTokenStore } from './api-token-store';

/**
 * Three Redis hashes in one slot: `<prefix>{tokens}:records` (id -> record JSON),
 * `<prefix>{tokens}:by-secret` (SHA-256 of the secret -> id, unrevoked tokens only) and
 * `<prefix>{tokens}:last-used` (id -> ISO time).
 */
export class RedisApiTokenStore implements ApiTokenStore {
  readonly #redis: RedisClient;
  readonly #records: string;
  readonly #bySecret: string;
  readonly #lastUsed: string;

  constructor(redis: RedisClient, prefix: string) {
    this.#redis = redis;
    this.#records = `${prefix}{tokens}:records`;
    this.#bySecret = `${prefix}{tokens}:by-secret`;
    this.#lastUsed = `${prefix}{tokens}:last-used`;
  }

  async create(record: ApiTokenRecord): Promise<void> {
    await execOrThrow(
      this.#redis
        .multi()
        .hset(this.#records, record.id, JSON.stringify(stored(record)))
        .hset(this.#bySecret, record.secretHash, record.id),
    );
  }

  async get(id: string): Promise<ApiTokenRecord | null> {
    const [json, lastUsedAt] = await Promise.all([this.#redis.hget(this.#records, id), this.#redis.hget(this.#lastUsed, id)]);
    return json === null ? null : withLastUse(json, lastUsedAt);
  }

  async findBySecretHash(secretHash: string): Promise<ApiTokenRecord | null> {
    const id = await this.#redis.hget(this.#bySecret, secretHash);
    return id === null ? null : this.get(id);
  }

  async revoke(record: ApiTokenRecord): Promise<void> {
    await execOrThrow(
      this.#redis
        .multi()
        .hdel(this.#bySecret, record.secretHash)
        .hset(this.#records, record.id, JSON.stringify(stored(record))),
    );
  }

  async markUsed(id: string, at: string): Promise<void> {
    await this.#redis.hset(this.#lastUsed, id, at);
  }

  async listByOwner(ownerStaffId: string): Promise<ApiTokenRecord[]> {
    const [records, lastUsed] = await Promise.all([this.#redis.hgetall(this.#records), this.#redis.hgetall(this.#lastUsed)]);
    return Object.entries(records)
      .map(([id, json]) => withLastUse(json, lastUsed[id] ?? null))
      .filter((record) => record.ownerStaffId === ownerStaffId)
      .sort(newestFirst);
  }
}

function stored(record: ApiTokenRecord): ApiTokenRecord {
  const { lastUsedAt: _kept, ...rest } = record;
  return rest;
}

function withLastUse(json: string, lastUsedAt: string | null): ApiTokenRecord {
  const record = JSON.parse(json) as ApiTokenRecord;
  return lastUsedAt === null ? record : { ...record, lastUsedAt };
}

/** MULTI's EXEC reports a failed command in its results rather than rejecting. */
async function execOrThrow(transaction: ReturnType<RedisClient['multi']>): Promise<void> {
  const results = await transaction.exec();
  const failed = results?.find(([error]) => error !== null);
  if (results === null || failed !== undefined) throw failed?.[0] ?? new Error('Redis transaction was aborted');
}
