import type { RedisClient } from './redis-client';

/**
 * How a feature makes its store on either backend: RedisClient in production, memory in demo mode and
 * for quick tests. Each store-backed feature exports one; src/stores.ts lists them.
 */
export interface StoreFactory<T> {
  memory(): T;
  redis(redis: RedisClient, keyPrefix: string): T;
}
