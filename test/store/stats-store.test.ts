import { MemoryStatsStore } from '../../src/stats/memory-stats-store';
import { RedisStatsStore } from '../../src/stats/redis-stats-store';
import { describeStatsStoreContract } from './stats-store-contract';
import { inMemory, onRedis, onRedisCluster } from './store-backends';

describeStatsStoreContract('memory', inMemory(() => new MemoryStatsStore()));
describeStatsStoreContract('redis', onRedis('stats', (redis, prefix) => new RedisStatsStore(redis, prefix)));
describeStatsStoreContract('redis cluster', onRedisCluster('stats', (redis, prefix) => new RedisStatsStore(redis, prefix)));
