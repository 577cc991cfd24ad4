import type Redis from 'ioredis';
import type { StoreFactory } from './store-factory';

/** The only policy under which Redis never deletes a key by itself when memory runs out. */
export const SAFE_EVICTION_POLICY = 'noeviction';

/** One backend for every store: a Redis connection under a key prefix, or the embedded memory of demo mode. */
export interface StoreBackend {
  /** Absent in demo mode. The rate counters and the sign-in throttle keep their counts here too. */
  redis: Redis | undefined;
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

export function redisBackend(redis: Redis, keyPrefix: string): StoreBackend {
  return {
    redis,
    keyPrefix,
    make: (factory) => factory.redis(redis, keyPrefix),
    ping: async () => {
      await redis.ping();
    },
    // INFO rather than CONFIG GET: managed Redis services often disable CONFIG, never INFO.
    evictionPolicy: async () => {
      const policy = /^maxmemory_policy:(\S+)/m.exec(await redis.info('memory'))?.[1];
      if (policy === undefined) throw new Error('Redis INFO memory did not report maxmemory_policy');
      return policy;
    },
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
