import pino from 'pino';
import { CatalogService } from '../../src/catalog/catalog-service';
import { BoundedWorkQueue } from '../../src/shared/bounded-work-queue';
import { CheckService } from '../../src/check/check-service';
import { DEMO_EXPOSURES, DEMO_INCIDENTS } from '../../src/demo/demo-dataset';
import { argon2idOf } from '../../src/hashing/list-entry';
import { normalizeEmail } from '../../src/hashing/normalize-email';
import { generateOprfSecretKey, OprfKey } from '../../src/hashing/oprf-key';
import { prepareStore } from '../../src/health/prepare-store';
import type { ListProbe, ProbeResult } from '../../src/lists/list-store';
import { ListService } from '../../src/lists/list-service';
import { MemoryListStore } from '../../src/lists/memory-list-store';
import { createMemoryStores } from '../../src/stores';

/**
 * A real memory store in which another admin replaces the list at the worst moment: after the
 * check has read the live pointers, before it probes (the old version is then already deleted).
 */
class ListStoreReplacedMidCheck extends MemoryListStore {
  beforeNextProbe: (() => Promise<void>) | undefined;

  override async probe(probes: readonly ListProbe[]): Promise<ProbeResult> {
    const hook = this.beforeNextProbe;
    this.beforeNextProbe = undefined;
    if (hook) await hook();
    return super.probe(probes);
  }
}

describe('a check while the list is being replaced', () => {
  it('when the version it read is replaced and deleted before probing, then it still finds the address', async () => {
    const stores = createMemoryStores();
    const lists = new ListStoreReplacedMidCheck();
    const key = new OprfKey(generateOprfSecretKey());
    const { profile } = await prepareStore({ ...stores, lists }, key, { memoryKiB: 8192, iterations: 1, parallelism: 1 }, new Date());
    for (const incident of DEMO_INCIDENTS) await stores.catalog.saveIncident(incident);
    for (const exposure of DEMO_EXPOSURES) await stores.catalog.saveExposure(exposure);
    const writer = new ListService({ lists, key, clock: () => new Date(), logger: pino({ level: 'silent' }) });
    const exposureId = 'porsche-japan-2018-catalog';
    const row = await argon2idOf(normalizeEmail('taro.yamada@example.jp'), profile);
    await writer.replaceList(exposureId, profile, [[row]]);
    const check = new CheckService({
      catalog: new CatalogService({ catalog: stores.catalog, lists }),
      lists,
      hashing: stores.hashing,
      key,
      hashQueue: new BoundedWorkQueue({ maxRunning: 1, maxWaiting: 0 }),
    });

    lists.beforeNextProbe = async () => {
      const summary = await writer.replaceList(exposureId, profile, [[row]]);
      expect(summary.version).toBe(2);
      expect(await lists.unusedVersions()).toEqual([]);
    };
    const result = await check.check('taro.yamada@example.jp');

    expect(lists.beforeNextProbe).toBeUndefined();
    expect(result.affected).toBe(true);
    expect(result.exposures.map((exposure) => exposure.id)).toEqual([exposureId]);
  });
});
