import { newHashingProfile } from '../../src/hashing/hashing-profile';
import type { HashingStore } from '../../src/hashing/hashing-store';
import type { OpenedStore, OpenStore } from './store-backends';

const NOW = new Date('2026-11-21T09:00:00.000Z');
const COSTS = { memoryKiB: 19456, iterations: 2, parallelism: 1 };

/** One behaviour, two backends: every HashingStore must pass this suite unchanged. `open` gives a fresh, empty store. */
export function describeHashingStoreContract(implName: string, open: OpenStore<HashingStore>): void {
  describe(`${implName} hashing store (contract)`, () => {
    let opened: OpenedStore<HashingStore>;
    let store: HashingStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(async () => {
      await opened.close();
    });

    it('when no profile exists, then the first saved becomes current and a second is ignored', async () => {
      expect(await store.getCurrentProfile()).toBeNull();
      const first = newHashingProfile(COSTS, NOW);
      const second = newHashingProfile(COSTS, NOW);
      expect(await store.saveCurrentProfileIfAbsent(first)).toEqual(first);
      expect(await store.saveCurrentProfileIfAbsent(second)).toEqual(first);
      expect(await store.getCurrentProfile()).toEqual(first);
      expect(await store.getProfile(first.id)).toEqual(first);
    });

    it('when a profile id was never saved, then reading it finds nothing', async () => {
      expect(await store.getProfile('hp-000000000000')).toBeNull();
      await store.saveCurrentProfileIfAbsent(newHashingProfile(COSTS, NOW));
      expect(await store.getProfile('hp-000000000000')).toBeNull();
    });

    it('when a read profile is changed by its reader, then the stored one is not', async () => {
      const profile = newHashingProfile(COSTS, NOW);
      const saved = await store.saveCurrentProfileIfAbsent(profile);
      saved.memoryKiB = 1;
      const read = await store.getCurrentProfile();
      read!.salt = 'changed';
      expect(await store.getCurrentProfile()).toEqual(profile);
      expect(await store.getProfile(profile.id)).toEqual(profile);
    });

    it('when several servers save a first profile at once, then all of them get the same one, which is current', async () => {
      const candidates = Array.from({ length: 5 }, () => newHashingProfile(COSTS, NOW));
      const answers = await Promise.all(candidates.map((profile) => store.saveCurrentProfileIfAbsent(profile)));
      const current = await store.getCurrentProfile();
      expect(candidates).toContainEqual(current);
      for (const answer of answers) expect(answer).toEqual(current);
    });

    it('when a key-check value is stored, then a different one does not replace it', async () => {
      expect(await store.getKeyCheck()).toBeNull();
      expect(await store.saveKeyCheckIfAbsent('aa')).toEqual({ stored: 'aa', created: true });
      expect(await store.saveKeyCheckIfAbsent('bb')).toEqual({ stored: 'aa', created: false });
      expect(await store.getKeyCheck()).toBe('aa');
    });

    it('when the same key-check value is stored again, then it is not reported as created a second time', async () => {
      await store.saveKeyCheckIfAbsent('aa');
      expect(await store.saveKeyCheckIfAbsent('aa')).toEqual({ stored: 'aa', created: false });
    });

    it('when several servers store a key-check value at once, then exactly one of them created it and all see that one', async () => {
      const values = ['v1', 'v2', 'v3', 'v4', 'v5'];
      const answers = await Promise.all(values.map((value) => store.saveKeyCheckIfAbsent(value)));
      const stored = await store.getKeyCheck();
      expect(answers.filter((answer) => answer.created)).toEqual([{ stored, created: true }]);
      expect(answers.map((answer) => answer.stored)).toEqual(values.map(() => stored));
      expect(values).toContain(stored);
    });
  });
}
