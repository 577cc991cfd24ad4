import type { StatsStore } from '../../src/stats/stats-store';
import type { OpenedStore, OpenStore } from './store-backends';

/** One behaviour, two backends: every StatsStore must pass this suite unchanged. `open` gives a fresh, empty store. */
export function describeStatsStoreContract(implName: string, open: OpenStore<StatsStore>): void {
  describe(`${implName} stats store (contract)`, () => {
    let opened: OpenedStore<StatsStore>;
    let store: StatsStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(async () => {
      await opened.close();
    });

    it('when a day has no counts, then it reads as zero checks and no exposure', async () => {
      expect(await store.readDays(['2026-11-21'])).toEqual([{ date: '2026-11-21', checks: 0, matches: {} }]);
      expect(await store.readDays([])).toEqual([]);
    });

    it('when counts are added, then the day reads them back, an exposure checked without a match listed with 0', async () => {
      await store.addCounts('2026-11-21', { checks: 20, matches: { a: 5, b: 0 } });
      expect(await store.readDays(['2026-11-21'])).toEqual([{ date: '2026-11-21', checks: 20, matches: { a: 5, b: 0 } }]);
    });

    it('when counts are added to a day again, then they add up, and an exposure new that day joins the others', async () => {
      await store.addCounts('2026-11-21', { checks: 2, matches: { a: 1, b: 0 } });
      await store.addCounts('2026-11-21', { checks: 3, matches: { a: 2, c: 1 } });
      await store.addCounts('2026-11-21', { checks: 1, matches: {} });
      expect(await store.readDays(['2026-11-21'])).toEqual([{ date: '2026-11-21', checks: 6, matches: { a: 3, b: 0, c: 1 } }]);
    });

    it('when counts are added to several days, then each day keeps its own, read in the order asked', async () => {
      await store.addCounts('2026-11-20', { checks: 1, matches: { a: 1 } });
      await store.addCounts('2026-11-21', { checks: 2, matches: { b: 2 } });
      expect(await store.readDays(['2026-11-21', '2026-11-19', '2026-11-20', '2026-11-21'])).toEqual([
        { date: '2026-11-21', checks: 2, matches: { b: 2 } },
        { date: '2026-11-19', checks: 0, matches: {} },
        { date: '2026-11-20', checks: 1, matches: { a: 1 } },
        { date: '2026-11-21', checks: 2, matches: { b: 2 } },
      ]);
    });

    it('when many servers add counts to one day at once, then none of them is lost', async () => {
      await Promise.all(
        Array.from({ length: 25 }, (_, index) => store.addCounts('2026-11-21', { checks: 2, matches: { a: index % 2, b: 0 } })),
      );
      expect(await store.readDays(['2026-11-21'])).toEqual([{ date: '2026-11-21', checks: 50, matches: { a: 12, b: 0 } }]);
    });

    it('when an exposure id looks like a counter name, then it is counted apart from the day\'s checks', async () => {
      await store.addCounts('2026-11-21', { checks: 4, matches: { checks: 1, 'match:a': 2 } });
      expect(await store.readDays(['2026-11-21'])).toEqual([{ date: '2026-11-21', checks: 4, matches: { checks: 1, 'match:a': 2 } }]);
    });

    it('when read counts are changed by their reader, then the stored ones are not', async () => {
      await store.addCounts('2026-11-21', { checks: 1, matches: { a: 1 } });
      const [day] = await store.readDays(['2026-11-21']);
      day!.checks = 99;
      day!.matches.a = 99;
      expect(await store.readDays(['2026-11-21'])).toEqual([{ date: '2026-11-21', checks: 1, matches: { a: 1 } }]);
    });
  });
}
