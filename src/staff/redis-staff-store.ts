import type { RedisClient } from '../store';
import type { StaffAccount } from './staff-model';
import type { StaffStore } from './staff-store';
import { byCreation } from './staff-order';

// Claims the username and writes the account in one step: a crash between the two must not leave
// a username taken by an account that does not exist.
const CREATE_SCRIPT = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
return 1`;

/**
 * Two Redis hashes: `<prefix>{staff}:accounts` (id -> account JSON) and `<prefix>{staff}:usernames`
 * (username -> id), in one hash slot so the creating script may touch both on a cluster.
 */
export class RedisStaffStore implements StaffStore {
  readonly #redis: RedisClient;
  readonly #accounts: string;
  readonly #usernames: string;

  constructor(redis: RedisClient, prefix: string) {
    this.#redis = redis;
    this.#accounts = `${prefix}{staff}:accounts`;
    this.#usernames = `${prefix}{staff}:usernames`;
  }

  async create(account: StaffAccount): Promise<boolean> {
    const created = await this.#redis.eval(
      CREATE_SCRIPT,
      2,
      this.#usernames,
      this.#accounts,
      account.username,
      account.id,
      JSON.stringify(account),
    );
    return created === 1;
  }

  async update(account: StaffAccount): Promise<void> {
    await this.#redis.hset(this.#accounts, account.id, JSON.stringify(account));
  }

  async get(id: string): Promise<StaffAccount | null> {
    const json = await this.#redis.hget(this.#accounts, id);
    return json === null ? null : (JSON.parse(json) as StaffAccount);
  }

  async getByUsername(username: string): Promise<StaffAccount | null> {
    const id = await this.#redis.hget(this.#usernames, username);
    return id === null ? null : this.get(id);
  }

  async list(): Promise<StaffAccount[]> {
    const values = await this.#redis.hgetall(this.#accounts);
    return Object.values(values)
      .map((json) => JSON.parse(json) as StaffAccount)
      .sort(byCreation);
  }
}
