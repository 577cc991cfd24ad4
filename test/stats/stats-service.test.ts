import pino from 'pino';
import type { CheckResult, ExposureWithIncident } from '../../src/check/check-result';
import { MemoryStatsStore } from '../../src/stats/memory-stats-store';
import { RedisStatsStore } from '../../src/stats/redis-stats-store';
import { StatsService } from '../../src/stats/stats-service';
import type { StatsStore } from '../../src/stats/stats-store';
import { newTestRedis, type TestRedis, uniquePrefix } from '../support/test-redis';

function exposure(id: string): ExposureWithIncident {
  return {
    id,
    incidentId: 'inc-1',
    title: { en: id },
    dataExposed: ['email_address'],
    dataPossiblyExposed: [],
    dataNotExposed: [],
    checkableByEmail: true,
    incident: { id: 'inc-1', organization: { en: 'Org' }, title: { en: 'Incident' }, sources: [], status: 'announced' },
  };
}

/** A check's answer that probed `checked` and found the address in `matched`. */
function result(checked: string[], matched: string[]): CheckResult {
  return {
    affected: matched.length > 0,
    exposures: matched.map(exposure),
    checked: checked.map(exposure),
    notCheckableByEmail: [exposure('not-checkable')],
  };
}

const clockAt = (iso: string) => {
  const clock = { now: new Date(iso), read: () => clock.now };
  return clock;
};

