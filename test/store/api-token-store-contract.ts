import { createHash, randomBytes } from 'node:crypto';
import type { ApiTokenRecord } from '../../src/tokens/api-token-model';
import type { ApiTokenStore } from '../../src/tokens/api-token-store';
import type { OpenedStore, OpenStore } from './store-backends';

const CREATED = '2026-11-21T09:00:00.000Z';
const USED = '2026-11-21T09:05:00.000Z';
const USED_AGAIN = '2026-11-21T09:30:00.000Z';
const REVOKED = '2026-11-21T10:00:00.000Z';

const hashOfNewSecret = (): string => createHash('sha256').update(randomBytes(32)).digest('hex');

function token(id: string, ownerStaffId: string, createdAt = CREATED): ApiTokenRecord {
  return { id, ownerStaffId, label: `label of ${id}`, secretHash: hashOfNewSecret(), createdAt };
}

/** One behaviour, two backends: every ApiTokenStore must pass this suite unchanged. `open` gives a fresh, empty store. */
export function describeApiTokenStoreContract(implName: string, open: OpenStore<ApiTokenStore>): void {
  describe(`${implName} API token store (contract)`, () => {
    let opened: OpenedStore<ApiTokenStore>;
    let store: ApiTokenStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(async () => {
      await opened.close();
    });

    it('when nothing was created, then no token is found by id, by hash or by owner', async () => {
      expect(await store.get('tok-1')).toBeNull();
      expect(await store.findBySecretHash(hashOfNewSecret())).toBeNull();
      expect(await store.listByOwner('st-admin-1')).toEqual([]);
    });

    it('when a token is created, then it reads back whole by id and by the hash of its secret, and no other hash finds it', async () => {
      const created = token('tok-1', 'st-admin-1');
      await store.create(created);
      expect(await store.get('tok-1')).toEqual(created);
      expect(await store.findBySecretHash(created.secretHash)).toEqual(created);
      expect(await store.findBySecretHash(hashOfNewSecret())).toBeNull();
      expect(await store.get('tok-2')).toBeNull();
    });

    it("when tokens of several owners are listed by owner, then only that owner's are, newest first, the id ordering those of one time", async () => {
      const oldest = token('tok-b', 'st-admin-1', '2026-11-20T09:00:00.000Z');
      const sameTimeA = token('tok-a', 'st-admin-1');
      const sameTimeC = token('tok-c', 'st-admin-1');
      await store.create(sameTimeA);
      await store.create(oldest);
      await store.create(token('tok-d', 'st-admin-2', '2026-11-22T09:00:00.000Z'));
      await store.create(sameTimeC);
      expect(await store.listByOwner('st-admin-1')).toEqual([sameTimeC, sameTimeA, oldest]);
      expect((await store.listByOwner('st-admin-2')).map((record) => record.id)).toEqual(['tok-d']);
      expect(await store.listByOwner('st-nobody')).toEqual([]);
    });

    it('when a token is revoked, then its secret finds nothing at once, but it is still read, and listed, as revoked', async () => {
      const created = token('tok-1', 'st-admin-1');
      await store.create(created);
      const revoked = { ...created, revokedAt: REVOKED };
      await store.revoke(revoked);
      expect(await store.findBySecretHash(created.secretHash)).toBeNull();
      expect(await store.get('tok-1')).toEqual(revoked);
      expect(await store.listByOwner('st-admin-1')).toEqual([revoked]);
    });

    it('when one of two tokens is revoked, then the other still works', async () => {
      const kept = token('tok-1', 'st-admin-1');
      const gone = token('tok-2', 'st-admin-1');
      await store.create(kept);
      await store.create(gone);
      await store.revoke({ ...gone, revokedAt: REVOKED });
      expect(await store.findBySecretHash(kept.secretHash)).toEqual(kept);
      expect((await store.listByOwner('st-admin-1')).map((record) => [record.id, record.revokedAt])).toEqual([
        ['tok-2', REVOKED],
        ['tok-1', undefined],
      ]);
    });

    it('when a use is noted, then the token reads with its last use, by id, by hash and by owner, and a later use replaces it', async () => {
      const created = token('tok-1', 'st-admin-1');
      await store.create(created);
      await store.markUsed('tok-1', USED);
      const used = { ...created, lastUsedAt: USED };
      expect(await store.get('tok-1')).toEqual(used);
      expect(await store.findBySecretHash(created.secretHash)).toEqual(used);
      expect(await store.listByOwner('st-admin-1')).toEqual([used]);
      await store.markUsed('tok-1', USED_AGAIN);
      expect((await store.get('tok-1'))?.lastUsedAt).toBe(USED_AGAIN);
    });

    it('when a use is noted after the token was revoked, then it stays revoked and its secret still finds nothing', async () => {
      const created = token('tok-1', 'st-admin-1');
      await store.create(created);
      // A request that authenticated just before the revocation notes its use just after it.
      await store.revoke({ ...created, revokedAt: REVOKED });
      await store.markUsed('tok-1', USED_AGAIN);
      expect(await store.findBySecretHash(created.secretHash)).toBeNull();
      expect(await store.get('tok-1')).toEqual({ ...created, revokedAt: REVOKED, lastUsedAt: USED_AGAIN });
    });

    it('when a record carrying a last use is created or revoked, then only noted uses count as its last use', async () => {
      const created = token('tok-1', 'st-admin-1');
      await store.create({ ...created, lastUsedAt: USED });
      expect(await store.get('tok-1')).toEqual(created);
      await store.markUsed('tok-1', USED_AGAIN);
      // Revoked as read: the record passed carries the last use it was read with.
      const read = (await store.get('tok-1'))!;
      await store.revoke({ ...read, lastUsedAt: USED, revokedAt: REVOKED });
      expect(await store.get('tok-1')).toEqual({ ...created, revokedAt: REVOKED, lastUsedAt: USED_AGAIN });
    });

    it('when a read token is changed by its reader, or a created one by its caller, then the stored one is not', async () => {
      const created = token('tok-1', 'st-admin-1');
      await store.create(created);
      const kept = { ...created };
      created.label = 'changed by the caller';
      (await store.get('tok-1'))!.revokedAt = REVOKED;
      (await store.findBySecretHash(kept.secretHash))!.ownerStaffId = 'st-admin-2';
      (await store.listByOwner('st-admin-1'))[0]!.label = 'changed by a reader';
      expect(await store.get('tok-1')).toEqual(kept);
      expect(await store.listByOwner('st-admin-2')).toEqual([]);
    });
  });
}
