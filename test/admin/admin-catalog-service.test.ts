import { AdminCatalogService } from '../../src/catalog/admin-catalog-service';
import { catalogIdFrom, isCatalogId, randomIdSuffix } from '../../src/catalog/catalog-id';
import { mergePatch } from '../../src/catalog/merge-patch';
import { RedisCatalogStore } from '../../src/catalog/redis-catalog-store';
import { RedisListStore } from '../../src/lists/redis-list-store';
import { newTestRedis, uniquePrefix } from '../support/test-redis';

describe('catalogue ids', () => {
  it.each([
    ['when the words are English, then the id is their slug plus the suffix', 'Porsche Japan 2018', 'porsche-japan-2018-abcdef'],
    ['when the words carry accents and punctuation, then they are folded away', 'Société Générale: "Breach" (2020)!', 'societe-generale-breach-2020-abcdef'],
    ['when the words are Japanese only, then the fallback is used', 'ポルシェ ジャパン', 'incident-abcdef'],
    ['when there are no words, then the fallback is used', undefined, 'incident-abcdef'],
    ['when the words are long, then the slug is cut at a word boundary', 'Unauthorized access to the servers of Toyota dealers in Tokyo', 'unauthorized-access-to-the-servers-of-toyota-abcdef'],
  ])('%s', (_name, words, expected) => {
    const id = catalogIdFrom(words, 'incident', 'abcdef');

    expect(id).toBe(expected);
    expect(isCatalogId(id)).toBe(true);
  });

  it('when random suffixes are drawn, then they are six base32 characters and vary', () => {
    const suffixes = Array.from({ length: 200 }, randomIdSuffix);

    for (const suffix of suffixes) expect(suffix).toMatch(/^[a-z2-7]{6}$/);
    expect(new Set(suffixes).size).toBeGreaterThan(190);
  });

  it.each(['', 'A', 'a_b', 'a/b', '{a}', 'a:b', 'a b', 'a'.repeat(101)])('when the id is %p, then it is not a catalogue id', (id) => {
    expect(isCatalogId(id)).toBe(false);
  });
});

describe('mergePatch (RFC 7396)', () => {
  it.each([
    ['when a key is given, then it replaces', { a: 1, b: 2 }, { a: 3 }, { a: 3, b: 2 }],
    ['when a key is null, then it is removed', { a: 1, b: 2 }, { a: null }, { b: 2 }],
    ['when objects meet, then they merge deeply', { t: { ja: 'x', en: 'y' } }, { t: { en: 'z', ja: null } }, { t: { en: 'z' } }],
    ['when an array is given, then it replaces the array', { a: [1, 2] }, { a: [3] }, { a: [3] }],
    ['when a string replaces an object, then the string wins', { t: { ja: 'x' } }, { t: 'y' }, { t: 'y' }],
    ['when the target is missing a branch, then nulls inside the patch vanish', {}, { w: { from: null, to: '2020-01-01' } }, { w: { to: '2020-01-01' } }],
  ])('%s', (_name, target, patch, expected) => {
    const before = structuredClone(target);

    expect(mergePatch(target, patch)).toEqual(expected);
    expect(target).toEqual(before);
  });

  it('when the patch has a __proto__ key, then it is ignored instead of replacing the prototype', () => {
    const merged = mergePatch({}, JSON.parse('{"__proto__": {"title": "injected"}}')) as Record<string, unknown>;

    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(merged.title).toBeUndefined();
  });
});

describe('AdminCatalogService', () => {
  const redis = newTestRedis();
  let now = new Date('2026-02-01T09:00:00.000Z');
  const clock = () => now;

  function serviceWith(newIdSuffix?: () => string): AdminCatalogService {
    const prefix = uniquePrefix('admin-service');
    return new AdminCatalogService({
      catalog: new RedisCatalogStore(redis, prefix),
      lists: new RedisListStore(redis, prefix),
      clock,
      ...(newIdSuffix && { newIdSuffix }),
    });
  }

  afterAll(() => {
    redis.disconnect();
  });

  it('when an incident is created and patched, then createdAt stays and updatedAt follows the clock', async () => {
    const service = serviceWith();
    now = new Date('2026-02-01T09:00:00.000Z');
    const created = await service.createIncident({ organization: 'Example Motors', title: 'Breach' });

    now = new Date('2026-02-02T10:30:00.000Z');
    const patched = await service.updateIncident(created.id, { status: 'resolved' });

    expect(created).toMatchObject({ createdAt: '2026-02-01T09:00:00.000Z', updatedAt: '2026-02-01T09:00:00.000Z' });
    expect(patched).toMatchObject({ createdAt: '2026-02-01T09:00:00.000Z', updatedAt: '2026-02-02T10:30:00.000Z' });
    expect(await service.getIncident(created.id)).toEqual(patched);
  });

  it('when publishing changes nothing, then updatedAt is left alone', async () => {
    const service = serviceWith();
    now = new Date('2026-03-01T00:00:00.000Z');
    const incident = await service.createIncident({ organization: 'Example Motors', title: 'Breach' });
    const exposure = await service.createExposure(incident.id, { title: 'Customers', dataExposed: ['name'] });

    now = new Date('2026-03-02T00:00:00.000Z');
    const unpublished = await service.setPublished(exposure.id, false);
    const published = await service.setPublished(exposure.id, true);

    expect(unpublished.updatedAt).toBe('2026-03-01T00:00:00.000Z');
    expect(published).toMatchObject({ published: true, updatedAt: '2026-03-02T00:00:00.000Z' });
  });

  it('when a generated id is already taken, then another suffix is drawn', async () => {
    const suffixes = ['aaaaaa', 'aaaaaa', 'bbbbbb'];
    const service = serviceWith(() => suffixes.shift() ?? 'zzzzzz');

    const first = await service.createIncident({ organization: 'Example Motors', title: 'Breach' });
    const second = await service.createIncident({ organization: 'Example Motors', title: 'Breach' });

    expect(first.id).toBe('example-motors-aaaaaa');
    expect(second.id).toBe('example-motors-bbbbbb');
  });

  it('when every drawn id is taken, then creation fails instead of overwriting', async () => {
    const service = serviceWith(() => 'aaaaaa');
    await service.createIncident({ organization: 'Example Motors', title: 'Breach' });

    await expect(service.createIncident({ organization: 'Example Motors', title: 'Other' })).rejects.toThrow(/no free incident id/);
    expect((await service.getIncident('example-motors-aaaaaa')).title).toEqual({ en: 'Breach' });
  });
});
