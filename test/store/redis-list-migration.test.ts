import { randomBytes } from 'node:crypto';
import { ListDataLostError } from '../../src/lists/list-store';
import { RedisListStore } from '../../src/lists/redis-list-store';
import { execKeyed, type KeyedCommand } from '../../src/store';
import { deleteKeys, keysWithPrefix, newTestRedis, type TestRedis, uniquePrefix } from '../support/test-redis';

/*
 * Lists written before buckets were packed (one hash per 16-bit bucket, the 16-byte digests as
 * fields, a bucket map per version) keep answering after the upgrade: a server's start packs every
 * live one into the stored layout and deletes the old keys. The old layout is written by hand here,
 * as the previous release wrote it.
 */

const NOW = '2026-12-02T09:00:00.000Z';

interface OldRow {
  bucket: number;
  digest: Buffer;
}

function oldRows(count: number): OldRow[] {
  return Array.from({ length: count }, () => ({ bucket: randomBytes(2).readUInt16BE(0), digest: randomBytes(16) }));
}

/** One live list version in the layout before packing; without `maps`, as a store before identities wrote it. */
async function writeOldLayoutList(
  redis: TestRedis,
  prefix: string,
  list: { exposureId: string; version: number; rows: readonly OldRow[]; maps?: boolean; live?: boolean },
): Promise<void> {
  const field = `${list.exposureId}/${list.version}`;
  const map = `${prefix}{lists}:buckets:${field}`;
  await redis.hset(
    `${prefix}{lists}:versions`,
    field,
    JSON.stringify({ exposureId: list.exposureId, version: list.version, profileId: 'hp-old', bucketBits: 16, startedAt: NOW }),
  );
  await redis.hset(`${prefix}{lists}:next-version`, list.exposureId, list.version);
  // Grouped per node by execKeyed: on a cluster the buckets' keys are on every master.
  const commands: KeyedCommand[] = [];
  for (const row of list.rows) {
    const key = `${prefix}lists:{${row.bucket.toString(16).padStart(6, '0')}}:${field}`;
    commands.push({ key, add: (pipeline) => pipeline.hset(key, row.digest, '') });
    if (list.maps !== false) commands.push({ key: map, add: (pipeline) => pipeline.setbit(map, 100_000 + row.bucket, 1) });
  }
  if (list.maps !== false) commands.push({ key: map, add: (pipeline) => pipeline.setbit(map, 0, 1) });
  await execKeyed(redis, commands);
  if (list.live === false) return;
  const pointer = { exposureId: list.exposureId, version: list.version, liveNumber: 1, profileId: 'hp-old', records: list.rows.length, activatedAt: NOW };
  await redis.hset(`${prefix}{lists}:live`, list.exposureId, JSON.stringify(pointer));
}

