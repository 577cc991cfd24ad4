import type { HashingProfile } from './hashing-profile';
import type { HashingStore } from './hashing-store';

export class MemoryHashingStore implements HashingStore {
  readonly #profiles = new Map<string, HashingProfile>();
  #currentId: string | null = null;
  #keyCheck: string | null = null;

  async getCurrentProfile(): Promise<HashingProfile | null> {
    return this.#currentId === null ? null : this.getProfile(this.#currentId);
  }

  async getProfile(id: string): Promise<HashingProfile | null> {
    return structuredClone(this.#profiles.get(id) ?? null);
  }

  async saveCurrentProfileIfAbsent(profile: HashingProfile): Promise<HashingProfile> {
    if (!this.#profiles.has(profile.id)) this.#profiles.set(profile.id, structuredClone(profile));
    this.#currentId ??= profile.id;
    return (await this.getCurrentProfile()) ?? profile;
  }

  async saveKeyCheckIfAbsent(value: string): Promise<{ stored: string; created: boolean }> {
    const created = this.#keyCheck === null;
    this.#keyCheck ??= value;
    return { stored: this.#keyCheck, created };
  }

  async getKeyCheck(): Promise<string | null> {
    return this.#keyCheck ?? null;
  }
}
