import { ListDataLostError } from '../lists';
import { SAFE_EVICTION_POLICY } from '../store';
import type { PreparedStores } from './prepare-store';

/** Why the store cannot serve checks right now, in words an operator acts on. */
export type StoreProblem = {
  code: 'unavailable' | 'store_lost_data' | 'store_evicts';
  message: string;
};

/**
 * What readiness asks of the store, beyond "it answers": that it still holds what this server
 * bound to at start (the server key's check value, the lists' identity, every bucket key a check
 * found missing) and that it cannot evict keys. Null when it can serve checks.
 */
export function storeProblemFinder(stores: PreparedStores, expectedKeyCheck: string): () => Promise<StoreProblem | null> {
  return async () => {
    try {
      await stores.ping();
      const policy = await stores.evictionPolicy();
      if (policy !== SAFE_EVICTION_POLICY) {
        return {
          code: 'store_evicts',
          message: `Redis runs with maxmemory-policy ${policy} and may delete list keys; set it to ${SAFE_EVICTION_POLICY}.`,
        };
      }
      if ((await stores.hashing.getKeyCheck()) !== expectedKeyCheck) {
        throw new ListDataLostError("the server key's check value is gone or different");
      }
      await stores.lists.verifyIntact();
      return null;
    } catch (error) {
      if (error instanceof ListDataLostError) return { code: 'store_lost_data', message: error.message };
      return { code: 'unavailable', message: 'The store is not reachable.' };
    }
  };
}
