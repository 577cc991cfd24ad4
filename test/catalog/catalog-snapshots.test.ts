import pino from 'pino';
import { CatalogService } from '../../src/catalog/catalog-service';
import { CatalogSnapshots } from '../../src/catalog/catalog-snapshots';
import { BoundedWorkQueue } from '../../src/shared/bounded-work-queue';
import { CheckService } from '../../src/check/check-service';
import { DEMO_EXPOSURES, DEMO_INCIDENTS } from '../../src/demo/demo-dataset';
import { argon2idOf } from '../../src/hashing/list-entry';
import { normalizeEmail } from '../../src/hashing/normalize-email';
import { generateOprfSecretKey, OprfKey } from '../../src/hashing/oprf-key';
import { prepareStore } from '../../src/health/prepare-store';
import { ListService } from '../../src/lists/list-service';
import { MemoryCatalogStore } from '../../src/catalog/memory-catalog-store';
import { MemoryListStore } from '../../src/lists/memory-list-store';
import { createMemoryStores } from '../../src/stores';
import { startTestService } from '../support/test-app';

/** The real memory store, counting how often the catalogue is read whole, and able to fail once. */
class CountingCatalogStore extends MemoryCatalogStore {
  incidentReads = 0;
  failNextRead = false;

  override async listIncidents() {
    this.incidentReads += 1;
    if (this.failNextRead) {
      this.failNextRead = false;
      throw new Error('store unreachable');
    }
    return super.listIncidents();
  }
}

describe('catalogue snapshots', () => {
  let now = 0;
  let catalog: CountingCatalogStore;
  let snapshots: CatalogSnapshots;

  beforeEach(async () => {
    now = 0;
    catalog = new CountingCatalogStore();
    for (const incident of DEMO_INCIDENTS) await catalog.saveIncident(incident);
    snapshots = new CatalogSnapshots({ catalog, lists: new MemoryListStore(), maxAgeMs: 1000, now: () => now });
  });

  it('when read again within the maximum age, then the store is read once', async () => {
    const first = await snapshots.current();
    now = 999;
    const second = await snapshots.current();

    expect(second).toBe(first);
    expect(catalog.incidentReads).toBe(1);
    expect(first.incidents.map(({ id }) => id)).toEqual(DEMO_INCIDENTS.map(({ id }) => id));
  });

  it('when the snapshot is older than the maximum age, or invalidated, then the store is read again', async () => {
    await snapshots.current();
    now = 1000;
    await snapshots.current();
    snapshots.invalidate();
    await snapshots.current();

    expect(catalog.incidentReads).toBe(3);
  });

  it('when many checks ask at once, then they share one read', async () => {
    await Promise.all(Array.from({ length: 20 }, () => snapshots.current()));

    expect(catalog.incidentReads).toBe(1);
  });

  it('when a read fails, then the failure is not kept: the next caller reads again', async () => {
    catalog.failNextRead = true;
    await expect(snapshots.current()).rejects.toThrow('store unreachable');
    const snapshot = await snapshots.current();

    expect(catalog.incidentReads).toBe(2);
    expect(snapshot.incidents).toHaveLength(DEMO_INCIDENTS.length);
  });
});

describe('a check over a cached snapshot', () => {
  it('when another instance makes a list live after the snapshot was read, then the check still probes it', async () => {
    const stores = createMemoryStores();
    const key = new OprfKey(generateOprfSecretKey());
    const { profile } = await prepareStore(stores, key, { memoryKiB: 8192, iterations: 1, parallelism: 1 }, new Date());
    for (const incident of DEMO_INCIDENTS) await stores.catalog.saveIncident(incident);
    for (const exposure of DEMO_EXPOSURES) await stores.catalog.saveExposure(exposure);
    // A snapshot that would live for an hour: only the confirmation read can reveal the new list.
    const catalogService = new CatalogService({ catalog: stores.catalog, lists: stores.lists, snapshotMaxAgeMs: 3_600_000 });
    const check = new CheckService({
      catalog: catalogService,
      lists: stores.lists,
      hashing: stores.hashing,
      key,
      hashQueue: new BoundedWorkQueue({ maxRunning: 1, maxWaiting: 0 }),
    });
    const before = await check.check('taro.yamada@example.jp');
    expect(before.checked).toEqual([]);

    // "Another instance": the store written directly, nothing tells this process's snapshot.
    const otherInstance = new ListService({ lists: stores.lists, key, clock: () => new Date(), logger: pino({ level: 'silent' }) });
    const row = await argon2idOf(normalizeEmail('taro.yamada@example.jp'), profile);
    await otherInstance.replaceList('porsche-japan-2018-catalog', profile, [[row]]);
    const after = await check.check('taro.yamada@example.jp');

    expect(after.affected).toBe(true);
    expect(after.exposures.map(({ id }) => id)).toEqual(['porsche-japan-2018-catalog']);
  });

  it('when an admin of this instance unpublishes an exposure, then the very next check no longer answers for it', async () => {
    const service = await startTestService({ store: 'memory' });
    try {
      const exposureId = 'porsche-japan-2018-catalog';
      const first = await service.runtime.check.service.check('taro.yamada@example.jp');
      expect(first.exposures.map(({ id }) => id)).toContain(exposureId);

      await service.runtime.catalog.admin.setPublished(exposureId, false);
      const second = await service.runtime.check.service.check('taro.yamada@example.jp');

      expect(second.exposures.map(({ id }) => id)).not.toContain(exposureId);
      expect(second.checked.map(({ id }) => id)).not.toContain(exposureId);
    } finally {
      await service.close();
    }
  });
});
