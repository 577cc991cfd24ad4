import type { CatalogStore } from '../catalog/catalog-store';
import type { HashingStore } from '../hashing/hashing-store';
import type { ListStore } from '../lists/list-store';

/** Every store the services use, from one backend (Redis, or memory for the demo). */
export interface Stores {
  hashing: HashingStore;
  catalog: CatalogStore;
  lists: ListStore;
  /** Resolves when the backend answers; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
