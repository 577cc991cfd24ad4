import { type Argon2Costs, newHashingProfile, sameCosts, type HashingProfile } from './hashing-profile';
import { ConfigError } from '../errors';
import type { HashingStore } from './hashing-store';
import type { OprfKey } from './oprf-key';

export interface PreparedHashing {
  profile: HashingProfile;
  /** True when the configured argon2 costs differ from the stored profile's and were ignored. */
  configuredCostsIgnored: boolean;
  /** True when this start wrote the key-check value: the store was empty, a new installation. */
  freshStore: boolean;
}

/**
 * Runs once at start: binds the store to this server key (refusing a different one) and makes
 * sure a hashing profile exists, creating it from the configured costs on the very first start.
 */
export async function prepareHashing(
  store: HashingStore,
  key: OprfKey,
  newProfileCosts: Argon2Costs,
  now: Date,
): Promise<PreparedHashing> {
  const expected = await key.keyCheckValue();
  const { stored, created } = await store.saveKeyCheckIfAbsent(expected);
  if (stored !== expected) {
    throw new ConfigError(
      'OPRF_SECRET_KEY does not match the key this store was written with. Refusing to start: every ' +
        'check would wrongly answer "not affected". Use the original key, or a fresh store.',
    );
  }
  const existing = await store.getCurrentProfile();
  const profile = existing ?? (await store.saveCurrentProfileIfAbsent(newHashingProfile(newProfileCosts, now)));
  return { profile, configuredCostsIgnored: !sameCosts(profile, newProfileCosts), freshStore: created };
}
