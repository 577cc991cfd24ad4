import type { Actor } from '../../src/actor/actor';
import type { AuditEntry, AuditEvent } from '../../src/audit/audit-event';
import { auditQueryFrom } from '../../src/audit/audit-query';
import { AuditService } from '../../src/audit/audit-service';
import type { AuditStore } from '../../src/audit/audit-store';
import { MemoryAuditStore } from '../../src/audit/memory-audit-store';
import { RedisAuditStore } from '../../src/audit/redis-audit-store';
import { newTestRedis, type TestRedis, uniquePrefix } from '../support/test-redis';

const SUPPORT: Actor = { kind: 'staff', staffId: 'st-support-1', username: 'sato.support', role: 'support' };
const ADMIN: Actor = { kind: 'staff', staffId: 'st-admin-1', username: 'kato.admin', role: 'admin' };
const TOKEN: Actor = { kind: 'api-token', staffId: 'st-admin-1', username: 'kato.admin', tokenId: 'tok-1' };
const BREAK_GLASS: Actor = { kind: 'break-glass' };

const supportCheck = (ticketRef: string, matchedExposureIds: string[] = []): AuditEntry => ({
  actor: SUPPORT,
  action: 'support.check',
  ticketRef,
  matchedExposureIds,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Records one after another, a few milliseconds apart so each has a time of its own. */
async function recordAll(audit: AuditService, entries: AuditEntry[]): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  for (const entry of entries) {
    events.push(await audit.record(entry));
    await sleep(3);
  }
  return events;
}

const ids = (events: AuditEvent[]) => events.map((event) => event.id);

function describeAuditContract(name: string, open: () => { store: AuditStore; close(): Promise<void> }): void {
  describe(`audit log over the ${name} store`, () => {
    let opened: ReturnType<typeof open>;
    let audit: AuditService;

    beforeEach(() => {
      opened = open();
      audit = new AuditService({ store: opened.store });
    });
    afterEach(async () => {
      await opened.close();
    });

    it('when nothing was recorded, then a query finds nothing and there is no next page', async () => {
      expect(await audit.query()).toEqual({ events: [], nextBefore: null });
    });

    it('when events are recorded, then each gets an id and a time, and they list newest first, whole', async () => {
      const startedAt = Date.now();
      const recorded = await recordAll(audit, [
        { actor: ADMIN, action: 'exposure.publish', target: { incidentId: 'inc-1', exposureId: 'exp-1' } },
        { actor: TOKEN, action: 'list.upload', target: { exposureId: 'exp-1' }, details: { rows: 3100, version: 2 } },
        supportCheck('ZD-1001', ['exp-1']),
      ]);

      const { events, nextBefore } = await audit.query();

      expect(events).toEqual([...recorded].reverse());
      expect(nextBefore).toBeNull();
      expect(events[2]).toEqual({
        id: expect.stringMatching(/^\d+-\d+$/),
        at: expect.any(String),
        actor: ADMIN,
        action: 'exposure.publish',
        target: { incidentId: 'inc-1', exposureId: 'exp-1' },
      });
      expect(events[0]).toMatchObject({ ticketRef: 'ZD-1001', matchedExposureIds: ['exp-1'], actor: SUPPORT });
      // Redis stamps the time in the Redis store; allow for a clock a little apart from this one.
      for (const event of events) expect(Math.abs(Date.parse(event.at) - startedAt)).toBeLessThan(60_000);
      const times = events.map((event) => Date.parse(event.at));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    });

    it('when filtered by actor username, then only that person\'s events, by session or token, are listed', async () => {
      const [byAdmin, , byToken] = await recordAll(audit, [
        { actor: ADMIN, action: 'staff.login' },
        supportCheck('ZD-1'),
        { actor: TOKEN, action: 'list.upload', target: { exposureId: 'exp-1' } },
        { actor: BREAK_GLASS, action: 'staff.create', target: { staffId: 'st-admin-1' } },
      ]);

      const { events } = await audit.query(auditQueryFrom({ actorUsername: 'KATO.admin' }));

      expect(ids(events)).toEqual(ids([byToken!, byAdmin!]));
    });

    it('when filtered by action, then only events of that action are listed', async () => {
      const [first, , second] = await recordAll(audit, [
        supportCheck('ZD-1'),
        { actor: ADMIN, action: 'staff.login' },
        supportCheck('ZD-2'),
      ]);

      const { events } = await audit.query(auditQueryFrom({ action: 'support.check' }));

      expect(ids(events)).toEqual(ids([second!, first!]));
    });

    it('when filtered by ticket reference, then only that ticket\'s checks are listed, whatever the case or width typed', async () => {
      const [first, , third] = await recordAll(audit, [
        supportCheck('ZD-48213'),
        supportCheck('ZD-48214'),
        supportCheck('ZD-48213', ['exp-2']),
      ]);

      const { events } = await audit.query(auditQueryFrom({ ticketRef: 'ｚｄ－４８２１３' }));

      expect(ids(events)).toEqual(ids([third!, first!]));
    });

    it('when filtered by time, then only the events from "from" to "to" (both included) are listed', async () => {
      const [a, b, c] = await recordAll(audit, [supportCheck('T-A'), supportCheck('T-B'), supportCheck('T-C')]);

      expect(ids((await audit.query(auditQueryFrom({ from: b!.at, to: b!.at }))).events)).toEqual(ids([b!]));
      expect(ids((await audit.query(auditQueryFrom({ to: b!.at }))).events)).toEqual(ids([b!, a!]));
      expect(ids((await audit.query(auditQueryFrom({ from: b!.at }))).events)).toEqual(ids([c!, b!]));
    });

    it('when filtered by whole days, then "to" includes all of its day and an earlier day finds nothing', async () => {
      const [event] = await recordAll(audit, [supportCheck('T-DAY')]);
      const day = event!.at.slice(0, 10);
      const dayBefore = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

      expect(ids((await audit.query(auditQueryFrom({ from: day, to: day }))).events)).toEqual(ids([event!]));
      expect((await audit.query(auditQueryFrom({ to: dayBefore }))).events).toEqual([]);
    });

    it('when filters are combined, then an event must match every one of them', async () => {
      const [, wanted] = await recordAll(audit, [
        { actor: ADMIN, action: 'support.check', ticketRef: 'ZD-7', matchedExposureIds: [] },
        supportCheck('ZD-7'),
        supportCheck('ZD-8'),
        { actor: SUPPORT, action: 'staff.logout' },
      ]);

      const query = auditQueryFrom({ actorUsername: 'sato.support', action: 'support.check', ticketRef: 'ZD-7' });
      expect(ids((await audit.query(query)).events)).toEqual(ids([wanted!]));
    });

    it('when paged with a limit, then following nextBefore lists every event once, newest first, then stops', async () => {
      const recorded = await recordAll(
        audit,
        Array.from({ length: 7 }, (_, index) => supportCheck(`PAGE-${index}`)),
      );

      const pages: AuditEvent[][] = [];
      let before: string | undefined;
      for (;;) {
        const page = await audit.query(auditQueryFrom({ limit: '3', ...(before && { before }) }));
        pages.push(page.events);
        if (page.nextBefore === null) break;
        before = page.nextBefore;
      }

      expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
      expect(ids(pages.flat())).toEqual(ids([...recorded].reverse()));
    });

    it('when paged with a filter, then pages hold only matching events and continue where the last one ended', async () => {
      const recorded = await recordAll(
        audit,
        Array.from({ length: 9 }, (_, index) =>
          index % 3 === 0 ? supportCheck(`MIX-${index}`) : { actor: ADMIN, action: 'staff.login' as const },
        ),
      );
      const checks = recorded.filter((event) => event.action === 'support.check').reverse();

      const first = await audit.query(auditQueryFrom({ action: 'support.check', limit: '2' }));
      const second = await audit.query(
        auditQueryFrom({ action: 'support.check', limit: '2', before: first.nextBefore ?? '' }),
      );

      expect(ids(first.events)).toEqual(ids(checks.slice(0, 2)));
      expect(ids(second.events)).toEqual(ids(checks.slice(2)));
      expect(second.nextBefore).toBeNull();
    });

    it.each([
      ['a ticket reference with an address', { ...supportCheck('taro.yamada@example.jp') }],
      ['a ticket reference with a full-width at sign', { ...supportCheck('taro＠example.jp') }],
      ['a ticket reference with a percent-encoded at sign', { ...supportCheck('taro%40example.jp') }],
      ['a ticket reference with an at sign percent-encoded twice', { ...supportCheck('taro%2540example.jp') }],
      ['a ticket reference with a full-width percent-encoded at sign', { ...supportCheck('taro％４０example.jp') }],
      ['a detail with an at sign percent-encoded three times', { actor: ADMIN, action: 'list.upload', details: { file: 'a%252540b.jp' } }],
      ['a ticket reference with a line break', { ...supportCheck('ZD-1\nforged line') }],
      ['a username with an address', { actor: { ...SUPPORT, username: 'sato@example.jp' }, action: 'staff.login' }],
      ['a detail with an address', { actor: ADMIN, action: 'list.upload', details: { file: 'hanako.suzuki@example.jp' } }],
      ['a detail with a bidi override', { actor: ADMIN, action: 'list.upload', details: { note: 'abc\u202Edef' } }],
      ['a target id with an address', { actor: ADMIN, action: 'staff.create', target: { staffId: 'kenji@example.jp' } }],
      ['a matched exposure id with a small at sign', { ...supportCheck('ZD-1', ['exp\uFE6Bexample.jp']) }],
    ] as [string, AuditEntry][])('when an event holds %s, then it is refused and nothing is stored', async (_what, entry) => {
      await expect(audit.record(entry)).rejects.toThrow(/audit/);
      expect((await audit.query()).events).toEqual([]);
    });

    it('when an event is refused, then the error does not repeat the refused text', async () => {
      const error = await audit.record(supportCheck('taro.yamada@example.jp')).catch((caught: Error) => caught);
      expect(String(error)).not.toContain('taro.yamada');
    });

    it('when an unknown action is recorded, then it is refused', async () => {
      const entry = { actor: ADMIN, action: 'staff.export' } as unknown as AuditEntry;
      await expect(audit.record(entry)).rejects.toThrow(/unknown audit action/);
    });
  });
}

describe('audit log stores', () => {
  let redis: TestRedis;
  beforeAll(() => {
    redis = newTestRedis();
  });
  afterAll(() => {
    redis.disconnect();
  });

  describeAuditContract('redis', () => ({
    store: new RedisAuditStore(redis, uniquePrefix('audit')),
    close: async () => undefined,
  }));
  describeAuditContract('memory', () => ({ store: new MemoryAuditStore(), close: async () => undefined }));

  it('when a rare filter would read a very long log, then a page stops early and says where to go on', async () => {
    const audit = new AuditService({ store: new MemoryAuditStore() });
    const oldCheck = await audit.record(supportCheck('RARE-1'));
    for (let index = 0; index < 10_050; index += 1) await audit.record({ actor: ADMIN, action: 'staff.login' });

    const first = await audit.query({ action: 'support.check' });
    const second = await audit.query({ action: 'support.check', before: first.nextBefore ?? undefined });

    expect(first.events).toEqual([]);
    expect(first.nextBefore).not.toBeNull();
    expect(ids(second.events)).toEqual([oldCheck.id]);
    expect(second.nextBefore).toBeNull();
  });
});

describe('audit query from a query string', () => {
  it('when every filter is given, then each is parsed', () => {
    expect(
      auditQueryFrom({
        actorUsername: ' Sato.Support ',
        action: 'support.check',
        ticketRef: 'ＺＤ－１',
        from: '2026-11-01',
        to: '2026-11-21',
        limit: '20',
        before: '1763715600000-3',
      }),
    ).toEqual({
      actorUsername: 'sato.support',
      action: 'support.check',
      ticketRef: 'ZD-1',
      from: new Date('2026-11-01T00:00:00.000Z'),
      to: new Date('2026-11-21T23:59:59.999Z'),
      limit: 20,
      before: '1763715600000-3',
    });
  });

  it('when values are blank, then they are no filter', () => {
    expect(auditQueryFrom({ actorUsername: '', action: ' ', ticketRef: '', from: '', to: '', limit: '', before: '' })).toEqual({});
  });

  it.each([
    ['action', { action: 'staff.export' }, 'invalid_request'],
    ['from', { from: '2026-02-30' }, 'invalid_request'],
    ['to', { to: 'yesterday' }, 'invalid_request'],
    ['to', { to: '2026-11-21T10:00:00' }, 'invalid_request'],
    ['to', { from: '2026-11-21', to: '2026-11-20' }, 'invalid_request'],
    ['limit', { limit: '0' }, 'invalid_request'],
    ['limit', { limit: '501' }, 'invalid_request'],
    ['limit', { limit: '2.5' }, 'invalid_request'],
    ['before', { before: 'abc' }, 'invalid_request'],
    ['actorUsername', { actorUsername: ['a', 'b'] }, 'invalid_request'],
    ['ticketRef', { ticketRef: 'someone@example.jp' }, 'invalid_ticket_ref'],
  ])('when %s is wrong (%j), then it is a 400 naming that field', (field, raw, code) => {
    expect(() => auditQueryFrom(raw)).toThrow(expect.objectContaining({ status: 400, code, field }));
  });
});
