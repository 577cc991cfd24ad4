import Redis from 'ioredis';
import type { CheckResult, ExposureWithIncident } from '../../src/check/check-result';
import { MemoryStatsStore } from '../../src/stats/memory-stats-store';
import { RedisStatsStore } from '../../src/stats/redis-stats-store';
import { StatsService } from '../../src/stats/stats-service';
import type { StatsStore } from '../../src/stats/stats-store';
import { startRedisServer } from '../support/redis-server';
import { keysWithPrefix, newTestRedis, uniquePrefix } from '../support/test-redis';

function exposure(id: string): ExposureWithIncident {
  return {
    id,
    incidentId: 'inc-1',
    title: { en: id },
    dataExposed: ['email_address'],
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
      const stats = new StatsService({ store: open(), clock: clock.read });
      await stats.record(result(['a', 'b'], ['a']));
      clock.now = new Date('2026-11-21T00:00:00.000Z');
      await stats.record(result(['a', 'b'], []));
      await stats.record(result(['a', 'b'], ['a', 'b']));

      const summary = await stats.summary(2);

      expect(summary.days).toEqual([
        { date: '2026-11-20', checks: 1 },
        { date: '2026-11-21', checks: 2 },
      ]);
      expect((await stats.summary(1)).days).toEqual([{ date: '2026-11-21', checks: 2 }]);
    });

    it('when some checks match, then matches add up per exposure, most first, and an unmatched checked one shows 0', async () => {
      const clock = clockAt('2026-11-20T10:00:00Z');
      const stats = new StatsService({ store: open(), clock: clock.read });
      await stats.record(result(['catalog', 'promotion', 'quiet'], ['promotion']));
      clock.now = new Date('2026-11-21T10:00:00Z');
      await stats.record(result(['catalog', 'promotion', 'quiet'], ['catalog', 'promotion']));
      await stats.record(result(['catalog', 'promotion', 'quiet'], ['promotion']));

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

    it('when counts are started and not awaited, then settled() waits for every one of them', async () => {
      const stats = new StatsService({ store: open(), clock: () => new Date('2026-11-21T10:00:00Z') });
      for (let index = 0; index < 20; index += 1) void stats.record(result(['a'], ['a']));

      await stats.settled();

      expect((await stats.summary(1)).days).toEqual([{ date: '2026-11-21', checks: 20 }]);
    });
  });
}

describe('statistics stores', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = newTestRedis();
  });
  afterAll(() => {
    redis.disconnect();
  });

  describeStatsContract('redis', () => new RedisStatsStore(redis, uniquePrefix('stats')));
  describeStatsContract('memory', () => new MemoryStatsStore());

  it('when a check is counted in Redis, then one hash per day holds counters only, and expires after 400 days', async () => {
    const prefix = uniquePrefix('stats-layout');
    const stats = new StatsService({ store: new RedisStatsStore(redis, prefix), clock: () => new Date() });
    await stats.record(result(['porsche-catalog', 'porsche-promotion'], ['porsche-catalog']));
    const today = new Date().toISOString().slice(0, 10);

    const [key] = await keysWithPrefix(redis, prefix);

    expect(await keysWithPrefix(redis, prefix)).toEqual([`${prefix}stats:day:${today}`]);
    expect(await redis.hgetall(key!)).toEqual({ checks: '1', 'match:porsche-catalog': '1', 'match:porsche-promotion': '0' });
    const ttl = await redis.ttl(key!);
    expect(ttl).toBeGreaterThan(399 * 86_400);
    expect(ttl).toBeLessThanOrEqual(400 * 86_400);
  });

  it('when Redis has forgotten the counting script (a restart), then the next count loads it again and counts', async () => {
    // A Redis of its own: flushing the shared one's scripts would reach into other test files.
    const server = await startRedisServer();
    const own = new Redis(server.url, { maxRetriesPerRequest: 1 });
    try {
      const stats = new StatsService({ store: new RedisStatsStore(own, 'stats:'), clock: () => new Date('2026-11-21T10:00:00Z') });
      await stats.record(result(['a'], ['a']));
      await own.script('FLUSH');

      await stats.record(result(['a'], []));

      expect(await stats.summary(1)).toEqual({
        days: [{ date: '2026-11-21', checks: 2 }],
        matchesByExposure: [{ exposureId: 'a', matches: 1 }],
      });
    } finally {
      own.disconnect();
      await server.stop();
    }
  });

  it('when the store fails, then record rejects and settled() still resolves', async () => {
    const prefix = uniquePrefix('stats-broken');
    // A day key of the wrong type: a real failure of the real store.
    await redis.set(`${prefix}stats:day:2026-11-21`, 'not a hash');
    const stats = new StatsService({ store: new RedisStatsStore(redis, prefix), clock: () => new Date('2026-11-21T10:00:00Z') });

    await expect(stats.record(result(['a'], ['a']))).rejects.toThrow(/WRONGTYPE/);
    await expect(stats.settled()).resolves.toBeUndefined();
  });
});