describe('redis lists of the layout before packed buckets', () => {
  let redis: TestRedis;
  let prefix: string;

  beforeEach(() => {
    redis = newTestRedis();
    prefix = uniquePrefix('migration');
  });
  afterEach(async () => {
    const keys = await keysWithPrefix(redis, prefix);
    await deleteKeys(redis, keys);
    redis.disconnect();
  });

  const probes = (exposureId: string, version: number, rows: readonly OldRow[]) =>
    rows.map((row) => ({ exposureId, version, entry: row, bucketBits: 16 }));
  const oldKeys = async () => (await keysWithPrefix(redis, prefix)).filter((key) => /\{[0-9a-f]{6}\}|\{lists\}:buckets:/.test(key));

  it('when a server starts on live lists of the old layout, then it packs them, they answer as before, and the old keys are gone', async () => {
    const catalog = oldRows(3000);
    const small = oldRows(3);
    await writeOldLayoutList(redis, prefix, { exposureId: 'exp-catalog', version: 4, rows: catalog });
    await writeOldLayoutList(redis, prefix, { exposureId: 'exp-small', version: 1, rows: small });
    await writeOldLayoutList(redis, prefix, { exposureId: 'exp-empty', version: 2, rows: [] });
    await redis.hset(`${prefix}{lists}:live`, '~store', 'identity-of-the-old-release');
    const liveBefore = await new RedisListStore(redis, prefix).liveLists();

    const lists = new RedisListStore(redis, prefix);
    await lists.bindIdentity({ freshStore: false });

    const probed = await lists.probe([...probes('exp-catalog', 4, catalog), ...probes('exp-small', 1, small)]);
    expect(probed.found).toEqual([...catalog, ...small].map(() => true));
    expect((await lists.probe(probes('exp-catalog', 4, oldRows(200)))).found).toEqual(Array.from({ length: 200 }, () => false));
    expect((await lists.probe(probes('exp-empty', 2, oldRows(5)))).found).toEqual(Array.from({ length: 5 }, () => false));
    // The private check reads the first 8 bytes of every digest under a stored bucket.
    const bucket = (catalog[0] as OldRow).bucket >>> 4;
    const [read] = (await lists.readBuckets([{ exposureId: 'exp-catalog', version: 4, bucket }])).digests;
    const expected = catalog.filter((row) => row.bucket >>> 4 === bucket).map((row) => row.digest.subarray(0, 8).toString('hex'));
    expect((read ?? []).map((digest) => digest.toString('hex')).sort()).toEqual(expected.sort());
    // The pointers, their numbers and row counts, are as they were; nothing of the old layout is left.
    expect(await lists.liveLists()).toEqual(liveBefore);
    expect(await oldKeys()).toEqual([]);
    await expect(lists.verifyIntact()).resolves.toBeUndefined();

    // A second start finds them packed and changes nothing.
    const again = new RedisListStore(redis, prefix);
    await again.bindIdentity({ freshStore: false });
    expect((await again.probe(probes('exp-small', 1, small))).found).toEqual([true, true, true]);
  });

  it('when a store from before identities and bucket maps is adopted, then its lists are mapped and packed, and answer', async () => {
    const rows = oldRows(500);
    await writeOldLayoutList(redis, prefix, { exposureId: 'exp-l', version: 1, rows, maps: false });

    const lists = new RedisListStore(redis, prefix);
    await lists.bindIdentity({ freshStore: false });

    expect((await lists.probe(probes('exp-l', 1, rows))).found).toEqual(rows.map(() => true));
    expect((await lists.probe(probes('exp-l', 1, oldRows(50)))).found).toEqual(Array.from({ length: 50 }, () => false));
    expect(await oldKeys()).toEqual([]);
  });

  it('when two servers start together on the old layout, then both answer every row', async () => {
    const rows = oldRows(2000);
    await writeOldLayoutList(redis, prefix, { exposureId: 'exp-l', version: 3, rows });
    await redis.hset(`${prefix}{lists}:live`, '~store', 'identity-of-the-old-release');
    const other = newTestRedis();
    try {
      const first = new RedisListStore(redis, prefix);
      const second = new RedisListStore(other, prefix);
      await Promise.all([first.bindIdentity({ freshStore: false }), second.bindIdentity({ freshStore: false })]);

      expect((await first.probe(probes('exp-l', 3, rows))).found).toEqual(rows.map(() => true));
      expect((await second.probe(probes('exp-l', 3, rows))).found).toEqual(rows.map(() => true));
      await expect(second.verifyIntact()).resolves.toBeUndefined();
      expect(await oldKeys()).toEqual([]);
    } finally {
      other.disconnect();
    }
  });

  it('when a start was cut short while packing, then the next one finishes the migration', async () => {
    const rows = oldRows(1000);
    await writeOldLayoutList(redis, prefix, { exposureId: 'exp-l', version: 1, rows });
    await redis.hset(`${prefix}{lists}:live`, '~store', 'identity-of-the-old-release');
    // What the cut-short start wrote: one stored bucket, packed whole, not sealed.
    const bucket = (rows[0] as OldRow).bucket >>> 4;
    const packed = rows
      .filter((row) => row.bucket >>> 4 === bucket)
      .map((row) => row.digest.subarray(0, 8))
      .sort(Buffer.compare);
    await redis.set(`${prefix}lists:{${bucket.toString(16).padStart(3, '0')}}:exp-l/1`, Buffer.concat(packed));
    await redis.setbit(`${prefix}{lists}:stored-buckets:exp-l/1`, 100_000 + bucket, 1);

    const lists = new RedisListStore(redis, prefix);
    await lists.bindIdentity({ freshStore: false });

    expect((await lists.probe(probes('exp-l', 1, rows))).found).toEqual(rows.map(() => true));
    expect(await oldKeys()).toEqual([]);
  });

  it('when a live list of the old layout lost a key before the upgrade, then it stays unmigrated and every read of it is a 503, until it is replaced', async () => {
    const rows = oldRows(300);
    await writeOldLayoutList(redis, prefix, { exposureId: 'exp-l', version: 1, rows });
    const intact = oldRows(10);
    await writeOldLayoutList(redis, prefix, { exposureId: 'exp-ok', version: 1, rows: intact });
    await redis.hset(`${prefix}{lists}:live`, '~store', 'identity-of-the-old-release');
    const lostKey = `${prefix}lists:{${(rows[0] as OldRow).bucket.toString(16).padStart(6, '0')}}:exp-l/1`;
    await redis.del(lostKey);

    const lists = new RedisListStore(redis, prefix);
    await lists.bindIdentity({ freshStore: false });

    // Not a miss for any address: the version is refused whole, since its stored layout is not sealed.
    await expect(lists.probe(probes('exp-l', 1, rows.slice(1, 2)))).rejects.toThrow(ListDataLostError);
    await expect(lists.probe(probes('exp-l', 1, oldRows(1)))).rejects.toThrow(ListDataLostError);
    await expect(lists.readBuckets([{ exposureId: 'exp-l', version: 1, bucket: 0 }])).rejects.toThrow(ListDataLostError);
    await expect(lists.verifyIntact()).rejects.toThrow(/could not be migrated/);
    // The other list was migrated and answers; the damaged one's old keys are kept for a restore.
    expect((await lists.probe(probes('exp-ok', 1, intact))).found).toEqual(intact.map(() => true));
    expect((await oldKeys()).some((key) => key.endsWith(':exp-l/1'))).toBe(true);

    // Uploaded again: the new version answers, readiness clears, and the old one can be deleted.
    const staged = await lists.beginVersion('exp-l', 'hp-old', 16, new Date(NOW));
    const fresh = oldRows(20);
    const added = await lists.addEntries(staged, fresh);
    const { replaced } = await lists.activate(staged, added, new Date(NOW));
    expect((await lists.probe(probes('exp-l', staged.version, fresh))).found).toEqual(fresh.map(() => true));
    await expect(lists.verifyIntact()).resolves.toBeUndefined();
    await lists.deleteVersion('exp-l', replaced?.version as number);
    expect((await keysWithPrefix(redis, prefix)).filter((key) => key.endsWith(':exp-l/1'))).toEqual([]);
  });

  it('when a replaced version of the old layout awaits deletion, then deleting it removes its old keys', async () => {
    await writeOldLayoutList(redis, prefix, { exposureId: 'exp-l', version: 1, rows: oldRows(100), live: false });
    await writeOldLayoutList(redis, prefix, { exposureId: 'exp-l', version: 2, rows: oldRows(5) });
    await redis.hset(`${prefix}{lists}:live`, '~store', 'identity-of-the-old-release');
    const lists = new RedisListStore(redis, prefix);
    await lists.bindIdentity({ freshStore: false });

    expect((await lists.unusedVersions()).map((version) => version.version)).toEqual([1]);
    await lists.deleteVersion('exp-l', 1);

    expect((await keysWithPrefix(redis, prefix)).filter((key) => key.includes('exp-l/1'))).toEqual([]);
  });
});
