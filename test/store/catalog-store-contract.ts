import type { Exposure, Incident } from '../../src/catalog/catalog-model';
import type { CatalogStore } from '../../src/catalog/catalog-store';
import type { OpenedStore, OpenStore } from './store-backends';

const NOW = new Date('2026-11-21T09:00:00.000Z');

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

function exposure(id: string, incidentId: string, createdAt = NOW.toISOString()): Exposure {
  return {
    id,
    incidentId,
    title: { en: id, ja: id },
    dataExposed: ['email_address'],
    dataPossiblyExposed: [],
    dataNotExposed: ['name'],
    sensitive: false,
    published: true,
    createdAt,
    updatedAt: createdAt,
  };
}

/** One behaviour, two backends: every CatalogStore must pass this suite unchanged. `open` gives a fresh, empty store. */
export function describeCatalogStoreContract(implName: string, open: OpenStore<CatalogStore>): void {
  describe(`${implName} catalog store (contract)`, () => {
    let opened: OpenedStore<CatalogStore>;
    let store: CatalogStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(async () => {
      await opened.close();
    });

    it('when nothing was saved, then both lists are empty and no id is found', async () => {
      expect(await store.listIncidents()).toEqual([]);
      expect(await store.listExposures()).toEqual([]);
      expect(await store.getIncident('inc-1')).toBeNull();
      expect(await store.getExposure('exp-1')).toBeNull();
    });

    it('when incidents are saved, then they list oldest first and can be read, replaced and deleted', async () => {
      await store.saveIncident(incident('later', '2026-02-01T00:00:00.000Z'));
      await store.saveIncident(incident('earlier', '2026-01-01T00:00:00.000Z'));
      expect((await store.listIncidents()).map((item) => item.id)).toEqual(['earlier', 'later']);
      await store.saveIncident({ ...incident('later', '2026-02-01T00:00:00.000Z'), status: 'resolved' });
      expect((await store.getIncident('later'))?.status).toBe('resolved');
      await store.deleteIncident('later');
      expect(await store.getIncident('later')).toBeNull();
      expect(await store.listIncidents()).toHaveLength(1);
    });

    it('when an exposure is saved, then it reads back equal and a returned copy cannot change the store', async () => {
      const saved = exposure('exp-1', 'inc-1');
      await store.saveExposure(saved);
      const read = await store.getExposure('exp-1');
      expect(read).toEqual(saved);
      read!.dataExposed.push('password');
      expect((await store.getExposure('exp-1'))?.dataExposed).toEqual(['email_address']);
      await store.deleteExposure('exp-1');
      expect(await store.listExposures()).toEqual([]);
    });

    it('when exposures were created at the same time, then they list by id, after older ones, with every field kept', async () => {
      const full: Exposure = {
        ...exposure('exp-b', 'inc-1', '2026-03-01T00:00:00.000Z'),
        description: { en: 'Catalog requests', ja: 'カタログ請求' },
        window: { from: '2000-01-01', to: '2009-12-31' },
        affectedCount: 3100,
        advice: { en: 'Change your password.' },
        talkingPoints: { en: 'Staff only.' },
        sensitive: true,
        published: false,
      };
      await store.saveExposure(full);
      await store.saveExposure(exposure('exp-a', 'inc-1', '2026-03-01T00:00:00.000Z'));
      await store.saveExposure(exposure('exp-c', 'inc-1', '2026-01-01T00:00:00.000Z'));
      const listed = await store.listExposures();
      expect(listed.map((item) => item.id)).toEqual(['exp-c', 'exp-a', 'exp-b']);
      expect(listed[2]).toEqual(full);
    });

    it('when a listed or read incident is changed by its reader, then the stored one is not', async () => {
      const saved = { ...incident('inc-1', NOW.toISOString()), sources: ['https://example.jp/notice'] };
      await store.saveIncident(saved);
      (await store.listIncidents())[0]!.sources.push('https://elsewhere.example');
      (await store.getIncident('inc-1'))!.title.en = 'changed';
      expect(await store.getIncident('inc-1')).toEqual(saved);
    });

    it('when a saved value is changed by the caller afterwards, then the stored one is not', async () => {
      const saved = exposure('exp-1', 'inc-1');
      await store.saveExposure(saved);
      saved.dataExposed.push('password');
      expect((await store.getExposure('exp-1'))?.dataExposed).toEqual(['email_address']);
    });

    it('when an incident and an exposure share an id, then each kind keeps its own and deleting one leaves the other', async () => {
      await store.saveIncident(incident('same', NOW.toISOString()));
      await store.saveExposure(exposure('same', 'same'));
      await store.deleteIncident('same');
      expect(await store.getIncident('same')).toBeNull();
      expect((await store.getExposure('same'))?.incidentId).toBe('same');
      await store.saveIncident(incident('same', NOW.toISOString()));
      await store.deleteExposure('same');
      expect(await store.getExposure('same')).toBeNull();
      expect((await store.getIncident('same'))?.id).toBe('same');
    });

    it('when an id that was never saved is deleted, then nothing changes', async () => {
      await store.saveIncident(incident('inc-1', NOW.toISOString()));
      await store.saveExposure(exposure('exp-1', 'inc-1'));
      await store.deleteIncident('inc-404');
      await store.deleteExposure('exp-404');
      expect((await store.listIncidents()).map((item) => item.id)).toEqual(['inc-1']);
      expect((await store.listExposures()).map((item) => item.id)).toEqual(['exp-1']);
    });
  });
}
