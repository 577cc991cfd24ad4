import type { Feature } from '../http';
import type { StoreFactory } from '../store';
import type { HashingProfile } from './hashing-profile';
import type { HashingStore } from './hashing-store';
import { MemoryHashingStore } from './memory-hashing-store';
import { profileApiPaths } from './profile-openapi';
import { profileRoutes } from './profile-routes';
import { RedisHashingStore } from './redis-hashing-store';

export { ARGON2_HASH_LENGTH, ARGON2_VERSION, NORMALIZATION, hashingProfileIdOf } from './hashing-profile';
export type { Argon2Costs, HashingProfile } from './hashing-profile';
export type { HashingStore } from './hashing-store';
export { ListEntryPool } from './list-entry-pool';
export { DIGEST_BYTES, argon2idOf, bucketOf, listEntryOf } from './list-entry';
export type { ListEntry } from './list-entry';
export { EMAIL_MASK, MAX_DOMAIN_LENGTH, WIDEST_MASKED_EMAIL, maskEmail } from './mask-email';
export type { MaskedEmail } from './mask-email';
export { normalizeEmail } from './normalize-email';
export { ELEMENT_BYTES, OprfKey, generateOprfSecretKey, oprfSuite, parseOprfSecretKey } from './oprf-key';
export { prepareHashing } from './prepare-hashing';
export { ProfileLookup } from './profile-lookup';
export type { PreparedHashing } from './prepare-hashing';

/** The hashing profile and the key check value, kept beside the lists they describe. */
export const hashingStores: StoreFactory<HashingStore> = {
  memory: () => new MemoryHashingStore(),
  redis: (redis, keyPrefix) => new RedisHashingStore(redis, keyPrefix),
};

export interface HashingFeature extends Feature {
  /** The profile new lists are hashed with, fixed when the store was first prepared. */
  profile: HashingProfile;
}

/** GET /api/v1/profile: what a list producer needs to hash addresses as this server does. */
export function createHashingFeature(deps: { profile: HashingProfile }): HashingFeature {
  return { profile: deps.profile, routes: { parsed: [profileRoutes(() => deps.profile)] }, api: [profileApiPaths] };
}

// The API document's account of this feature's routes (src/api-document.ts lists it).
export { profileApiPaths } from './profile-openapi';
