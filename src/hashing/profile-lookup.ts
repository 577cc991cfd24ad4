import type { HashingProfile } from './hashing-profile';
import type { HashingStore } from './hashing-store';

/**
 * The profiles live lists name, read once each: a profile never changes once created, so caching
 * it is safe and saves a check a round trip. An unknown id is the store's inconsistency, not the
 * client's: it throws, and the check answers 503.
 */
export class ProfileLookup {
  readonly #store: HashingStore;
  readonly #profiles = new Map<string, HashingProfile>();

  constructor(store: HashingStore) {
    this.#store = store;
  }

  async get(id: string): Promise<HashingProfile> {
    const cached = this.#profiles.get(id);
    if (cached) return cached;
    const profile = await this.#store.getProfile(id);
    if (profile === null) throw new Error(`live list refers to unknown hashing profile ${id}`);
    this.#profiles.set(id, profile);
    return profile;
  }
}
