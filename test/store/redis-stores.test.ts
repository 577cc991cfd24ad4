import Redis from 'ioredis';
import { createRedisStores } from '../../src/store/redis-stores';
import { randomBytes } from 'node:crypto';
import { keysWithPrefix, newTestRedis, testRedisUrl, uniquePrefix } from '../support/test-redis';
import { describeStoreContract } from './store-contract';

describeStoreContract('redis', async () => createRedisStores(new Redis(testRedisUrl()), uniquePrefix('contract')));

describe('redis list layout', () => {
  it('when a version is deleted, then not one of its bucket keys remains', async () => {
    const prefix = uniquePrefix('layout');
    const stores = createRedisStores(new Redis(testRedisUrl()), prefix);
    const inspector = newTestRedis();
    try {
      const entries = Array.from({ length: 2000 }, (_, i) => ({ bucket: i % 65536, digest: randomBytes(16) }));
      const staged = await stores.lists.beginVersion('exp-x', 'hp-1', 16, new Date());
      await stores.lists.addEntries(staged, entries);
      const bucketKeys = (await keysWithPrefix(inspector, prefix)).filter((key) => key.includes('exp-x/'));
      expect(bucketKeys).toHaveLength(2000);
      // The bucket is the hash tag, so one check touches one cluster slot.
      expect(bucketKeys.every((key) => /^[^{]*\{[0-9a-f]{6}\}:exp-x\/\d+$/.test(key))).toBe(true);
      expect(await inspector.object('ENCODING', bucketKeys[0]!)).toBe('listpack');
      await stores.lists.deleteVersion('exp-x', staged.version);
      // Only the version counter is left: numbers are never reused, so a stale reader can't mix versions.
      expect(await keysWithPrefix(inspector, prefix)).toEqual([`${prefix}{lists}:next-version`]);
    } finally {
      await stores.close();
      inspector.disconnect();
    }
  });
});
