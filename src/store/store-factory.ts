import type Redis from 'ioredis';

/**
 * How a feature makes its store on either backend: Redis in production, memory in demo mode and
 * for quick tests. Each store-backed feature exports one; src/stores.ts lists them.
 */
export interface StoreFactory<T> {
  memory(): T;
  redis(redis: Redis, keyPrefix: string): T;
}
