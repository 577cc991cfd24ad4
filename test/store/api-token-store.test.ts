import { MemoryApiTokenStore } from '../../src/tokens/memory-api-token-store';
import { RedisApiTokenStore } from '../../src/tokens/redis-api-token-store';
import { describeApiTokenStoreContract } from './api-token-store-contract';
import { inMemory, onRedis, onRedisCluster } from './store-backends';

describeApiTokenStoreContract('memory', inMemory(() => new MemoryApiTokenStore()));
describeApiTokenStoreContract('redis', onRedis('tokens', (redis, prefix) => new RedisApiTokenStore(redis, prefix)));
describeApiTokenStoreContract('redis cluster', onRedisCluster('tokens', (redis, prefix) => new RedisApiTokenStore(redis, prefix)));
