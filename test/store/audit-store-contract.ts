import type { Actor } from '../../src/actor/actor';
import type { AuditEntry, AuditEvent } from '../../src/audit/audit-event';
import { compareAuditIds, parseAuditId, type AuditId } from '../../src/audit/audit-id';
import type { AuditStore } from '../../src/audit/audit-store';
import { sleep, type OpenedStore, type OpenStore } from './store-backends';

const SUPPORT: Actor = { kind: 'staff', staffId: 'st-support-1', username: 'sato.support', role: 'support' };
const ADMIN: Actor = { kind: 'staff', staffId: 'st-admin-1', username: 'kato.admin', role: 'admin' };
const TOKEN: Actor = { kind: 'api-token', staffId: 'st-admin-1', username: 'kato.admin', tokenId: 'tok-1' };

const supportCheck = (ticketRef: string, matchedExposureIds: string[] = []): AuditEntry => ({
  actor: SUPPORT,
  action: 'support.check',
  ticketRef,
  matchedExposureIds,
});

const ids = (events: AuditEvent[]) => events.map((event) => event.id);
const idOf = (event: AuditEvent): AuditId => parseAuditId(event.id) as AuditId;
const msOf = (event: AuditEvent): number => idOf(event).ms;

/**
 * One behaviour, two backends: every AuditStore must pass this suite unchanged. `open` gives a
 * fresh, empty log. Times come from the store (Redis's clock, or the process's for memory).
 */
