import { type Argon2Costs, prepareHashing, type PreparedHashing, type OprfKey, type HashingStore } from '../hashing';
import type { ListStore } from '../lists';
import { SAFE_EVICTION_POLICY, type StoreBackend } from '../store';

/** What the start-up checks read: the backend's policy, and the two stores bound to the key and the identity. */
export interface PreparedStores {
  hashing: HashingStore;
  lists: Pick<ListStore, 'bindIdentity' | 'verifyIntact'>;
  evictionPolicy: StoreBackend['evictionPolicy'];
  ping: StoreBackend['ping'];
}

/**
 * Runs once at start, before anything reads the store: refuses a store that may evict keys,
 * binds the store to the server key and the hashing profile (prepareHashing), then ties the list
 * store to the store's identity, so that every later check notices a store that lost its data.
 */
export async function prepareStore(stores: PreparedStores, key: OprfKey, newProfileCosts: Argon2Costs, now: Date): Promise<PreparedHashing> {
  await refuseEvictingStore(stores);
  const prepared = await prepareHashing(stores.hashing, key, newProfileCosts, now);
  await stores.lists.bindIdentity({ freshStore: prepared.freshStore });
  return prepared;
}

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

async function refuseEvictingStore(stores: PreparedStores): Promise<void> {
  const policy = await stores.evictionPolicy();
  if (policy !== SAFE_EVICTION_POLICY) throw new EvictingStoreError(policy);
}
