import { MemoryListStore } from '../../src/lists/memory-list-store';
import { RedisListStore } from '../../src/lists/redis-list-store';
import { describeListStoreContract } from './list-store-contract';
import { inMemory, onRedis, onRedisCluster } from './store-backends';

describeListStoreContract('memory', inMemory(() => new MemoryListStore()));
describeListStoreContract('redis', onRedis('lists', (redis, prefix) => new RedisListStore(redis, prefix)));
describeListStoreContract('redis cluster', onRedisCluster('lists', (redis, prefix) => new RedisListStore(redis, prefix)));
