import session from 'express-session';
import { RedisSessionStore } from '../../src/sign-in/redis-session-store';
import { describeSessionStoreContract } from './session-store-contract';
import { inMemory, onRedis, onRedisCluster } from './store-backends';

// Demo mode keeps staff sessions in express-session's own MemoryStore; Redis mode in ours.
describeSessionStoreContract('memory', inMemory(() => new session.MemoryStore()));
describeSessionStoreContract('redis', onRedis('sessions', (redis, prefix) => new RedisSessionStore(redis, prefix)));
describeSessionStoreContract('redis cluster', onRedisCluster('sessions', (redis, prefix) => new RedisSessionStore(redis, prefix)));
