import { createHash, randomBytes } from 'node:crypto';
import session from 'express-session';
import type { AuditEntry } from '../../src/audit/audit-event';
import { RedisAuditStore } from '../../src/audit/redis-audit-store';
import { ListDataLostError } from '../../src/lists/list-store';
import { RedisListStore } from '../../src/lists/redis-list-store';
import { RedisSessionStore } from '../../src/sign-in/redis-session-store';
import { RedisStaffStore } from '../../src/staff/redis-staff-store';
import { RedisStatsStore } from '../../src/stats/redis-stats-store';
import { RedisApiTokenStore } from '../../src/tokens/redis-api-token-store';
import { deleteKeys, keysWithPrefix, newTestRedis, type TestRedis, uniquePrefix } from '../support/test-redis';

/*
 * What only the Redis stores do, beyond their contracts (test/store/*-store-contract.ts): where
 * they keep what in Redis, with which encoding and expiry, and how they notice data Redis lost.
 */

const NOW = new Date('2026-12-02T09:00:00.000Z');

async function unlinkAll(redis: TestRedis, prefix: string): Promise<void> {
  const keys = await keysWithPrefix(redis, prefix);
  await deleteKeys(redis, keys);
}

describe('redis list layout', () => {
  it('when a version is written, then it is staged in 16-bit hashes; once live, packed in one sorted string per 12-bit bucket, and deleting it leaves none', async () => {
    const prefix = uniquePrefix('layout');
    const redis = newTestRedis();
    const lists = new RedisListStore(redis, prefix);
    try {
      await lists.bindIdentity({ freshStore: true });
      const entries = Array.from({ length: 2000 }, (_, i) => ({ bucket: i, digest: randomBytes(16) }));
      const staged = await lists.beginVersion('exp-x', 'hp-1', 16, NOW);
      expect(await lists.addEntries(staged, entries)).toBe(2000);
      const stagedKeys = (await keysWithPrefix(redis, prefix)).filter((key) => /\{[0-9a-f]{6}\}:exp-x\//.test(key));
      // A small list costs no key for an empty bucket: the map tells an empty bucket from a lost key.
      expect(stagedKeys).toHaveLength(2000);
      expect(await redis.object('ENCODING', stagedKeys[0] as string)).toBe('listpack');
      // Staged fields are the 8 bytes that will be stored: HSET counts what the packed list will hold.
      expect((await redis.hkeysBuffer(stagedKeys[0] as string))[0]).toHaveLength(8);
      const stagedMap = `${prefix}{lists}:buckets:exp-x/${staged.version}`;
      // Guard bit, then bucket b at bit 100000 + b (six digits for every 16-bit bucket).
      expect(await redis.getbit(stagedMap, 0)).toBe(1);
      expect(await redis.getbit(stagedMap, 100_000)).toBe(1);
      expect(await redis.getbit(stagedMap, 101_999)).toBe(1);
      expect(await redis.getbit(stagedMap, 102_000)).toBe(0);

      await lists.activate(staged, 2000, NOW);

      const keys = await keysWithPrefix(redis, prefix);
      // Buckets 0 to 1999 of 16 bits are stored buckets 0 to 124 of 12; nothing staged is left.
      const storedKeys = keys.filter((key) => key.includes('exp-x/')).filter((key) => !key.includes('{lists}'));
      expect(storedKeys).toHaveLength(125);
      // The bucket is the hash tag, of fixed width, so one check touches one cluster slot and sends as many bytes.
      expect(storedKeys.every((key) => /^[^{]*lists:\{[0-9a-f]{3}\}:exp-x\/\d+$/.test(key))).toBe(true);
      expect(keys).not.toContain(stagedMap);
      const first = (await redis.getBuffer(`${prefix}lists:{000}:exp-x/${staged.version}`)) as Buffer;
      const expected = entries.slice(0, 16).map((entry) => entry.digest.subarray(0, 8)).sort(Buffer.compare);
      expect(first).toEqual(Buffer.concat(expected));
      expect(await redis.type(`${prefix}lists:{07c}:exp-x/${staged.version}`)).toBe('string');
      const storedMap = `${prefix}{lists}:stored-buckets:exp-x/${staged.version}`;
      expect(await redis.getbit(storedMap, 0)).toBe(1);
      expect(await redis.getbit(storedMap, 100_124)).toBe(1);
      expect(await redis.getbit(storedMap, 100_125)).toBe(0);

      await lists.removeList('exp-x');
      // The version counter, the live-number counter and the live pointers (holding the store's
      // identity) are left: ids are never reused, so a stale reader can't mix versions, and a
      // live number is never shown twice. So are the eight marks of the highest live version,
      // spread over the slot range (live-version-marks.ts), which say the same to a later start.
      const left = (await keysWithPrefix(redis, prefix)).sort();
      const marks = left.filter((key) => /\{lists-mark-\d+\}:highest-live$/.test(key));
      expect(marks).toHaveLength(8);
      expect(left.filter((key) => !marks.includes(key))).toEqual([
        `${prefix}{lists}:live`,
        `${prefix}{lists}:live-numbers`,
        `${prefix}{lists}:next-version`,
      ]);
      expect(await Promise.all(marks.map((key) => redis.hgetall(key)))).toEqual(marks.map(() => ({ 'exp-x': String(staged.version) })));
    } finally {
      await unlinkAll(redis, prefix);
      redis.disconnect();
    }
  });

  it('when a version was deleted while packing or after rows kept coming, then deleting it with its bucket bits leaves no key of either layout', async () => {
    const prefix = uniquePrefix('layout-leftovers');
    const redis = newTestRedis();
    const lists = new RedisListStore(redis, prefix);
    try {
      await lists.bindIdentity({ freshStore: true });
      const staged = await lists.beginVersion('exp-y', 'hp-1', 16, NOW);
      await lists.addEntries(staged, [{ bucket: 0x0101, digest: randomBytes(16) }]);
      // As if a packing had begun when the record went: a stored key, its map bit, no guard.
      await redis.hdel(`${prefix}{lists}:versions`, `exp-y/${staged.version}`);
      await redis.set(`${prefix}lists:{010}:exp-y/${staged.version}`, randomBytes(8));
      await redis.setbit(`${prefix}{lists}:stored-buckets:exp-y/${staged.version}`, 100_016, 1);

      await lists.deleteVersion('exp-y', staged.version, 16);

      expect((await keysWithPrefix(redis, prefix)).filter((key) => key.includes('exp-y/'))).toEqual([]);
    } finally {
      await unlinkAll(redis, prefix);
      redis.disconnect();
    }
  });
});

describe('redis live numbers of pointers written before they were counted', () => {
  it('when a live pointer has no live number, then it reads as 1, and the version replacing it is 2', async () => {
    const prefix = uniquePrefix('live-number');
    const redis = newTestRedis();
    const lists = new RedisListStore(redis, prefix);
    try {
      await lists.bindIdentity({ freshStore: true });
      // Two uploads begun (one refused) before numbering: the live one has internal id 2.
      await lists.beginVersion('exp-old', 'hp-1', 16, NOW);
      const old = await lists.beginVersion('exp-old', 'hp-1', 16, NOW);
      await lists.activate(old, 0, NOW);
      // As the earlier layout wrote it: no liveNumber in the pointer, no count.
      const pointer = JSON.parse((await redis.hget(`${prefix}{lists}:live`, 'exp-old')) as string) as Record<string, unknown>;
      delete pointer.liveNumber;
      await redis.hset(`${prefix}{lists}:live`, 'exp-old', JSON.stringify(pointer));
      await redis.del(`${prefix}{lists}:live-numbers`);

      expect(await lists.liveLists()).toEqual([expect.objectContaining({ exposureId: 'exp-old', version: old.version, liveNumber: 1 })]);
      const next = await lists.beginVersion('exp-old', 'hp-1', 16, NOW);
      const activation = await lists.activate(next, 0, NOW);
      expect(activation.replaced).toEqual(expect.objectContaining({ version: old.version, liveNumber: 1 }));
      expect(activation.live).toEqual(expect.objectContaining({ version: 3, liveNumber: 2 }));
      expect(await lists.liveLists()).toEqual([activation.live]);
    } finally {
      await unlinkAll(redis, prefix);
      redis.disconnect();
    }
  });
});

describe('redis list store that lost data', () => {
  let redis: TestRedis;
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
    await unlinkAll(redis, prefix);
    redis.disconnect();
  });

  const probeListed = () => lists.probe([{ exposureId: 'exp-l', version: 1, entry: listed, bucketBits: 16 }]);
  const probeOther = () => lists.probe([{ exposureId: 'exp-l', version: 1, entry: { bucket: 7, digest: randomBytes(16) }, bucketBits: 16 }]);
  /** The stored key of a 16-bit bucket: its first 12 bits, three hex digits. */
  const bucketKeyOf = async (bucket: number) =>
    (await keysWithPrefix(redis, prefix)).find((key) => key.includes(`{${(bucket >>> 4).toString(16).padStart(3, '0')}}`)) as string;

  it('when one bucket key of the live version is deleted, then probing it throws instead of missing, and readiness fails until it is back', async () => {
    expect((await probeListed()).found).toEqual([true]);
    const key = await bucketKeyOf(listed.bucket);
    const backup = await redis.dumpBuffer(key);
    await redis.del(key);

    await expect(probeListed()).rejects.toThrow(ListDataLostError);
    await expect(lists.verifyIntact()).rejects.toThrow(/missing a bucket key/);
    // Another bucket of the same list still answers: only the lost part is refused.
    expect((await probeOther()).found).toEqual([false]);

    await redis.restore(key, 0, backup);
    await expect(lists.verifyIntact()).resolves.toBeUndefined();
    expect((await probeListed()).found).toEqual([true]);
  });

  it('when one bucket key of the live version is deleted, then reading that bucket whole throws instead of answering it empty', async () => {
    const read = () => lists.readBuckets([{ exposureId: 'exp-l', version: 1, bucket: listed.bucket >>> 4 }]);
    expect((await read()).digests).toEqual([[listed.digest.subarray(0, 8)]]);
    await redis.del(await bucketKeyOf(listed.bucket));

    await expect(read()).rejects.toThrow(ListDataLostError);
    await expect(lists.verifyIntact()).rejects.toThrow(/missing a bucket key/);
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

  it('when the bucket map of a live version is lost, then probes and reads of empty and full buckets alike throw instead of missing', async () => {
    await redis.del(`${prefix}{lists}:stored-buckets:exp-l/1`);
    await expect(probeListed()).rejects.toThrow(ListDataLostError);
    await expect(probeOther()).rejects.toThrow(ListDataLostError);
    await expect(lists.readBuckets([{ exposureId: 'exp-l', version: 1, bucket: 0 }])).rejects.toThrow(ListDataLostError);
  });

  it('when every key is gone (a wiped or restarted-empty store), then probes, even of nothing, and activations throw', async () => {
    await unlinkAll(redis, prefix);

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

  it('when a server starts on a store that holds data but lost its identity, then it refuses', async () => {
    await redis.del(`${prefix}{lists}:live`);
    const starting = new RedisListStore(redis, prefix);
    await expect(starting.bindIdentity({ freshStore: false })).rejects.toThrow(/wiped or restarted empty/);
  });
});

describe('redis layout of the other stores', () => {
  let redis: TestRedis;
  let prefix: string;
  beforeEach(() => {
    redis = newTestRedis();
    prefix = uniquePrefix('redis-only');
  });
  afterEach(async () => {
    await unlinkAll(redis, prefix);
    redis.disconnect();
  });

  it('when events are recorded in Redis, then they sit in one stream under the prefix, without expiry or trimming', async () => {
    const store = new RedisAuditStore(redis, prefix);
    const check = (index: number): AuditEntry => ({
      actor: { kind: 'staff', staffId: 'st-support-1', username: 'sato.support', role: 'support' },
      action: 'support.check',
      ticketRef: `LAYOUT-${index}`,
      matchedExposureIds: [],
    });
    for (let index = 0; index < 30; index += 1) await store.append(check(index));

    expect(await keysWithPrefix(redis, prefix)).toEqual([`${prefix}audit:events`]);
    expect(await redis.type(`${prefix}audit:events`)).toBe('stream');
    expect(await redis.xlen(`${prefix}audit:events`)).toBe(30);
    expect(await redis.ttl(`${prefix}audit:events`)).toBe(-1);
  });

  it('when a check is counted in Redis, then one hash per day holds counters only, and expires after 400 days', async () => {
    const store = new RedisStatsStore(redis, prefix);
    const today = new Date().toISOString().slice(0, 10);
    await store.addCounts(today, { checks: 1, matches: { 'porsche-catalog': 1, 'porsche-promotion': 0 } });

    const [key] = await keysWithPrefix(redis, prefix);

    expect(await keysWithPrefix(redis, prefix)).toEqual([`${prefix}stats:day:${today}`]);
    expect(await redis.hgetall(key!)).toEqual({ checks: '1', 'match:porsche-catalog': '1', 'match:porsche-promotion': '0' });
    const ttl = await redis.ttl(key!);
    expect(ttl).toBeGreaterThan(399 * 86_400);
    expect(ttl).toBeLessThanOrEqual(400 * 86_400);
  });

  it('when a staff account is created, then one hash in the {staff} slot holds it by id and another its id by username', async () => {
    const store = new RedisStaffStore(redis, prefix);
    const account = {
      id: 'st-1',
      username: 'hanako',
      role: 'support' as const,
      disabled: false,
      passwordHash: '$argon2id$v=19$m=19456,p=1,t=2$c2FsdA$aGFzaA',
      passwordVersion: 1,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    };
    await store.create(account);

    expect((await keysWithPrefix(redis, prefix)).sort()).toEqual([`${prefix}{staff}:accounts`, `${prefix}{staff}:usernames`]);
    expect(JSON.parse((await redis.hget(`${prefix}{staff}:accounts`, 'st-1'))!)).toEqual(account);
    expect(await redis.hgetall(`${prefix}{staff}:usernames`)).toEqual({ hanako: 'st-1' });
  });

  it('when a token is created, used and revoked, then its hash maps to it only until the revocation, and the record never holds its last use', async () => {
    const store = new RedisApiTokenStore(redis, prefix);
    const secretHash = createHash('sha256').update(randomBytes(32)).digest('hex');
    const record = { id: 'tok-1', ownerStaffId: 'st-admin-1', label: 'ci', secretHash, createdAt: NOW.toISOString() };
    await store.create(record);
    await store.markUsed('tok-1', '2026-12-02T09:05:00.000Z');

    expect((await keysWithPrefix(redis, prefix)).sort()).toEqual([
      `${prefix}{tokens}:by-secret`,
      `${prefix}{tokens}:last-used`,
      `${prefix}{tokens}:records`,
    ]);
    expect(await redis.hgetall(`${prefix}{tokens}:by-secret`)).toEqual({ [secretHash]: 'tok-1' });
    expect(await redis.hgetall(`${prefix}{tokens}:last-used`)).toEqual({ 'tok-1': '2026-12-02T09:05:00.000Z' });

    await store.revoke({ ...(await store.get('tok-1'))!, revokedAt: '2026-12-02T10:00:00.000Z' });

    expect(await redis.exists(`${prefix}{tokens}:by-secret`)).toBe(0);
    expect(JSON.parse((await redis.hget(`${prefix}{tokens}:records`, 'tok-1'))!)).toEqual({ ...record, revokedAt: '2026-12-02T10:00:00.000Z' });
  });
});

describe('redis session store', () => {
  let redis: TestRedis;
  let prefix: string;
  let store: RedisSessionStore;
  beforeEach(() => {
    redis = newTestRedis();
    prefix = uniquePrefix('sessions');
    store = new RedisSessionStore(redis, prefix);
  });
  afterEach(async () => {
    await unlinkAll(redis, prefix);
    redis.disconnect();
  });

  function data(maxAgeMs: number | null): session.SessionData {
    const cookie = new session.Cookie();
    (cookie as { maxAge: number | null }).maxAge = maxAgeMs;
    return { cookie, staffId: 'st-1', passwordVersion: 1, signedInAt: NOW.getTime(), lastSeenAt: NOW.getTime() };
  }
  const set = (sid: string, value: session.SessionData) =>
    new Promise<void>((resolve, reject) => store.set(sid, value, (error) => (error ? reject(error) : resolve())));
  const touch = (sid: string, value: session.SessionData) =>
    new Promise<void>((resolve, reject) => store.touch(sid, value, (error) => (error ? reject(error) : resolve())));
  const keyOf = (sid: string) => `${prefix}session:${createHash('sha256').update(sid, 'utf8').digest('hex')}`;

  it('when a session is saved, then its key is the SHA-256 of its id under the prefix, and no key or value holds the id', async () => {
    const sid = randomBytes(24).toString('base64url');
    await set(sid, data(30 * 60 * 1000));

    const keys = await keysWithPrefix(redis, prefix);
    expect(keys).toEqual([keyOf(sid)]);
    const value = (await redis.get(keyOf(sid)))!;
    expect(value).not.toContain(sid);
    expect(JSON.parse(value)).toMatchObject({ staffId: 'st-1' });
  });

  it('when a session is saved or touched, then its key lives as long as the cookie, rounded up to the second', async () => {
    await set('sid-idle', data(30 * 60 * 1000));
    const ttl = await redis.ttl(keyOf('sid-idle'));
    expect(ttl).toBeGreaterThan(29 * 60);
    expect(ttl).toBeLessThanOrEqual(30 * 60);

    await set('sid-short', data(1500));
    expect(await redis.ttl(keyOf('sid-short'))).toBe(2);
    await touch('sid-short', data(10 * 60 * 1000));
    const touched = await redis.ttl(keyOf('sid-short'));
    expect(touched).toBeGreaterThan(9 * 60);
    expect(touched).toBeLessThanOrEqual(10 * 60);
  });

  it('when a session cookie carries no expiry of its own, then its key lives the default idle timeout, 30 minutes', async () => {
    await set('sid-1', data(null));
    const ttl = await redis.ttl(keyOf('sid-1'));
    expect(ttl).toBeGreaterThan(29 * 60);
    expect(ttl).toBeLessThanOrEqual(30 * 60);
  });
});
