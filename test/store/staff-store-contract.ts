import type { StaffAccount } from '../../src/staff/staff-model';
import type { StaffStore } from '../../src/staff/staff-store';
import type { OpenedStore, OpenStore } from './store-backends';

const HASH = '$argon2id$v=19$m=19456,p=1,t=2$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g';

function account(id: string, username: string, createdAt = '2026-11-21T09:00:00.000Z'): StaffAccount {
  return { id, username, role: 'support', disabled: false, passwordHash: HASH, passwordVersion: 1, createdAt, updatedAt: createdAt };
}

/** One behaviour, two backends: every StaffStore must pass this suite unchanged. `open` gives a fresh, empty store. */
export function describeStaffStoreContract(implName: string, open: OpenStore<StaffStore>): void {
  describe(`${implName} staff store (contract)`, () => {
    let opened: OpenedStore<StaffStore>;
    let store: StaffStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(async () => {
      await opened.close();
    });

    it('when nothing was created, then no account is found and the list is empty', async () => {
      expect(await store.get('st-1')).toBeNull();
      expect(await store.getByUsername('hanako')).toBeNull();
      expect(await store.list()).toEqual([]);
    });

    it('when an account is created, then it reads back whole by id, by username and in the list', async () => {
      const created: StaffAccount = { ...account('st-1', 'hanako'), displayName: '鈴木 花子', role: 'admin' };
      expect(await store.create(created)).toBe(true);
      expect(await store.get('st-1')).toEqual(created);
      expect(await store.getByUsername('hanako')).toEqual(created);
      expect(await store.list()).toEqual([created]);
    });

    it('when a username is taken, then a second account with it is refused and not stored, and the first is kept', async () => {
      const first = account('st-1', 'taken');
      await store.create(first);
      expect(await store.create({ ...account('st-2', 'taken'), role: 'admin' })).toBe(false);
      expect(await store.get('st-2')).toBeNull();
      expect(await store.getByUsername('taken')).toEqual(first);
      expect(await store.list()).toEqual([first]);
    });

    it('when two accounts with one username are created at once, then exactly one of them is', async () => {
      const results = await Promise.all([store.create(account('st-1', 'racer')), store.create(account('st-2', 'racer'))]);
      expect(results.filter(Boolean)).toEqual([true]);
      const winner = results[0] ? 'st-1' : 'st-2';
      expect((await store.getByUsername('racer'))?.id).toBe(winner);
      expect((await store.list()).map((member) => member.id)).toEqual([winner]);
    });

    it('when an account is updated, then the new version is read by id, by username and in the list', async () => {
      const created = account('st-1', 'hanako');
      await store.create(created);
      const updated: StaffAccount = {
        ...created,
        displayName: 'Hanako',
        role: 'admin',
        disabled: true,
        passwordHash: HASH.replace('aGFzaG', 'bmV3aG'),
        passwordVersion: 2,
        updatedAt: '2026-11-22T09:00:00.000Z',
      };
      await store.update(updated);
      expect(await store.get('st-1')).toEqual(updated);
      expect(await store.getByUsername('hanako')).toEqual(updated);
      expect(await store.list()).toEqual([updated]);
    });

    it('when an update drops the display name, then it is gone', async () => {
      const created = { ...account('st-1', 'hanako'), displayName: 'Hanako' };
      await store.create(created);
      const { displayName: _dropped, ...withoutName } = created;
      await store.update(withoutName);
      expect(await store.get('st-1')).toEqual(withoutName);
      expect(await store.get('st-1')).not.toHaveProperty('displayName');
    });

    it('when accounts are listed, then oldest first, the id ordering those created at the same time', async () => {
      await store.create(account('st-c', 'carol', '2026-11-21T10:00:00.000Z'));
      await store.create(account('st-b', 'bob', '2026-11-21T09:00:00.000Z'));
      await store.create(account('st-a', 'alice', '2026-11-21T10:00:00.000Z'));
      expect((await store.list()).map((member) => member.id)).toEqual(['st-b', 'st-a', 'st-c']);
    });

    it('when an account read from the store is changed by its reader, or a created one by its caller, then the stored one is not', async () => {
      const created = account('st-1', 'hanako');
      await store.create(created);
      created.role = 'admin';
      (await store.get('st-1'))!.disabled = true;
      (await store.getByUsername('hanako'))!.passwordVersion = 9;
      (await store.list())[0]!.username = 'someone-else';
      expect(await store.get('st-1')).toEqual({ ...created, role: 'support' });
    });
  });
}
