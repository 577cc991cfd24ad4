import { randomBytes } from 'node:crypto';
import type { ListEntry } from '../../src/hashing/list-entry';
import { StagedVersionGoneError, type ListStore } from '../../src/lists/list-store';
import { STORED_DIGEST_BYTES } from '../../src/lists/stored-buckets';
import { withStore, type OpenedStore, type OpenStore } from './store-backends';

const NOW = new Date('2026-11-21T09:00:00.000Z');
const LATER = new Date('2026-11-21T10:00:00.000Z');

function entry(bucket: number): ListEntry {
  return { bucket, digest: randomBytes(16) };
}

/**
 * One behaviour, two backends: every ListStore must pass this suite unchanged. `open` gives a
 * fresh, empty store not yet bound to its identity; each test gets one bound as on a fresh store.
 */
export function describeListStoreContract(implName: string, open: OpenStore<ListStore>): void {
  describe(`${implName} list store (contract)`, () => {
    let opened: OpenedStore<ListStore>;
    let lists: ListStore;
    beforeEach(async () => {
      opened = await open();
      lists = opened.store;
      await lists.bindIdentity({ freshStore: true });
    });
    afterEach(async () => {
      await opened.close();
    });

    describe('versions', () => {
      it('when a version is staged, then checks cannot see it until it is activated', async () => {
        const staged = await lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        const row = entry(7);
        expect(await lists.addEntries(staged, [row, entry(65535)])).toBe(2);
        expect(await lists.liveLists()).toEqual([]);
        const live = { exposureId: 'exp-a', version: staged.version, liveNumber: 1, profileId: 'hp-1', records: 2, activatedAt: NOW.toISOString() };
        expect(await lists.activate(staged, 2, NOW)).toEqual({ live, replaced: null });
        expect(await lists.liveLists()).toEqual([live]);
        const probe = { exposureId: 'exp-a', version: staged.version, bucketBits: 16 };
        expect(
          await lists.probe([
            { ...probe, entry: row },
            { ...probe, entry: { bucket: 7, digest: randomBytes(16) } },
            // Another stored bucket (buckets 7 and 8 share their first 12 bits, and so their stored bucket).
            { ...probe, entry: { bucket: 0x0107, digest: row.digest } },
          ]),
        ).toEqual({ found: [true, false, false], liveAfter: await lists.liveLists() });
      });

      it('when a version is begun, then it is staged as asked, under a number of its own', async () => {
        const staged = await lists.beginVersion('exp-a', 'hp-1', 12, NOW);
        expect(staged).toEqual({ exposureId: 'exp-a', version: expect.any(Number), profileId: 'hp-1', bucketBits: 12 });
        const next = await lists.beginVersion('exp-a', 'hp-2', 16, NOW);
        expect(next.version).toBeGreaterThan(staged.version);
      });

      it('when the same digest is added twice, then it is counted once', async () => {
        const staged = await lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        const row = entry(1);
        expect(await lists.addEntries(staged, [row, row])).toBe(1);
        expect(await lists.addEntries(staged, [row])).toBe(0);
      });

      it('when rows of many buckets are added in batches, then each batch counts only its new rows and all of them answer', async () => {
        const rows = Array.from({ length: 300 }, (_, index) => entry((index * 217) % 65536));
        const staged = await lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        expect(await lists.addEntries(staged, rows.slice(0, 200))).toBe(200);
        expect(await lists.addEntries(staged, rows.slice(100))).toBe(100);
        expect(await lists.addEntries(staged, [])).toBe(0);
        await lists.activate(staged, 300, NOW);
        const probed = await lists.probe(rows.map((row) => ({ exposureId: 'exp-a', version: staged.version, entry: row, bucketBits: 16 })));
        expect(probed.found).toEqual(rows.map(() => true));
      });

      it('when a new version is activated, then it replaces the old one, which can then be deleted', async () => {
        const oldRow = entry(3);
        const first = await lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        await lists.addEntries(first, [oldRow]);
        await lists.activate(first, 1, NOW);
        const newRow = entry(3);
        const second = await lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        expect(second.version).toBeGreaterThan(first.version);
        await lists.addEntries(second, [newRow]);
        expect((await lists.activate(second, 1, NOW)).replaced?.version).toBe(first.version);
        expect((await lists.unusedVersions()).map((version) => version.version)).toEqual([first.version]);
        await lists.deleteVersion('exp-a', first.version);
        expect(await lists.unusedVersions()).toEqual([]);
        const probed = await lists.probe([
          { exposureId: 'exp-a', version: second.version, entry: newRow, bucketBits: 16 },
          { exposureId: 'exp-a', version: first.version, entry: oldRow, bucketBits: 16 },
        ]);
        expect(probed.found).toEqual([true, false]);
        // Read after the probes: the version that answers now, not the one replaced.
        expect(probed.liveAfter.map((list) => list.version)).toEqual([second.version]);
      });

      it('when a version replaces another, then activation answers the replaced one whole', async () => {
        const first = await lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        await lists.addEntries(first, [entry(1), entry(2)]);
        await lists.activate(first, 2, NOW);
        const second = await lists.beginVersion('exp-a', 'hp-2', 16, LATER);
        const live = { exposureId: 'exp-a', version: second.version, liveNumber: 2, profileId: 'hp-2', records: 0, activatedAt: LATER.toISOString() };
        expect(await lists.activate(second, 0, LATER)).toEqual({
          live,
          replaced: { exposureId: 'exp-a', version: first.version, liveNumber: 1, profileId: 'hp-1', records: 2, activatedAt: NOW.toISOString() },
        });
        expect(await lists.liveLists()).toEqual([live]);
      });

      it('when two lists are live, then replacing one leaves the other live as it was', async () => {
        const a = await lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        await lists.activate(a, 0, NOW);
        const b = await lists.beginVersion('exp-b', 'hp-1', 16, NOW);
        expect((await lists.activate(b, 0, NOW)).replaced).toBeNull();
        const a2 = await lists.beginVersion('exp-a', 'hp-1', 16, LATER);
        expect((await lists.activate(a2, 0, LATER)).replaced?.version).toBe(a.version);
        const live = (await lists.liveLists()).sort((x, y) => x.exposureId.localeCompare(y.exposureId));
        // Live numbers count per exposure.
        expect(live.map((list) => [list.exposureId, list.version, list.liveNumber, list.activatedAt])).toEqual([
          ['exp-a', a2.version, 2, LATER.toISOString()],
          ['exp-b', b.version, 1, NOW.toISOString()],
        ]);
      });

      it('when asked to delete the live version, then it refuses and the list keeps answering', async () => {
        const row = entry(9);
        const staged = await lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        await lists.addEntries(staged, [row]);
        await lists.activate(staged, 1, NOW);
        await expect(lists.deleteVersion('exp-a', staged.version)).rejects.toThrow(/live/);
        expect((await lists.probe([{ exposureId: 'exp-a', version: staged.version, entry: row, bucketBits: 16 }])).found).toEqual([true]);
      });

      it('when a version that was never begun is deleted, then nothing changes', async () => {
        const staged = await lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        await lists.deleteVersion('exp-a', staged.version + 10);
        await lists.deleteVersion('exp-z', 1, 16);
        expect(await lists.unusedVersions()).toEqual([{ ...staged, startedAt: NOW.toISOString() }]);
      });

      it('when an upload is abandoned, then its version is listed as unused with its start time', async () => {
        const staged = await lists.beginVersion('exp-b', 'hp-1', 16, NOW);
        await lists.addEntries(staged, [entry(5)]);
        expect(await lists.unusedVersions()).toEqual([{ ...staged, startedAt: NOW.toISOString() }]);
      });

      it('when a staged version is deleted before it is activated, then activation fails as gone and changes nothing', async () => {
        const live = await lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        await lists.activate(live, 0, NOW);
        const staged = await lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        await lists.addEntries(staged, [entry(4)]);
        await lists.deleteVersion('exp-a', staged.version);
        expect(await lists.unusedVersions()).toEqual([]);
        await expect(lists.activate(staged, 1, NOW)).rejects.toThrow(StagedVersionGoneError);
        expect((await lists.liveLists()).map((list) => list.version)).toEqual([live.version]);
      });

      it('when rows are still added to a version deleted while it was being written, then adding goes on and activation fails as gone', async () => {
        const staged = await lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        await lists.addEntries(staged, [entry(4)]);
        await lists.deleteVersion('exp-a', staged.version, staged.bucketBits);
        // An upload in progress elsewhere does not know yet: its next batch must not be the one to fail.
        await expect(lists.addEntries(staged, [entry(5)])).resolves.toEqual(expect.any(Number));
        await expect(lists.activate(staged, 2, NOW)).rejects.toThrow(StagedVersionGoneError);
        expect(await lists.liveLists()).toEqual([]);
        // The upload's own cleanup (with bucketBits, the record being gone) leaves nothing behind.
        await lists.deleteVersion('exp-a', staged.version, staged.bucketBits);
        expect(await lists.unusedVersions()).toEqual([]);
      });

      it('when a list is removed, then no version of it answers and other lists are untouched', async () => {
        const row = entry(11);
        const a = await lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        await lists.addEntries(a, [row]);
        await lists.activate(a, 1, NOW);
        await lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        const b = await lists.beginVersion('exp-b', 'hp-1', 16, NOW);
        await lists.addEntries(b, [row]);
        await lists.activate(b, 1, NOW);
        await lists.removeList('exp-a');
        expect((await lists.liveLists()).map((list) => list.exposureId)).toEqual(['exp-b']);
        expect(await lists.unusedVersions()).toEqual([]);
        const probed = await lists.probe([
          { exposureId: 'exp-a', version: a.version, entry: row, bucketBits: 16 },
          { exposureId: 'exp-b', version: b.version, entry: row, bucketBits: 16 },
        ]);
        expect(probed.found).toEqual([false, true]);
        expect(probed.liveAfter.map((list) => list.exposureId)).toEqual(['exp-b']);
      });

      it('when a list is removed while a version of it is staged, then that version can no longer go live', async () => {
        const staged = await lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        await lists.addEntries(staged, [entry(6)]);
        await lists.removeList('exp-a');
        await expect(lists.activate(staged, 1, NOW)).rejects.toThrow(StagedVersionGoneError);
        expect(await lists.liveLists()).toEqual([]);
      });

      it('when a removed list is loaded again, then its versions go on from where they were, never reusing a number', async () => {
        const first = await lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        await lists.activate(first, 0, NOW);
        const abandoned = await lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        await lists.removeList('exp-a');
        const again = await lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        expect(again.version).toBeGreaterThan(abandoned.version);
        expect(abandoned.version).toBeGreaterThan(first.version);
      });

      it('when an upload is refused or abandoned, then it does not use up a live number: the next list to go live takes it', async () => {
        const refused = await lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        await lists.addEntries(refused, [entry(1)]);
        await expect(lists.activate(refused, 2, NOW)).rejects.toThrow(/holds 1 of the 2 rows/);
        await lists.deleteVersion('exp-a', refused.version);
        const first = await lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        expect(first.version).toBeGreaterThan(refused.version);
        expect((await lists.activate(first, 0, NOW)).live.liveNumber).toBe(1);
        const abandoned = await lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        await lists.deleteVersion('exp-a', abandoned.version);
        const second = await lists.beginVersion('exp-a', 'hp-1', 16, LATER);
        expect((await lists.activate(second, 0, LATER)).live.liveNumber).toBe(2);
        expect((await lists.liveLists()).map((list) => [list.version, list.liveNumber])).toEqual([[second.version, 2]]);
      });

      it('when a removed list is loaded again, then its live numbers go on, never showing a number twice', async () => {
        const first = await lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        await lists.activate(first, 0, NOW);
        await lists.removeList('exp-a');
        const again = await lists.beginVersion('exp-a', 'hp-1', 16, LATER);
        expect((await lists.activate(again, 0, LATER)).live.liveNumber).toBe(2);
      });

      it('when there is nothing to probe, then probe finds nothing and still reads the live lists', async () => {
        expect(await lists.probe([])).toEqual({ found: [], liveAfter: [] });
        const staged = await lists.beginVersion('exp-c', 'hp-1', 16, NOW);
        await lists.activate(staged, 0, NOW);
        expect((await lists.probe([])).liveAfter.map((list) => list.exposureId)).toEqual(['exp-c']);
      });
    });

    describe('integrity', () => {
      it('when nothing was lost, then the store verifies intact, also with lists live', async () => {
        await expect(lists.verifyIntact()).resolves.toBeUndefined();
        const staged = await lists.beginVersion('exp-d', 'hp-1', 16, NOW);
        await lists.addEntries(staged, [entry(7)]);
        await lists.activate(staged, 1, NOW);
        await expect(lists.verifyIntact()).resolves.toBeUndefined();
      });

      it('when a bucket that holds no digest is probed, then it is a miss, not lost data', async () => {
        const staged = await lists.beginVersion('exp-e', 'hp-1', 16, NOW);
        await lists.addEntries(staged, [entry(1)]);
        await lists.activate(staged, 1, NOW);
        const probed = await lists.probe([{ exposureId: 'exp-e', version: staged.version, entry: entry(65535), bucketBits: 16 }]);
        expect(probed.found).toEqual([false]);
      });

      it('when a version holds fewer rows than were written to it, then it refuses to go live', async () => {
        const staged = await lists.beginVersion('exp-f', 'hp-1', 16, NOW);
        await lists.addEntries(staged, [entry(1), entry(2)]);
        await expect(lists.activate(staged, 3, NOW)).rejects.toThrow(/holds 2 of the 3 rows/);
        expect(await lists.liveLists()).toEqual([]);
      });

      it('when buckets are read whole, then each gives every digest written under it (their first 8 bytes), an empty bucket none, and the live lists after', async () => {
        const staged = await lists.beginVersion('exp-r', 'hp-1', 16, NOW);
        // 16-bit buckets 0x1200 and 0x120f are both under stored bucket 0x120; 0x1210 is under 0x121.
        const rows = [entry(0x1200), entry(0x120f), entry(0x1210)];
        await lists.addEntries(staged, rows);
        await lists.activate(staged, 3, NOW);
        const version = staged.version;

        const read = await lists.readBuckets([
          { exposureId: 'exp-r', version, bucket: 0x120 },
          { exposureId: 'exp-r', version, bucket: 0x121 },
          { exposureId: 'exp-r', version, bucket: 0x122 },
        ]);

        const hex = (digests: Buffer[] | undefined) => (digests ?? []).map((digest) => digest.toString('hex')).sort();
        const stored = (row: ListEntry | undefined) => row!.digest.subarray(0, STORED_DIGEST_BYTES).toString('hex');
        expect(hex(read.digests[0])).toEqual([stored(rows[0]), stored(rows[1])].sort());
        expect(hex(read.digests[1])).toEqual([stored(rows[2])]);
        expect(read.digests[2]).toEqual([]);
        expect(read.liveAfter).toEqual(await lists.liveLists());
      });

      it('when many rows share a stored bucket, then each of them is found, and digests next to them are not', async () => {
        const staged = await lists.beginVersion('exp-s', 'hp-1', 16, NOW);
        // 500 rows in the 16 buckets under stored bucket 0xabc, with the lowest and highest digests there can be.
        const rows = Array.from({ length: 498 }, (_, index) => entry(0xabc0 + (index % 16)));
        rows.push({ bucket: 0xabc0, digest: Buffer.alloc(16, 0x00) }, { bucket: 0xabcf, digest: Buffer.alloc(16, 0xff) });
        expect(await lists.addEntries(staged, rows)).toBe(500);
        await lists.activate(staged, 500, NOW);
        const at = (row: ListEntry) => ({ exposureId: 'exp-s', version: staged.version, entry: row, bucketBits: 16 });

        expect((await lists.probe(rows.map(at))).found).toEqual(rows.map(() => true));
        // Neighbours: each listed digest with its last stored byte changed, and digests past both ends.
        const near = rows.slice(0, 100).map((row) => {
          const digest = Buffer.from(row.digest);
          digest[STORED_DIGEST_BYTES - 1] = (digest[STORED_DIGEST_BYTES - 1]! + 1) % 256;
          return { bucket: row.bucket, digest };
        });
        const listed = new Set(rows.map((row) => row.digest.subarray(0, STORED_DIGEST_BYTES).toString('hex')));
        const unlisted = near.filter((row) => !listed.has(row.digest.subarray(0, STORED_DIGEST_BYTES).toString('hex')));
        expect((await lists.probe(unlisted.map(at))).found).toEqual(unlisted.map(() => false));
        // Only the stored 8 bytes count: a digest differing after them is the same row.
        const sameStored = { bucket: rows[0]!.bucket, digest: Buffer.concat([rows[0]!.digest.subarray(0, STORED_DIGEST_BYTES), randomBytes(8)]) };
        expect((await lists.probe([at(sameStored)])).found).toEqual([true]);
        const [whole] = (await lists.readBuckets([{ exposureId: 'exp-s', version: staged.version, bucket: 0xabc }])).digests;
        expect(whole).toHaveLength(500);
      });

      it('when the same stored digest is added under the same stored bucket in two batches, then it is a duplicate', async () => {
        const staged = await lists.beginVersion('exp-t', 'hp-1', 16, NOW);
        const row = entry(0x4242);
        const twin = { bucket: row.bucket, digest: Buffer.concat([row.digest.subarray(0, STORED_DIGEST_BYTES), randomBytes(8)]) };
        expect(await lists.addEntries(staged, [row, entry(0x4243)])).toBe(2);
        expect(await lists.addEntries(staged, [twin, row, entry(0x4244)])).toBe(1);
        await lists.activate(staged, 3, NOW);
        const [digests] = (await lists.readBuckets([{ exposureId: 'exp-t', version: staged.version, bucket: 0x424 }])).digests;
        expect(digests).toHaveLength(3);
      });

      it('when a version of unsupported bucket bits is begun, or a bucket read that is not a stored one, then it is refused', async () => {
        await expect(lists.beginVersion('exp-u', 'hp-1', 8, NOW)).rejects.toThrow(/8 bucket bits are not supported/);
        await expect(lists.beginVersion('exp-u', 'hp-1', 20, NOW)).rejects.toThrow(/20 bucket bits are not supported/);
        const staged = await lists.beginVersion('exp-u', 'hp-1', 16, NOW);
        await lists.activate(staged, 0, NOW);
        await expect(lists.readBuckets([{ exposureId: 'exp-u', version: staged.version, bucket: 4096 }])).rejects.toThrow(/not a stored bucket/);
      });

      it('when the list store was never bound to the store identity, then it refuses to probe or verify', async () => {
        await withStore(open, async (unbound) => {
          await expect(unbound.probe([])).rejects.toThrow(/bindIdentity/);
          await expect(unbound.readBuckets([])).rejects.toThrow(/bindIdentity/);
          await expect(unbound.verifyIntact()).rejects.toThrow(/bindIdentity/);
        });
      });
    });
  });
}
