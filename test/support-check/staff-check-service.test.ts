import type { Actor } from '../../src/actor/actor';
import { AuditService } from '../../src/audit/audit-service';
import { RedisAuditStore } from '../../src/audit/redis-audit-store';
import { memoryRateCounters } from '../../src/abuse/memory-rate-counters';
import { STAFF_CHECK_RULE, StaffCheckService } from '../../src/support/staff-check-service';
import { FAST_ARGON2 } from '../admin/admin-fixtures';
import { startTestService, type TestService } from '../support/test-app';
import { newTestRedis, type TestRedis, uniquePrefix } from '../support/test-redis';

const SUPPORT: Actor = { kind: 'staff', staffId: 'st-support-1', username: 'sato.support', role: 'support' };
const OTHER_SUPPORT: Actor = { kind: 'staff', staffId: 'st-support-2', username: 'ito.support', role: 'support' };
const CATALOG = 'porsche-japan-2018-catalog';
const PROMOTION = 'porsche-japan-2018-promotion';

describe('support checks on a caller\'s behalf', () => {
  let service: TestService;
  let redis: TestRedis;

  beforeAll(async () => {
    service = await startTestService({ store: 'shared', seed: true, env: FAST_ARGON2 });
    redis = newTestRedis();
  });
  afterAll(async () => {
    redis.disconnect();
    await service.close();
  });

  const auditedChecks = async (ticketRef: string) =>
    (await service.runtime.audit.service.query({ action: 'support.check', ticketRef })).events;

  describe('when a member of staff checks a listed address with a ticket reference', () => {
    it('then the answer names the matched exposures with everything staff see, and the audit event was written first', async () => {
      const answer = await service.runtime.support.service.checkForCaller({
        actor: SUPPORT,
        ticketRef: 'ZD-48213',
        email: 'taro.yamada@example.jp',
      });

      expect(answer.affected).toBe(true);
      expect(answer.exposures.map(({ exposure }) => exposure.id)).toEqual([CATALOG]);
      expect(answer.exposures[0]?.incident.id).toBe('porsche-japan-2018');
      const events = await auditedChecks('ZD-48213');
      expect(events).toEqual([
        {
          id: answer.auditEventId,
          at: expect.any(String),
          actor: SUPPORT,
          action: 'support.check',
          ticketRef: 'ZD-48213',
          matchedExposureIds: [CATALOG],
        },
      ]);
    });
  });

  describe('when the address is in no list', () => {
    it('then the answer is "not found here" and the event records an empty list of matches', async () => {
      const answer = await service.runtime.support.service.checkForCaller({
        actor: SUPPORT,
        ticketRef: 'ZD-00001',
        email: 'not.listed@example.com',
      });

      expect(answer.affected).toBe(false);
      expect(answer.checked.map(({ exposure }) => exposure.id).sort()).toEqual([CATALOG, PROMOTION]);
      expect((await auditedChecks('ZD-00001')).map((event) => event.matchedExposureIds)).toEqual([[]]);
    });
  });

  describe('when the ticket reference is typed in full-width characters', () => {
    it('then it is stored in the form a later search types', async () => {
      const answer = await service.runtime.support.service.checkForCaller({
        actor: SUPPORT,
        ticketRef: ' ＺＤ－７７７ ',
        email: 'hanako.suzuki@example.jp',
      });

      const [event] = await auditedChecks('ZD-777');
      expect(event?.id).toBe(answer.auditEventId);
      expect(event?.ticketRef).toBe('ZD-777');
      expect(event?.matchedExposureIds).toEqual([PROMOTION]);
    });
  });

  describe.each([
    ['missing', undefined],
    ['blank', '   '],
    ['not text', 48213],
    ['65 characters long', 'T'.repeat(65)],
    ['an address', 'taro.yamada@example.jp'],
    ['a full-width at sign', 'ZD-1＠2'],
    ['a small at sign', 'ZD-1﹫2'],
    ['an address typed URL-encoded', 'taro.yamada%40example.jp'],
    ['an address URL-encoded twice', 'taro.yamada%2540example.jp'],
    ['an address URL-encoded three times', 'taro.yamada%252540example.jp'],
    ['a full-width percent-encoded at sign', 'taro.yamada％４０example.jp'],
    ['a small percent sign', 'ZD-1﹪40'],
    ['a percent sign of any kind', 'ZD-100%'],
    ['a line break inside', 'ZD-1\nZD-2'],
    ['a tab inside', 'ZD-1\tZD-2'],
    ['a right-to-left override', 'ZD-\u202E12'],
    ['a zero-width space', 'ZD-\u200B12'],
  ])('when the ticket reference is %s', (_what, ticketRef) => {
    it('then it is a 400 invalid_ticket_ref naming the field, and nothing is checked or audited', async () => {
      const before = (await service.runtime.audit.service.query({ limit: 500 })).events.length;
      const hashesBefore = service.runtime.check.queue.stats().finished;

      const error = await service.runtime.support.service
        .checkForCaller({ actor: SUPPORT, ticketRef, email: 'taro.yamada@example.jp' })
        .catch((caught: unknown) => caught);

      expect(error).toMatchObject({ status: 400, code: 'invalid_ticket_ref', field: 'ticketRef' });
      expect(String((error as Error).message)).not.toContain('taro.yamada');
      expect(service.runtime.check.queue.stats().finished).toBe(hashesBefore);
      expect((await service.runtime.audit.service.query({ limit: 500 })).events).toHaveLength(before);
    });
  });

  describe('when the ticket reference is exactly 64 characters', () => {
    it('then it is accepted', async () => {
      const ticketRef = `T-${'9'.repeat(62)}`;
      const answer = await service.runtime.support.service.checkForCaller({ actor: SUPPORT, ticketRef, email: 'x.y@example.com' });
      expect((await auditedChecks(ticketRef)).map((event) => event.id)).toEqual([answer.auditEventId]);
    });
  });

  describe('when the address itself is invalid', () => {
    it('then it is the same 400 invalid_email as for customers, and no event is written', async () => {
      const error = await service.runtime.support.service
        .checkForCaller({ actor: SUPPORT, ticketRef: 'ZD-BAD-EMAIL', email: 'not an address' })
        .catch((caught: unknown) => caught);

      expect(error).toMatchObject({ status: 400, code: 'invalid_email' });
      expect(await auditedChecks('ZD-BAD-EMAIL')).toEqual([]);
    });
  });

  describe('when the audit event cannot be written', () => {
    it('then there is no answer: 503 unavailable, not an unaudited result', async () => {
      const prefix = uniquePrefix('staff-check-audit-down');
      // The audit stream's key holds a string: XADD fails inside Redis, a real failure of the real store.
      await redis.set(`${prefix}audit:events`, 'not a stream');
      const staffCheck = new StaffCheckService({
        checker: service.runtime.check.service,
        audit: new AuditService({ store: new RedisAuditStore(redis, prefix) }),
        limit: memoryRateCounters()(STAFF_CHECK_RULE),
      });

      const outcome = await staffCheck
        .checkForCaller({ actor: SUPPORT, ticketRef: 'ZD-NO-AUDIT', email: 'taro.yamada@example.jp' })
        .then(
          (answer) => ({ answered: answer }),
          (error: unknown) => ({ error }),
        );

      expect(outcome).toEqual({ error: expect.objectContaining({ status: 503, code: 'unavailable' }) });
      expect(String((outcome as { error: Error }).error.message)).not.toMatch(/porsche|taro/);
    });
  });

  describe('when one member of staff makes more than 60 checks in a minute', () => {
    it('then the next is a 429 with the seconds to wait, and another member of staff is not held back', async () => {
      const limited: Actor = { kind: 'staff', staffId: 'st-busy', username: 'busy.support', role: 'support' };
      // Every attempt spends from the budget, even one whose address turns out invalid: cheap to send here.
      for (let index = 0; index < STAFF_CHECK_RULE.points; index += 1) {
        await expect(
          service.runtime.support.service.checkForCaller({ actor: limited, ticketRef: `RL-${index}`, email: 'invalid' }),
        ).rejects.toMatchObject({ code: 'invalid_email' });
      }

      const refused = await service.runtime.support.service
        .checkForCaller({ actor: limited, ticketRef: 'RL-LAST', email: 'taro.yamada@example.jp' })
        .catch((caught: unknown) => caught);
      const other = await service.runtime.support.service.checkForCaller({
        actor: OTHER_SUPPORT,
        ticketRef: 'RL-OTHER',
        email: 'taro.yamada@example.jp',
      });

      expect(refused).toMatchObject({ status: 429, code: 'rate_limited', retryAfterSeconds: expect.any(Number) });
      expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
      expect((refused as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(60);
      expect(await auditedChecks('RL-LAST')).toEqual([]);
      expect(other.affected).toBe(true);
    });
  });
});

describe('support checks in demo mode (memory store)', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ store: 'memory' });
  });
  afterAll(async () => {
    await service.close();
  });

  it('when a check is made, then it is answered and audited in memory', async () => {
    const answer = await service.runtime.support.service.checkForCaller({
      actor: { kind: 'break-glass' },
      ticketRef: 'DEMO-1',
      email: 'hanako.suzuki@example.jp',
    });

    expect(answer.exposures.map(({ exposure }) => exposure.id)).toEqual([PROMOTION]);
    expect((await service.runtime.audit.service.query()).events).toEqual([
      expect.objectContaining({ id: answer.auditEventId, actor: { kind: 'break-glass' }, ticketRef: 'DEMO-1' }),
    ]);
  });
});
