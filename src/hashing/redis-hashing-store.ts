import type { RedisClient } from '../store';
import type { HashingProfile } from './hashing-profile';
import type { HashingStore } from './hashing-store';

export class RedisHashingStore implements HashingStore {
  readonly #redis: RedisClient;
  readonly #profiles: string;
  readonly #currentProfile: string;
  readonly #keyCheck: string;

  constructor(redis: RedisClient, prefix: string) {
    this.#redis = redis;
    this.#profiles = `${prefix}hashing:profiles`;
    this.#currentProfile = `${prefix}hashing:current-profile`;
    this.#keyCheck = `${prefix}hashing:key-check`;
  }

  async getCurrentProfile(): Promise<HashingProfile | null> {
    const id = await this.#redis.get(this.#currentProfile);
    return id === null ? null : this.getProfile(id);
  }

  async getProfile(id: string): Promise<HashingProfile | null> {
    const json = await this.#redis.hget(this.#profiles, id);
    return json === null ? null : (JSON.parse(json) as HashingProfile);
  }

  async saveCurrentProfileIfAbsent(profile: HashingProfile): Promise<HashingProfile> {
    // Record first, pointer second: a reader that sees the pointer always finds the record.
    await this.#redis.hsetnx(this.#profiles, profile.id, JSON.stringify(profile));
    await this.#redis.set(this.#currentProfile, profile.id, 'NX');
    const current = await this.getCurrentProfile();
    if (current === null) throw new Error('hashing profile vanished while being created');
    return current;
  }

  async saveKeyCheckIfAbsent(value: string): Promise<{ stored: string; created: boolean }> {
    const created = (await this.#redis.set(this.#keyCheck, value, 'NX')) === 'OK';
    return { stored: (await this.getKeyCheck()) ?? value, created };
  }

  async getKeyCheck(): Promise<string | null> {
    return this.#redis.get(this.#keyCheck);
  }
}
