import type Redis from 'ioredis';
import { RedisCatalogStore } from '../catalog/redis-catalog-store';
import { RedisHashingStore } from '../hashing/redis-hashing-store';
import { RedisListStore } from '../lists/redis-list-store';
import type { Stores } from './stores';

export function createRedisStores(redis: Redis, keyPrefix: string): Stores {
  return {
    hashing: new RedisHashingStore(redis, keyPrefix),
    catalog: new RedisCatalogStore(redis, keyPrefix),
    lists: new RedisListStore(redis, keyPrefix),
    ping: async () => {
      await redis.ping();
    },
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
