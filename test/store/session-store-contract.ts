import session from 'express-session';
import { sleep, type OpenedStore, type OpenStore } from './store-backends';

type Data = session.SessionData;

/** A cookie as express-session hands it to its store: a Cookie whose expiry runs from now. */
function cookie(maxAgeMs: number | null): session.Cookie {
  const made = new session.Cookie();
  made.maxAge = maxAgeMs ?? undefined;
  // The setter derives originalMaxAge from expires minus a later Date.now(): a millisecond tick in
  // between made it 1 ms short now and then. As express-session means it: the age asked for.
  if (maxAgeMs !== null) made.originalMaxAge = maxAgeMs;
  made.httpOnly = true;
  made.sameSite = 'strict';
  return made;
}

/** A staff session as the staff loader stores it. */
function staffSession(staffId: string, maxAgeMs: number | null = 30 * 60 * 1000): Data {
  return { cookie: cookie(maxAgeMs), staffId, passwordVersion: 1, signedInAt: 1_763_715_600_000, lastSeenAt: 1_763_715_600_000 };
}

/** What a store hands back: the session as JSON has it (the cookie's expiry as an ISO string). */
const asStored = (data: Data): unknown => JSON.parse(JSON.stringify(data));

// express-session's Store is callback based; these make it awaitable. A missing session is null or undefined alike.
const get = (store: session.Store, sid: string) =>
  new Promise<Data | null>((resolve, reject) => store.get(sid, (error, data) => (error ? reject(error) : resolve(data ?? null))));
const set = (store: session.Store, sid: string, data: Data) =>
  new Promise<void>((resolve, reject) => store.set(sid, data, (error) => (error ? reject(error) : resolve())));
const destroy = (store: session.Store, sid: string) =>
  new Promise<void>((resolve, reject) => store.destroy(sid, (error) => (error ? reject(error) : resolve())));
const touch = (store: session.Store, sid: string, data: Data) =>
  new Promise<void>((resolve, reject) => {
    if (store.touch === undefined) return reject(new Error('this store does not implement touch'));
    // Typed without an error, but stores do pass one.
    store.touch(sid, data, ((error?: unknown) => (error ? reject(error) : resolve())) as () => void);
  });

/**
 * One behaviour, two backends: every session store (express-session's Store) must pass this suite
 * unchanged. `open` gives a fresh, empty store. A session lives as long as its cookie, renewed by a
 * touch; the waits below are of a second or two, as the Redis store counts expiry in seconds.
 */
export function describeSessionStoreContract(implName: string, open: OpenStore<session.Store>): void {
  describe(`${implName} session store (contract)`, () => {
    let opened: OpenedStore<session.Store>;
    let store: session.Store;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(async () => {
      await opened.close();
    });

    it('when a session id was never saved, then no session is found', async () => {
      expect(await get(store, 'never-saved')).toBeNull();
    });

    it('when a session is saved, then it is read back as saved, under its own id only', async () => {
      const data = staffSession('st-1');
      await set(store, 'sid-1', data);
      expect(await get(store, 'sid-1')).toEqual(asStored(data));
      expect((await get(store, 'sid-1'))?.cookie).toMatchObject({ httpOnly: true, sameSite: 'strict', originalMaxAge: 30 * 60 * 1000 });
      expect(await get(store, 'sid-2')).toBeNull();
    });

    it('when a session is saved again, then the new data replaces the old and other sessions keep theirs', async () => {
      await set(store, 'sid-1', staffSession('st-1'));
      await set(store, 'sid-2', staffSession('st-2'));
      const changed = { ...staffSession('st-1'), passwordVersion: 2, lastSeenAt: 1_763_719_200_000 };
      await set(store, 'sid-1', changed);
      expect(await get(store, 'sid-1')).toEqual(asStored(changed));
      expect((await get(store, 'sid-2'))?.staffId).toBe('st-2');
    });

    it('when a session is destroyed, then it is gone and the others stay; destroying it again is no error', async () => {
      await set(store, 'sid-1', staffSession('st-1'));
      await set(store, 'sid-2', staffSession('st-2'));
      await destroy(store, 'sid-1');
      expect(await get(store, 'sid-1')).toBeNull();
      expect((await get(store, 'sid-2'))?.staffId).toBe('st-2');
      await expect(destroy(store, 'sid-1')).resolves.toBeUndefined();
      await expect(destroy(store, 'never-saved')).resolves.toBeUndefined();
    });

    it('when a session\'s cookie runs out, then the session is gone', async () => {
      await set(store, 'sid-1', staffSession('st-1', 1000));
      await set(store, 'sid-2', staffSession('st-2'));
      expect((await get(store, 'sid-1'))?.staffId).toBe('st-1');
      await sleep(1500);
      expect(await get(store, 'sid-1')).toBeNull();
      expect((await get(store, 'sid-2'))?.staffId).toBe('st-2');
    });

    it('when a session cookie carries no expiry of its own (a browser-session cookie), then the session is kept', async () => {
      const data = staffSession('st-1', null);
      await set(store, 'sid-1', data);
      expect(await get(store, 'sid-1')).toEqual(asStored(data));
    });

    it('when a session is saved with a cookie that has run out already, then it is not kept', async () => {
      const data = staffSession('st-1');
      data.cookie.expires = new Date(Date.now() - 1000);
      await set(store, 'sid-1', data);
      expect(await get(store, 'sid-1')).toBeNull();
    });

    it('when a session is touched, then it lives on from the touch, as long as the new cookie says, with its data as saved', async () => {
      await set(store, 'sid-1', staffSession('st-1', 1000));
      await sleep(700);
      // A touch hands the session as the request has it; the store renews its life, it does not save it.
      await touch(store, 'sid-1', { ...staffSession('st-other', 2000), passwordVersion: 7 });
      await sleep(700);
      // 1.4 s after saving, past its first cookie: alive thanks to the touch.
      expect(await get(store, 'sid-1')).toMatchObject({ staffId: 'st-1', passwordVersion: 1 });
      await sleep(1700);
      // 2.4 s after the touch, past the touch's cookie.
      expect(await get(store, 'sid-1')).toBeNull();
    });

    it('when a session that is gone is touched, then it does not come back', async () => {
      await set(store, 'sid-1', staffSession('st-1'));
      await destroy(store, 'sid-1');
      await touch(store, 'sid-1', staffSession('st-1'));
      await touch(store, 'never-saved', staffSession('st-2'));
      expect(await get(store, 'sid-1')).toBeNull();
      expect(await get(store, 'never-saved')).toBeNull();
    });

    it('when a session is touched with a cookie that has run out, then it is gone', async () => {
      await set(store, 'sid-1', staffSession('st-1'));
      const expired = staffSession('st-1');
      expired.cookie.expires = new Date(Date.now() - 1000);
      await touch(store, 'sid-1', expired);
      expect(await get(store, 'sid-1')).toBeNull();
    });
  });
}
