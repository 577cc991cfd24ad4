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
  it('when a version is written, then only buckets with digests have keys, a bucket map names them, and deleting it leaves none', async () => {
    const prefix = uniquePrefix('layout');
    const stores = createRedisStores(new Redis(testRedisUrl()), prefix);
    const inspector = newTestRedis();
    try {
      await stores.lists.bindIdentity({ freshStore: true });
      const entries = Array.from({ length: 2000 }, (_, i) => ({ bucket: i, digest: randomBytes(16) }));
      const staged = await stores.lists.beginVersion('exp-x', 'hp-1', 16, NOW);
      expect(await stores.lists.addEntries(staged, entries)).toBe(2000);
      const bucketKeys = (await keysWithPrefix(inspector, prefix)).filter((key) => /\{[0-9a-f]{6}\}:exp-x\//.test(key));
      // A small list costs no key for an empty bucket: the map tells an empty bucket from a lost key.
      expect(bucketKeys).toHaveLength(2000);
      // The bucket is the hash tag, so one check touches one cluster slot.
      expect(bucketKeys.every((key) => /^[^{]*\{[0-9a-f]{6}\}:exp-x\/\d+$/.test(key))).toBe(true);
      expect(await inspector.object('ENCODING', bucketKeys[0] as string)).toBe('listpack');
      const map = `${prefix}{lists}:buckets:exp-x/${staged.version}`;
      // Guard bit, then bucket b at bit 100000 + b (six digits for every 16-bit bucket).
      expect(await inspector.getbit(map, 0)).toBe(1);
      expect(await inspector.getbit(map, 100_000)).toBe(1);
      expect(await inspector.getbit(map, 101_999)).toBe(1);
      expect(await inspector.getbit(map, 102_000)).toBe(0);
      await stores.lists.activate(staged, 2000, NOW);
      await stores.lists.removeList('exp-x');
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
    for (let start = 0; start < keys.length; start += 1000) await redis.unlink(...keys.slice(start, start + 1000));
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

  it('when a bucket key is lost during an upload and written again by later rows, then the version never goes live', async () => {
    const staged = await lists.beginVersion('exp-u', 'hp-1', 16, NOW);
    const first = { bucket: 0x0042, digest: randomBytes(16) };
    const later = { bucket: 0x0042, digest: randomBytes(16) };
    await lists.addEntries(staged, [first]);
    const key = (await keysWithPrefix(redis, prefix)).find((name) => name.includes('{000042}') && name.includes('exp-u/')) as string;
    await redis.del(key);
    await lists.addEntries(staged, [later]);

    await expect(lists.activate(staged, 2, NOW)).rejects.toThrow(/holds 1 of the 2 rows/);
    expect((await lists.liveLists()).some((list) => list.exposureId === 'exp-u')).toBe(false);
  });

  it('when a bucket key is lost during an upload and nothing is written to it again, then the version never goes live', async () => {
    const staged = await lists.beginVersion('exp-v', 'hp-1', 16, NOW);
    await lists.addEntries(staged, [{ bucket: 3, digest: randomBytes(16) }]);
    const key = (await keysWithPrefix(redis, prefix)).find((name) => name.includes('{000003}') && name.includes('exp-v/')) as string;
    await redis.del(key);

    await expect(lists.activate(staged, 1, NOW)).rejects.toThrow(/1 bucket keys missing/);
  });

  it('when the bucket map of a live version is lost, then probes of empty and full buckets alike throw instead of missing', async () => {
    await redis.del(`${prefix}{lists}:buckets:exp-l/1`);
    await expect(probeListed()).rejects.toThrow(ListDataLostError);
    await expect(lists.probe([{ exposureId: 'exp-l', version: 1, entry: { bucket: 7, digest: randomBytes(16) } }])).rejects.toThrow(
      ListDataLostError,
    );
  });

  it('when every key is gone (a wiped or restarted-empty store), then probes, even of nothing, and activations throw', async () => {
    const keys = await keysWithPrefix(redis, prefix);
    for (let start = 0; start < keys.length; start += 1000) await redis.unlink(...keys.slice(start, start + 1000));

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
    // Pointers without an identity and no bucket maps: the layout of a store written before
    // identities existed. Adopted: its maps are built from the keys there, empty buckets answer misses.
    await redis.del(`${prefix}{lists}:buckets:exp-l/1`);
    const adopting = new RedisListStore(redis, prefix);
    await adopting.bindIdentity({ freshStore: false });
    expect((await adopting.probe([{ exposureId: 'exp-l', version: 1, entry: listed }])).found).toEqual([true]);
    expect((await adopting.probe([{ exposureId: 'exp-l', version: 1, entry: { bucket: 7, digest: randomBytes(16) } }])).found).toEqual([false]);
    expect(await redis.getbit(`${prefix}{lists}:buckets:exp-l/1`, 100_000 + listed.bucket)).toBe(1);

    await redis.del(`${prefix}{lists}:live`);
    const starting = new RedisListStore(redis, prefix);
    await expect(starting.bindIdentity({ freshStore: false })).rejects.toThrow(/wiped or restarted empty/);
  });
});
