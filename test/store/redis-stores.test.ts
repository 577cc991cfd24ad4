import Redis from 'ioredis';
import { createRedisStores } from '../../src/stores';
import { connectTestCluster, testRedisUrl, uniquePrefix } from '../support/test-redis';
import { describeStoreContract } from './store-contract';

// Each store's contract runs in test/store/<name>-store.test.ts; what only Redis does, in redis-only.test.ts.
describeStoreContract('redis', async () => createRedisStores(new Redis(testRedisUrl()), uniquePrefix('contract')));
describeStoreContract('redis cluster', async () =>
  createRedisStores(
    await connectTestCluster(),
    uniquePrefix('contract'),
  ),
);