function describeStatsContract(name: string, open: () => StatsStore): void {
  describe(`statistics over the ${name} store`, () => {
    it('when no check was counted, then every day reads as zero checks and no exposure', async () => {
      const stats = new StatsService({ store: open(), clock: () => new Date('2026-11-21T12:00:00Z') });

      expect(await stats.summary(3)).toEqual({
        days: [
          { date: '2026-11-19', checks: 0 },
          { date: '2026-11-20', checks: 0 },
          { date: '2026-11-21', checks: 0 },
        ],
        matchesByExposure: [],
      });
    });

    it('when checks are counted over several UTC days, then each day has its own count, oldest first', async () => {
      const clock = clockAt('2026-11-20T23:59:59.999Z');
      const stats = new StatsService({ store: open(), clock: clock.read, timeZone: 'UTC' });
      stats.record(result(['a', 'b'], ['a']));
      clock.now = new Date('2026-11-21T00:00:00.000Z');
      stats.record(result(['a', 'b'], []));
      stats.record(result(['a', 'b'], ['a', 'b']));

      const summary = await stats.summary(2);

      expect(summary.days).toEqual([
        { date: '2026-11-20', checks: 1 },
        { date: '2026-11-21', checks: 2 },
      ]);
      expect((await stats.summary(1)).days).toEqual([{ date: '2026-11-21', checks: 2 }]);
    });

    it('when checks are counted either side of midnight in Japan (15:00 UTC), then they fall on the two Japanese days', async () => {
      const clock = clockAt('2026-11-20T14:59:59.999Z');
      const stats = new StatsService({ store: open(), clock: clock.read, timeZone: 'Asia/Tokyo' });
      stats.record(result(['a'], ['a']));
      clock.now = new Date('2026-11-20T15:00:00.000Z');
      stats.record(result(['a'], []));
      clock.now = new Date('2026-11-20T23:59:59.999Z');
      stats.record(result(['a'], []));

      // At 08:59 on 21 November in Japan: today is the 21st, though it is still the 20th in UTC.
      expect((await stats.summary(2)).days).toEqual([
        { date: '2026-11-20', checks: 1 },
        { date: '2026-11-21', checks: 2 },
      ]);
    });

    it('when no zone is given, then days are Japanese days (the default of TIME_ZONE)', async () => {
      const clock = clockAt('2026-11-20T15:00:00.000Z');
      const stats = new StatsService({ store: open(), clock: clock.read });
      stats.record(result(['a'], []));

      expect((await stats.summary(1)).days).toEqual([{ date: '2026-11-21', checks: 1 }]);
    });

    it('when the zone changes its clocks, then the days listed are still whole calendar days, one each', async () => {
      // Berlin's summer time began at 01:00 UTC on 29 March 2026: that day was 23 hours long.
      const stats = new StatsService({ store: open(), clock: () => new Date('2026-03-30T21:59:00.000Z'), timeZone: 'Europe/Berlin' });

      expect((await stats.summary(3)).days.map((day) => day.date)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    });

    it('when some checks match, then matches add up per exposure, most first, and an unmatched checked one shows 0', async () => {
      const clock = clockAt('2026-11-20T10:00:00Z');
      const stats = new StatsService({ store: open(), clock: clock.read });
      stats.record(result(['catalog', 'promotion', 'quiet'], ['promotion']));
      clock.now = new Date('2026-11-21T10:00:00Z');
      stats.record(result(['catalog', 'promotion', 'quiet'], ['catalog', 'promotion']));
      stats.record(result(['catalog', 'promotion', 'quiet'], ['promotion']));

      expect((await stats.summary(7)).matchesByExposure).toEqual([
        { exposureId: 'promotion', matches: 3 },
        { exposureId: 'catalog', matches: 1 },
        { exposureId: 'quiet', matches: 0 },
      ]);
      // The day before is outside a one-day summary.
      expect((await stats.summary(1)).matchesByExposure).toEqual([
        { exposureId: 'promotion', matches: 2 },
        { exposureId: 'catalog', matches: 1 },
        { exposureId: 'quiet', matches: 0 },
      ]);
    });

    it.each([0, 401, 1.5, Number.NaN])('when %p days are asked for, then it is a 400 naming days', async (days) => {
      const stats = new StatsService({ store: open() });
      await expect(stats.summary(days)).rejects.toMatchObject({ status: 400, code: 'invalid_request', field: 'days' });
    });

    it('when checks are recorded, then they are written together by the next flush, and a summary flushes first', async () => {
      const store = open();
      const stats = new StatsService({ store, clock: () => new Date('2026-11-21T10:00:00Z') });
      for (let index = 0; index < 20; index += 1) stats.record(result(['a', 'b'], index % 4 === 0 ? ['a'] : []));

      // Nothing written yet: the counts wait in memory for the flush.
      expect(await store.readDays(['2026-11-21'])).toEqual([{ date: '2026-11-21', checks: 0, matches: {} }]);
      await stats.flush();

      expect(await store.readDays(['2026-11-21'])).toEqual([{ date: '2026-11-21', checks: 20, matches: { a: 5, b: 0 } }]);
      stats.record(result(['a', 'b'], ['b']));
      expect(await stats.summary(1)).toEqual({
        days: [{ date: '2026-11-21', checks: 21 }],
        matchesByExposure: [
          { exposureId: 'a', matches: 5 },
          { exposureId: 'b', matches: 1 },
        ],
      });
    });

    it('when checks are recorded and nobody flushes, then the timer writes them', async () => {
      const store = open();
      const stats = new StatsService({ store, clock: () => new Date('2026-11-21T10:00:00Z'), flushIntervalMs: 20 });
      stats.record(result(['a'], ['a']));
      stats.record(result(['a'], []));

      await waitFor(async () => (await store.readDays(['2026-11-21']))[0]?.checks === 2);

      expect(await store.readDays(['2026-11-21'])).toEqual([{ date: '2026-11-21', checks: 2, matches: { a: 1 } }]);
    });
  });
}

/** Polls `condition` until it holds, failing after two seconds. */
async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 2000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('the condition did not hold within 2 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('statistics stores', () => {
  let redis: TestRedis;
  beforeAll(() => {
    redis = newTestRedis();
  });
  afterAll(() => {
    redis.disconnect();
  });

  describeStatsContract('redis', () => new RedisStatsStore(redis, uniquePrefix('stats')));
  describeStatsContract('memory', () => new MemoryStatsStore());

  it('when the store fails, then the failure is logged without the counts\' checks, flush resolves, and later counts are written again', async () => {
    const prefix = uniquePrefix('stats-broken');
    const day = `${prefix}stats:day:2026-11-21`;
    // A day key of the wrong type: a real failure of the real store.
    await redis.set(day, 'not a hash');
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
    const stats = new StatsService({ store: new RedisStatsStore(redis, prefix), clock: () => new Date('2026-11-21T10:00:00Z'), logger });
    stats.record(result(['a'], ['a']));
    stats.record(result(['a'], []));

    await expect(stats.flush()).resolves.toBeUndefined();

    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ level: 40, date: '2026-11-21', checks: 2, err: { message: expect.stringMatching(/WRONGTYPE/) } });
    await redis.del(day);
    stats.record(result(['a'], []));
    expect(await stats.summary(1)).toEqual({ days: [{ date: '2026-11-21', checks: 1 }], matchesByExposure: [{ exposureId: 'a', matches: 0 }] });
  });
});
