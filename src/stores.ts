import { auditStores } from './audit';
import { catalogStores } from './catalog';
import { hashingStores } from './hashing';
import { listStores } from './lists';
import { sessionStores } from './sign-in';
import { staffStores } from './staff';
import { statsStores } from './stats';
import { memoryBackend, redisBackend, type RedisClient, type StoreBackend, type StoreFactory } from './store';
import { apiTokenStores } from './tokens';

/** Every feature's store, by name: a new store-backed feature adds its factory here (and nowhere else in this file). */
const STORE_FACTORIES = {
  hashing: hashingStores,
  catalog: catalogStores,
  lists: listStores,
  audit: auditStores,
  stats: statsStores,
  staff: staffStores,
  apiTokens: apiTokenStores,
  sessions: sessionStores,
} satisfies Record<string, StoreFactory<unknown>>;

type StoreOf<F> = F extends StoreFactory<infer T> ? T : never;

/** Every store the features use, from one backend (Redis, or memory for the demo), with the backend's own checks. */
export type Stores = { [Name in keyof typeof STORE_FACTORIES]: StoreOf<(typeof STORE_FACTORIES)[Name]> } & Pick<
  StoreBackend,
  'ping' | 'evictionPolicy' | 'close'
>;

export function openStores(backend: StoreBackend): Stores {
  const stores = Object.fromEntries(
    Object.entries(STORE_FACTORIES).map(([name, factory]) => [name, backend.make(factory as StoreFactory<unknown>)]),
  ) as { [Name in keyof typeof STORE_FACTORIES]: StoreOf<(typeof STORE_FACTORIES)[Name]> };
  return { ...stores, ping: backend.ping, evictionPolicy: backend.evictionPolicy, close: backend.close };
}

/** The embedded store of demo mode: everything is lost when the process ends. */
export function createMemoryStores(): Stores {
  return openStores(memoryBackend());
}

export function createRedisStores(redis: RedisClient, keyPrefix: string): Stores {
  return openStores(redisBackend(redis, keyPrefix));
}
