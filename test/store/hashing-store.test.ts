import { MemoryHashingStore } from '../../src/hashing/memory-hashing-store';
import { RedisHashingStore } from '../../src/hashing/redis-hashing-store';
import { describeHashingStoreContract } from './hashing-store-contract';
import { inMemory, onRedis, onRedisCluster } from './store-backends';

describeHashingStoreContract('memory', inMemory(() => new MemoryHashingStore()));
describeHashingStoreContract('redis', onRedis('hashing', (redis, prefix) => new RedisHashingStore(redis, prefix)));
describeHashingStoreContract('redis cluster', onRedisCluster('hashing', (redis, prefix) => new RedisHashingStore(redis, prefix)));
