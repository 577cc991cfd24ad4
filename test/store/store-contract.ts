import type { Stores } from '../../src/stores';

/**
 * What the Stores aggregate adds on top of its stores: the backend's own checks. Each store's
 * behaviour has a contract of its own (test/store/<name>-store-contract.ts), run on both
 * implementations built directly. `open` gives a fresh set of stores for each test.
 */
export function describeStoreContract(name: string, open: () => Promise<Stores>): void {
  describe(`${name} stores (contract)`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await open();
    });
    afterEach(async () => {
      await stores.close();
    });

    it('when the backend is up, then ping resolves and it never evicts', async () => {
      await expect(stores.ping()).resolves.toBeUndefined();
      expect(await stores.evictionPolicy()).toBe('noeviction');
    });

    it('when the stores are opened, then every one of them is there, and empty', async () => {
      await stores.lists.bindIdentity({ freshStore: true });
      expect(await stores.hashing.getKeyCheck()).toBeNull();
      expect(await stores.catalog.listIncidents()).toEqual([]);
      expect(await stores.lists.liveLists()).toEqual([]);
      expect(await stores.audit.newestFirst({ count: 1 })).toEqual([]);
      expect(await stores.stats.readDays(['2026-11-21'])).toEqual([{ date: '2026-11-21', checks: 0, matches: {} }]);
      expect(await stores.staff.list()).toEqual([]);
      expect(await stores.apiTokens.listByOwner('st-1')).toEqual([]);
      const session = await new Promise((resolve, reject) => stores.sessions.get('sid', (error, data) => (error ? reject(error) : resolve(data ?? null))));
      expect(session).toBeNull();
    });
  });
}
