import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { ListDataLostError } from '../../src/lists/list-store';
import { RedisListStore } from '../../src/lists/redis-list-store';
import { createRedisStores } from '../../src/store/redis-stores';
import { keysWithPrefix, newTestRedis, testRedisUrl, uniquePrefix } from '../support/test-redis';
import { describeStoreContract } from './store-contract';

describeStoreContract('redis', async () => createRedisStores(new Redis(testRedisUrl()), uniquePrefix('contract')));

const NOW = new Date('2026-12-02T09:00:00.000Z');
const BUCKETS = 65536;

describe('redis list layout', () => {
  it('when a version is begun, then every bucket key exists with its sentinel, and deleting it leaves none', async () => {
    const prefix = uniquePrefix('layout');
    const stores = createRedisStores(new Redis(testRedisUrl()), prefix);
    const inspector = newTestRedis();
    try {
      await stores.lists.bindIdentity({ freshStore: true });
      const entries = Array.from({ length: 2000 }, (_, i) => ({ bucket: i, digest: randomBytes(16) }));
      const staged = await stores.lists.beginVersion('exp-x', 'hp-1', 16, NOW);
      await stores.lists.addEntries(staged, entries);
      const bucketKeys = (await keysWithPrefix(inspector, prefix)).filter((key) => key.includes('exp-x/'));
      // Empty buckets too: a missing key can then only mean lost data, never "no digest here".
      expect(bucketKeys).toHaveLength(BUCKETS);
      // The bucket is the hash tag, so one check touches one cluster slot.
      expect(bucketKeys.every((key) => /^[^{]*\{[0-9a-f]{6}\}:exp-x\/\d+$/.test(key))).toBe(true);
      const withRow = bucketKeys.find((key) => key.includes('{000000}')) as string;
      const empty = bucketKeys.find((key) => key.includes('{00ffff}')) as string;
      expect(await inspector.hlen(withRow)).toBe(2);
      expect(await inspector.hlen(empty)).toBe(1);
      expect(await inspector.object('ENCODING', withRow)).toBe('listpack');
      await stores.lists.deleteVersion('exp-x', staged.version);
      // The version counter and the live pointers (holding the store's identity) are left: numbers
      // are never reused, so a stale reader can't mix versions.
      expect((await keysWithPrefix(inspector, prefix)).sort()).toEqual([`${prefix}{lists}:live`, `${prefix}{lists}:next-version`]);
    } finally {
      await stores.close();
      inspector.disconnect();
    }
  });
});

describe('redis list store that lost data', () => {
  let redis: Redis;
  let prefix: string;
  let lists: RedisListStore;
  const listed = { bucket: 0x1234, digest: randomBytes(16) };

  beforeEach(async () => {
    redis = newTestRedis();
    prefix = uniquePrefix('lost');
    lists = new RedisListStore(redis, prefix);
    await lists.bindIdentity({ freshStore: true });
    const staged = await lists.beginVersion('exp-l', 'hp-1', 16, NOW);
    await lists.addEntries(staged, [listed]);
    await lists.activate(staged, 1, NOW);
  });
  afterEach(async () => {
    const keys = await keysWithPrefix(redis, prefix);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  const probeListed = () => lists.probe([{ exposureId: 'exp-l', version: 1, entry: listed }]);
  const bucketKeyOf = async (bucket: number) =>
    (await keysWithPrefix(redis, prefix)).find((key) => key.includes(`{${bucket.toString(16).padStart(6, '0')}}`)) as string;

  it('when one bucket key of the live version is deleted, then probing it throws instead of missing, and readiness fails until it is back', async () => {
    expect((await probeListed()).found).toEqual([true]);
    const key = await bucketKeyOf(listed.bucket);
    const backup = await redis.dumpBuffer(key);
    await redis.del(key);

    await expect(probeListed()).rejects.toThrow(ListDataLostError);
    await expect(lists.verifyIntact()).rejects.toThrow(/missing a bucket key/);
    // Another bucket of the same list still answers: only the lost part is refused.
    expect((await lists.probe([{ exposureId: 'exp-l', version: 1, entry: { bucket: 7, digest: randomBytes(16) } }])).found).toEqual([false]);

    await redis.restore(key, 0, backup);
    await expect(lists.verifyIntact()).resolves.toBeUndefined();
    expect((await probeListed()).found).toEqual([true]);
  });

  it('when a deleted bucket key is written again without its sentinel, then it still counts as lost', async () => {
    const key = await bucketKeyOf(listed.bucket);
    await redis.del(key);
    await redis.hset(key, listed.digest, '');
    await expect(probeListed()).rejects.toThrow(ListDataLostError);
  });

  it('when every key is gone (a wiped or restarted-empty store), then probes, even of nothing, and activations throw', async () => {
    await redis.del(...(await keysWithPrefix(redis, prefix)));

    await expect(probeListed()).rejects.toThrow(/identity is gone/);
    await expect(lists.probe([])).rejects.toThrow(ListDataLostError);
    await expect(lists.verifyIntact()).rejects.toThrow(ListDataLostError);
    const staged = await lists.beginVersion('exp-m', 'hp-1', 16, NOW);
    await expect(lists.activate(staged, 0, NOW)).rejects.toThrow(ListDataLostError);
  });

  it('when the store carries another identity than at start (replaced by another one), then probes throw', async () => {
    await redis.hset(`${prefix}{lists}:live`, '~store', 'someone-else');
    await expect(probeListed()).rejects.toThrow(/another identity/);
  });

  it('when a server starts on a store that holds data but lost its identity, then it refuses; one written before identities is adopted', async () => {
    await redis.hdel(`${prefix}{lists}:live`, '~store');
    // Pointers without an identity: the layout of a store written before identities existed.
    const adopting = new RedisListStore(redis, prefix);
    await adopting.bindIdentity({ freshStore: false });
    expect((await adopting.probe([{ exposureId: 'exp-l', version: 1, entry: listed }])).found).toEqual([true]);

    await redis.del(`${prefix}{lists}:live`);
    const starting = new RedisListStore(redis, prefix);
    await expect(starting.bindIdentity({ freshStore: false })).rejects.toThrow(/wiped or restarted empty/);
  });
});
