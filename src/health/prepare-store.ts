import type { Argon2Costs } from '../config/config';
import { prepareHashing, type PreparedHashing } from '../hashing/prepare-hashing';
import type { OprfKey } from '../hashing/oprf-key';
import type { Stores } from '../store/stores';

/**
 * Runs once at start, before anything reads the store: refuses a store that may evict keys,
 * binds the store to the server key and the hashing profile (prepareHashing), then ties the list
 * store to the store's identity, so that every later check notices a store that lost its data.
 */
export async function prepareStore(stores: Stores, key: OprfKey, newProfileCosts: Argon2Costs, now: Date): Promise<PreparedHashing> {
  await refuseEvictingStore(stores);
  const prepared = await prepareHashing(stores.hashing, key, newProfileCosts, now);
  await stores.lists.bindIdentity({ freshStore: prepared.freshStore });
  return prepared;
}

/** The only policy under which Redis never deletes a key by itself when memory runs out. */
export const SAFE_EVICTION_POLICY = 'noeviction';

export class EvictingStoreError extends Error {
  constructor(policy: string) {
    super(
      `Redis runs with maxmemory-policy ${policy}: when memory runs out it deletes keys, and a deleted list ` +
        `key would make checks fail. Refusing to start. Set maxmemory-policy ${SAFE_EVICTION_POLICY} ` +
        '(redis.conf, or --maxmemory-policy noeviction) and size maxmemory for the lists (see the README).',
    );
    this.name = 'EvictingStoreError';
  }
}

async function refuseEvictingStore(stores: Stores): Promise<void> {
  const policy = await stores.evictionPolicy();
  if (policy !== SAFE_EVICTION_POLICY) throw new EvictingStoreError(policy);
}
