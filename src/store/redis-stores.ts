import type Redis from 'ioredis';
import { RedisAuditStore } from '../audit/redis-audit-store';
import { RedisCatalogStore } from '../catalog/redis-catalog-store';
import { RedisHashingStore } from '../hashing/redis-hashing-store';
import { RedisListStore } from '../lists/redis-list-store';
import { RedisStatsStore } from '../stats/redis-stats-store';
import { RedisSessionStore } from '../sign-in/redis-session-store';
import { RedisStaffStore } from '../staff/redis-staff-store';
import { RedisApiTokenStore } from '../tokens/redis-api-token-store';
import type { Stores } from './stores';

export function createRedisStores(redis: Redis, keyPrefix: string): Stores {
  return {
    hashing: new RedisHashingStore(redis, keyPrefix),
    catalog: new RedisCatalogStore(redis, keyPrefix),
    lists: new RedisListStore(redis, keyPrefix),
    audit: new RedisAuditStore(redis, keyPrefix),
    stats: new RedisStatsStore(redis, keyPrefix),
    staff: new RedisStaffStore(redis, keyPrefix),
    apiTokens: new RedisApiTokenStore(redis, keyPrefix),
    sessions: new RedisSessionStore(redis, keyPrefix),
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
