import type { HashingProfile } from './hashing-profile';

/** Persistence of the hashing profile and of the server key's check value. */
export interface HashingStore {
  /** The profile new lists are hashed with, or null before the first start. */
  getCurrentProfile(): Promise<HashingProfile | null>;
  getProfile(id: string): Promise<HashingProfile | null>;
  /** Saves `profile` as current unless one exists already; returns whichever is current. Atomic. */
  saveCurrentProfileIfAbsent(profile: HashingProfile): Promise<HashingProfile>;
  /**
   * Saves `value` unless a value exists already; returns whichever is stored, and whether it was
   * this call that stored it (the store was fresh). Atomic.
   */
  saveKeyCheckIfAbsent(value: string): Promise<{ stored: string; created: boolean }>;
  /** The stored key-check value, or null: readiness compares it with the server key's. */
  getKeyCheck(): Promise<string | null>;
}
