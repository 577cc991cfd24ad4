import { randomBytes } from 'node:crypto';
import type { Exposure, Incident } from '../../src/catalog/catalog-model';
import { newHashingProfile } from '../../src/hashing/hashing-profile';
import type { ListEntry } from '../../src/hashing/list-entry';
import type { Stores } from '../../src/store/stores';

const NOW = new Date('2026-11-21T09:00:00.000Z');
const COSTS = { memoryKiB: 19456, iterations: 2, parallelism: 1 };

function entry(bucket: number): ListEntry {
  return { bucket, digest: randomBytes(16) };
}

function incident(id: string, createdAt: string): Incident {
  return {
    id,
    organization: { en: 'Org' },
    title: { en: `Incident ${id}` },
    sources: [],
    status: 'announced',
    createdAt,
    updatedAt: createdAt,
  };
}

function exposure(id: string, incidentId: string): Exposure {
  return {
    id,
    incidentId,
    title: { en: id, ja: id },
    dataExposed: ['email_address'],
    dataNotExposed: ['name'],
    sensitive: false,
    published: true,
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  };
}

/**
 * One behaviour, two backends: every Stores implementation must pass this suite unchanged.
 * `open` gives a fresh, empty set of stores for each test.
 */
export function describeStoreContract(name: string, open: () => Promise<Stores>): void {
  describe(`${name} stores (contract)`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await open();
      await stores.lists.bindIdentity({ freshStore: true });
    });
    afterEach(async () => {
      await stores.close();
    });

    describe('hashing', () => {
      it('when no profile exists, then the first saved becomes current and a second is ignored', async () => {
        expect(await stores.hashing.getCurrentProfile()).toBeNull();
        const first = newHashingProfile(COSTS, NOW);
        const second = newHashingProfile(COSTS, NOW);
        expect(await stores.hashing.saveCurrentProfileIfAbsent(first)).toEqual(first);
        expect(await stores.hashing.saveCurrentProfileIfAbsent(second)).toEqual(first);
        expect(await stores.hashing.getCurrentProfile()).toEqual(first);
        expect(await stores.hashing.getProfile(first.id)).toEqual(first);
      });

      it('when a key-check value is stored, then a different one does not replace it', async () => {
        expect(await stores.hashing.getKeyCheck()).toBeNull();
        expect(await stores.hashing.saveKeyCheckIfAbsent('aa')).toEqual({ stored: 'aa', created: true });
        expect(await stores.hashing.saveKeyCheckIfAbsent('bb')).toEqual({ stored: 'aa', created: false });
        expect(await stores.hashing.getKeyCheck()).toBe('aa');
      });
    });

    describe('catalog', () => {
      it('when incidents are saved, then they list oldest first and can be read, replaced and deleted', async () => {
        await stores.catalog.saveIncident(incident('later', '2026-02-01T00:00:00.000Z'));
        await stores.catalog.saveIncident(incident('earlier', '2026-01-01T00:00:00.000Z'));
        expect((await stores.catalog.listIncidents()).map((item) => item.id)).toEqual(['earlier', 'later']);
        await stores.catalog.saveIncident({ ...incident('later', '2026-02-01T00:00:00.000Z'), status: 'resolved' });
        expect((await stores.catalog.getIncident('later'))?.status).toBe('resolved');
        await stores.catalog.deleteIncident('later');
        expect(await stores.catalog.getIncident('later')).toBeNull();
        expect(await stores.catalog.listIncidents()).toHaveLength(1);
      });

      it('when an exposure is saved, then it reads back equal and a returned copy cannot change the store', async () => {
        const saved = exposure('exp-1', 'inc-1');
        await stores.catalog.saveExposure(saved);
        const read = await stores.catalog.getExposure('exp-1');
        expect(read).toEqual(saved);
        read!.dataExposed.push('password');
        expect((await stores.catalog.getExposure('exp-1'))?.dataExposed).toEqual(['email_address']);
        await stores.catalog.deleteExposure('exp-1');
        expect(await stores.catalog.listExposures()).toEqual([]);
      });
    });

    describe('lists', () => {
      it('when a version is staged, then checks cannot see it until it is activated', async () => {
        const staged = await stores.lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        const row = entry(7);
        expect(await stores.lists.addEntries(staged, [row, entry(65535)])).toBe(2);
        expect(await stores.lists.liveLists()).toEqual([]);
        expect(await stores.lists.activate(staged, 2, NOW)).toBeNull();
        expect(await stores.lists.liveLists()).toEqual([
          { exposureId: 'exp-a', version: staged.version, profileId: 'hp-1', records: 2, activatedAt: NOW.toISOString() },
        ]);
        const probe = { exposureId: 'exp-a', version: staged.version };
        expect(
          await stores.lists.probe([
            { ...probe, entry: row },
            { ...probe, entry: { bucket: 7, digest: randomBytes(16) } },
            { ...probe, entry: { bucket: 8, digest: row.digest } },
          ]),
        ).toEqual({ found: [true, false, false], liveAfter: await stores.lists.liveLists() });
      });

      it('when the same digest is added twice, then it is counted once', async () => {
        const staged = await stores.lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        const row = entry(1);
        expect(await stores.lists.addEntries(staged, [row, row])).toBe(1);
        expect(await stores.lists.addEntries(staged, [row])).toBe(0);
      });

      it('when a new version is activated, then it replaces the old one, which can then be deleted', async () => {
        const oldRow = entry(3);
        const first = await stores.lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        await stores.lists.addEntries(first, [oldRow]);
        await stores.lists.activate(first, 1, NOW);
        const newRow = entry(3);
        const second = await stores.lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        expect(second.version).toBeGreaterThan(first.version);
        await stores.lists.addEntries(second, [newRow]);
        expect((await stores.lists.activate(second, 1, NOW))?.version).toBe(first.version);
        expect((await stores.lists.unusedVersions()).map((version) => version.version)).toEqual([first.version]);
        await stores.lists.deleteVersion('exp-a', first.version);
        expect(await stores.lists.unusedVersions()).toEqual([]);
        const probed = await stores.lists.probe([
          { exposureId: 'exp-a', version: second.version, entry: newRow },
          { exposureId: 'exp-a', version: first.version, entry: oldRow },
        ]);
        expect(probed.found).toEqual([true, false]);
        // Read after the probes: the version that answers now, not the one replaced.
        expect(probed.liveAfter.map((list) => list.version)).toEqual([second.version]);
      });

      it('when asked to delete the live version, then it refuses and the list keeps answering', async () => {
        const row = entry(9);
        const staged = await stores.lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        await stores.lists.addEntries(staged, [row]);
        await stores.lists.activate(staged, 1, NOW);
        await expect(stores.lists.deleteVersion('exp-a', staged.version)).rejects.toThrow(/live/);
        expect((await stores.lists.probe([{ exposureId: 'exp-a', version: staged.version, entry: row }])).found).toEqual([true]);
      });

      it('when an upload is abandoned, then its version is listed as unused with its start time', async () => {
        const staged = await stores.lists.beginVersion('exp-b', 'hp-1', 16, NOW);
        await stores.lists.addEntries(staged, [entry(5)]);
        expect(await stores.lists.unusedVersions()).toEqual([{ ...staged, startedAt: NOW.toISOString() }]);
      });

      it('when a list is removed, then no version of it answers and other lists are untouched', async () => {
        const row = entry(11);
        const a = await stores.lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        await stores.lists.addEntries(a, [row]);
        await stores.lists.activate(a, 1, NOW);
        await stores.lists.beginVersion('exp-a', 'hp-1', 16, NOW);
        const b = await stores.lists.beginVersion('exp-b', 'hp-1', 16, NOW);
        await stores.lists.addEntries(b, [row]);
        await stores.lists.activate(b, 1, NOW);
        await stores.lists.removeList('exp-a');
        expect((await stores.lists.liveLists()).map((list) => list.exposureId)).toEqual(['exp-b']);
        expect(await stores.lists.unusedVersions()).toEqual([]);
        const probed = await stores.lists.probe([
          { exposureId: 'exp-a', version: a.version, entry: row },
          { exposureId: 'exp-b', version: b.version, entry: row },
        ]);
        expect(probed.found).toEqual([false, true]);
        expect(probed.liveAfter.map((list) => list.exposureId)).toEqual(['exp-b']);
      });

      it('when there is nothing to probe, then probe finds nothing and still reads the live lists', async () => {
        expect(await stores.lists.probe([])).toEqual({ found: [], liveAfter: [] });
        const staged = await stores.lists.beginVersion('exp-c', 'hp-1', 16, NOW);
        await stores.lists.activate(staged, 0, NOW);
        expect((await stores.lists.probe([])).liveAfter.map((list) => list.exposureId)).toEqual(['exp-c']);
      });
    });

    describe('integrity', () => {
      it('when nothing was lost, then the store verifies intact, also with lists live', async () => {
        await expect(stores.lists.verifyIntact()).resolves.toBeUndefined();
        const staged = await stores.lists.beginVersion('exp-d', 'hp-1', 16, NOW);
        await stores.lists.addEntries(staged, [entry(7)]);
        await stores.lists.activate(staged, 1, NOW);
        await expect(stores.lists.verifyIntact()).resolves.toBeUndefined();
      });

      it('when a bucket that holds no digest is probed, then it is a miss, not lost data', async () => {
        const staged = await stores.lists.beginVersion('exp-e', 'hp-1', 16, NOW);
        await stores.lists.addEntries(staged, [entry(1)]);
        await stores.lists.activate(staged, 1, NOW);
        const probed = await stores.lists.probe([{ exposureId: 'exp-e', version: staged.version, entry: entry(65535) }]);
        expect(probed.found).toEqual([false]);
      });

      it('when a version holds fewer rows than were written to it, then it refuses to go live', async () => {
        const staged = await stores.lists.beginVersion('exp-f', 'hp-1', 16, NOW);
        await stores.lists.addEntries(staged, [entry(1), entry(2)]);
        await expect(stores.lists.activate(staged, 3, NOW)).rejects.toThrow(/holds 2 of the 3 rows/);
        expect(await stores.lists.liveLists()).toEqual([]);
      });

      it('when the list store was never bound to the store identity, then it refuses to probe', async () => {
        const unbound = await open();
        try {
          await expect(unbound.lists.probe([])).rejects.toThrow(/bindIdentity/);
        } finally {
          await unbound.close();
        }
      });
    });

    it('when the backend is up, then ping resolves and it never evicts', async () => {
      await expect(stores.ping()).resolves.toBeUndefined();
      expect(await stores.evictionPolicy()).toBe('noeviction');
    });
  });
}