export function describeAuditStoreContract(implName: string, open: OpenStore<AuditStore>): void {
  describe(`${implName} audit store (contract)`, () => {
    let opened: OpenedStore<AuditStore>;
    let store: AuditStore;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(async () => {
      await opened.close();
    });

    /** Appends one after another, a few milliseconds apart so that each has a millisecond of its own. */
    async function appendApart(entries: AuditEntry[]): Promise<AuditEvent[]> {
      const events: AuditEvent[] = [];
      for (const entry of entries) {
        events.push(await store.append(entry));
        await sleep(3);
      }
      return events;
    }

    it('when nothing was appended, then the log reads empty', async () => {
      expect(await store.newestFirst({ count: 10 })).toEqual([]);
      expect(await store.newestFirst({ fromMs: 0, toMs: Date.now() + 60_000, count: 10 })).toEqual([]);
    });

    it('when an event is appended, then it gets an id and the time of that id, and reads back whole', async () => {
      const startedAt = Date.now();
      const entry: AuditEntry = {
        actor: TOKEN,
        action: 'list.upload',
        target: { incidentId: 'inc-1', exposureId: 'exp-1' },
        details: { rows: 3100, version: 2, replaced: true, file: 'list-2026.txt' },
      };
      const event = await store.append(entry);

      expect(event).toEqual({ id: expect.stringMatching(/^\d+-\d+$/), at: expect.any(String), ...entry });
      expect(event.at).toBe(new Date(msOf(event)).toISOString());
      // Redis stamps the time in the Redis store; allow for a clock a little apart from this one.
      expect(Math.abs(Date.parse(event.at) - startedAt)).toBeLessThan(60_000);
      expect(await store.newestFirst({ count: 10 })).toEqual([event]);
    });

    it('when events of every kind of actor and field are appended, then each reads back as it was recorded', async () => {
      const entries: AuditEntry[] = [
        { actor: ADMIN, action: 'exposure.publish', target: { incidentId: 'inc-1', exposureId: 'exp-1' } },
        supportCheck('ZD-1001', ['exp-1', 'exp-2']),
        supportCheck('ZD-1002'),
        { actor: { kind: 'break-glass' }, action: 'staff.create', target: { staffId: 'st-admin-1' } },
        { actor: { kind: 'unauthenticated', username: 'sato.support' }, action: 'staff.login_failed' },
        { actor: { kind: 'unauthenticated' }, action: 'staff.login_failed' },
        { actor: ADMIN, action: 'token.revoke', target: { tokenId: 'tok-1', staffId: 'st-admin-1' } },
      ];
      const appended = await appendApart(entries);

      const read = await store.newestFirst({ count: 100 });

      expect(read).toEqual([...appended].reverse());
      expect(read.map(({ id: _id, at: _at, ...entry }) => entry)).toEqual([...entries].reverse());
    });

    it('when an appended entry or a read event is changed afterwards, then the log is not', async () => {
      const entry = supportCheck('ZD-1', ['exp-1']);
      const appended = await store.append(entry);
      entry.matchedExposureIds!.push('exp-2');
      appended.matchedExposureIds!.push('exp-3');
      const [read] = await store.newestFirst({ count: 1 });
      read!.matchedExposureIds!.push('exp-4');
      expect((await store.newestFirst({ count: 1 }))[0]?.matchedExposureIds).toEqual(['exp-1']);
    });

    it('when events are appended back to back, then each id sorts after the one before and carries its time', async () => {
      const appended: AuditEvent[] = [];
      for (let index = 0; index < 50; index += 1) appended.push(await store.append(supportCheck(`FAST-${index}`)));

      for (let index = 1; index < appended.length; index += 1) {
        expect(compareAuditIds(idOf(appended[index]!), idOf(appended[index - 1]!))).toBeGreaterThan(0);
      }
      for (const event of appended) expect(event.at).toBe(new Date(msOf(event)).toISOString());
      expect(ids(await store.newestFirst({ count: 100 }))).toEqual(ids([...appended].reverse()));
    });

    it('when many events are appended at once, then each is kept, in the order appended', async () => {
      const appended = await Promise.all(Array.from({ length: 1_100 }, (_, index) => store.append(supportCheck(`MANY-${index}`))));

      const read = await store.newestFirst({ count: 2_000 });

      expect(read).toHaveLength(1_100);
      expect(read.map((event) => event.ticketRef)).toEqual(appended.map((event) => event.ticketRef).reverse());
      expect(ids(read)).toEqual(ids([...appended].reverse()));
    });

    it('when a count is given, then at most that many events are read, the newest', async () => {
      const appended = await appendApart([supportCheck('C-1'), supportCheck('C-2'), supportCheck('C-3')]);
      expect(ids(await store.newestFirst({ count: 2 }))).toEqual(ids([appended[2]!, appended[1]!]));
      expect(ids(await store.newestFirst({ count: 1 }))).toEqual(ids([appended[2]!]));
    });

    it('when read before an event id, then only strictly older events are read, and paging so reads each once', async () => {
      const appended = await appendApart(Array.from({ length: 7 }, (_, index) => supportCheck(`PAGE-${index}`)));
      const [a, b, c] = appended;

      expect(ids(await store.newestFirst({ before: c!.id, count: 10 }))).toEqual(ids([b!, a!]));
      expect(await store.newestFirst({ before: a!.id, count: 10 })).toEqual([]);

      const pages: AuditEvent[][] = [];
      let before: string | undefined;
      for (;;) {
        const page = await store.newestFirst({ ...(before !== undefined && { before }), count: 3 });
        if (page.length === 0) break;
        pages.push(page);
        before = page.at(-1)!.id;
      }
      expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
      expect(ids(pages.flat())).toEqual(ids([...appended].reverse()));
    });

    it('when read before an id of the same millisecond as others, then the others of that millisecond still count as older', async () => {
      const [event] = await appendApart([supportCheck('SAME-MS')]);
      const { ms, seq } = idOf(event!);
      expect(ids(await store.newestFirst({ before: `${ms}-${seq + 1}`, count: 10 }))).toEqual([event!.id]);
      expect(await store.newestFirst({ before: `${ms}-${seq}`, count: 10 })).toEqual([]);
    });

    it('when read before the first possible id, or before an id later than every event, then nothing, or everything, is read', async () => {
      const appended = await appendApart([supportCheck('E-1'), supportCheck('E-2')]);
      expect(await store.newestFirst({ before: '0-0', count: 10 })).toEqual([]);
      expect(ids(await store.newestFirst({ before: `${Date.now() + 86_400_000}-0`, count: 10 }))).toEqual(ids([...appended].reverse()));
    });

    it('when read before something that is not an event id, then it refuses', async () => {
      await store.append(supportCheck('X-1'));
      await expect(store.newestFirst({ before: 'abc', count: 10 })).rejects.toThrow(/audit event id/);
    });

    it('when read by time, then only the events from fromMs to toMs, both included, are read', async () => {
      const [a, b, c] = await appendApart([supportCheck('T-A'), supportCheck('T-B'), supportCheck('T-C')]);

      expect(ids(await store.newestFirst({ fromMs: msOf(b!), toMs: msOf(b!), count: 10 }))).toEqual(ids([b!]));
      expect(ids(await store.newestFirst({ toMs: msOf(b!), count: 10 }))).toEqual(ids([b!, a!]));
      expect(ids(await store.newestFirst({ fromMs: msOf(b!), count: 10 }))).toEqual(ids([c!, b!]));
      expect(await store.newestFirst({ toMs: msOf(a!) - 1, count: 10 })).toEqual([]);
      expect(await store.newestFirst({ fromMs: msOf(c!) + 1, count: 10 })).toEqual([]);
    });

    it('when read by time and before an id at once, then both bounds hold, whichever is the tighter', async () => {
      const [a, b, c, d] = await appendApart([supportCheck('B-A'), supportCheck('B-B'), supportCheck('B-C'), supportCheck('B-D')]);

      // The cursor is tighter than "to".
      expect(ids(await store.newestFirst({ toMs: msOf(d!), before: c!.id, count: 10 }))).toEqual(ids([b!, a!]));
      // "to" is tighter than the cursor.
      expect(ids(await store.newestFirst({ toMs: msOf(b!), before: d!.id, count: 10 }))).toEqual(ids([b!, a!]));
      // "to" in the cursor's own millisecond: the cursor still excludes itself.
      expect(ids(await store.newestFirst({ toMs: msOf(c!), before: c!.id, count: 10 }))).toEqual(ids([b!, a!]));
      // "from" cuts the older end.
      expect(ids(await store.newestFirst({ fromMs: msOf(b!), before: d!.id, count: 10 }))).toEqual(ids([c!, b!]));
      expect(ids(await store.newestFirst({ fromMs: msOf(b!), before: d!.id, count: 1 }))).toEqual(ids([c!]));
    });
  });
}
