import { MemoryCatalogStore } from '../catalog/memory-catalog-store';
import { MemoryHashingStore } from '../hashing/memory-hashing-store';
import { MemoryListStore } from '../lists/memory-list-store';
import type { Stores } from './stores';

/** The embedded store of demo mode: everything is lost when the process ends. */
export function createMemoryStores(): Stores {
  return {
    hashing: new MemoryHashingStore(),
    catalog: new MemoryCatalogStore(),
    lists: new MemoryListStore(),
    ping: async () => undefined,
    close: async () => undefined,
  };
}
