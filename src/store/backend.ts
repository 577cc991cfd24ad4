import { isCluster, type RedisClient } from './redis-client';
import type { StoreFactory } from './store-factory';

/** The only policy under which Redis never deletes a key by itself when memory runs out. */
export const SAFE_EVICTION_POLICY = 'noeviction';

/** One backend for every store: a Redis connection under a key prefix, or the embedded memory of demo mode. */
export interface StoreBackend {
  /** Absent in demo mode. The rate counters and the sign-in throttle keep their counts here too. */
  redis: RedisClient | undefined;
  keyPrefix: string;
  /** Makes a feature's store on this backend. */
  make<T>(factory: StoreFactory<T>): T;
  /** Resolves when the backend answers; rejects otherwise. */
  ping(): Promise<void>;
  /** Redis's maxmemory-policy, which decides whether it deletes keys when full; memory never evicts. */
  evictionPolicy(): Promise<string>;
  close(): Promise<void>;
}

/** The embedded store of demo mode: everything is lost when the process ends. */
export function memoryBackend(): StoreBackend {
  return {
    redis: undefined,
    keyPrefix: '',
    make: (factory) => factory.memory(),
    ping: async () => undefined,
    evictionPolicy: async () => SAFE_EVICTION_POLICY,
    close: async () => undefined,
  };
}

export function redisBackend(redis: RedisClient, keyPrefix: string): StoreBackend {
  return {
    redis,
    keyPrefix,
    make: (factory) => factory.redis(redis, keyPrefix),
    // Every master of a cluster: one that is down holds the buckets of some addresses.
    ping: async () => {
      await Promise.all((isCluster(redis) ? redis.nodes('master') : [redis]).map((node) => node.ping()));
    },
    // Every node's, replicas too (one may become a master): the first that may evict, if any does.
    evictionPolicy: async () => {
      const policies = await Promise.all(everyNode(redis).map(evictionPolicyOf));
      return policies.find((policy) => policy !== SAFE_EVICTION_POLICY) ?? SAFE_EVICTION_POLICY;
    },
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

function everyNode(redis: RedisClient): RedisClient[] {
  return isCluster(redis) ? redis.nodes('all') : [redis];
}

// INFO rather than CONFIG GET: managed Redis services often disable CONFIG, never INFO.
async function evictionPolicyOf(node: RedisClient): Promise<string> {
  const policy = /^maxmemory_policy:(\S+)/m.exec(await node.info('memory'))?.[1];
  if (policy === undefined) throw new Error('Redis INFO memory did not report maxmemory_policy');
  return policy;
}
