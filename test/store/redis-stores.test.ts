import Redis from 'ioredis';
import { connectRedis } from '../../src/store';
import { createRedisStores } from '../../src/stores';
import { testClusterNodes, testRedisUrl, uniquePrefix } from '../support/test-redis';
import { describeStoreContract } from './store-contract';

// Each store's contract runs in test/store/<name>-store.test.ts; what only Redis does, in redis-only.test.ts.
describeStoreContract('redis', async () => createRedisStores(new Redis(testRedisUrl()), uniquePrefix('contract')));
describeStoreContract('redis cluster', async () =>
  createRedisStores(
    await connectRedis({ kind: 'cluster', nodes: testClusterNodes(), username: undefined, password: undefined, tls: false, natMap: {} }),
    uniquePrefix('contract'),
  ),
);
