import Redis from 'ioredis';
import request from 'supertest';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { startTestService, type TestService } from '../support/test-app';

/**
 * A hit and a miss must cost the same work, or their timing tells them apart. Measured where it
 * happens: Redis counts the commands and bytes it served (a redis-server of this file's own, so no
 * other test's traffic is counted), and the check queue counts the argon2 hashes it ran. Counting
 * the check for the statistics (src/stats/) costs a check no Redis command: the counts of a second's
 * checks are written together later, and that write is measured here too.
 */
interface Work {
  /** Calls per Redis command, e.g. { evalsha: 2, hgetall: 4 }. */
  commands: Record<string, number>;
  netInputBytes: number;
  netOutputBytes: number;
  argon2Hashes: number;
}

const NO_RATE_LIMITS = { RATE_LIMIT_PER_IP: '0', RATE_LIMIT_PER_IPV6_64: '0', RATE_LIMIT_GLOBAL: '0' };
const LIVE_LISTS = 2;

describe('when a listed and an unlisted address are checked', () => {
  let redis: RedisServer;
  let observer: Redis;
  let service: TestService;

  beforeAll(async () => {
    redis = await startRedisServer();
    observer = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    service = await startTestService({ store: 'redis', seed: true, env: { REDIS_URL: redis.url, ...NO_RATE_LIMITS } });
    // The first check reads the hashing profile once and caches it: not part of either answer.
    await request(service.app).post('/api/v1/check').send({ email: 'warm.up@example.com' });
    await service.runtime.stats.service.flush();
  });
  afterAll(async () => {
    await service.close();
    observer.disconnect();
    await redis.stop();
  });

  /** The work of `action`; unless told not to, earlier checks' counts are written before it starts. */
  async function workOf(action: () => Promise<unknown>, options = { flushFirst: true }): Promise<Work> {
    const finishedBefore = service.runtime.check.queue.stats().finished;
    // Checks share a catalogue snapshot for up to a second, whatever address they check; whether a
    // check finds it cached depends only on timing, so each measured check starts without one.
    service.runtime.catalog.service.invalidate();
    // Earlier checks' counts, written now rather than by their timer in the middle of this measurement.
    if (options.flushFirst) await service.runtime.stats.service.flush();
    await observer.config('RESETSTAT');
    await action();
    // Bytes first: this INFO's request is counted alike every time, its variable-length reply is not.
    const stats = await observer.info('stats');
    const commandStats = await observer.info('commandstats');
    const commands: Record<string, number> = {};
    for (const [, name, calls] of commandStats.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
      // The observer's own commands (Redis 7 names CONFIG's as config|resetstat).
      if (name === 'info' || name?.startsWith('config')) continue;
      commands[name as string] = Number(calls);
    }
    const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(stats)?.[1]);
    return {
      commands,
      netInputBytes: field('total_net_input_bytes'),
      netOutputBytes: field('total_net_output_bytes'),
      argon2Hashes: service.runtime.check.queue.stats().finished - finishedBefore,
    };
  }

  const viaApi = (email: string) => async () => {
    const response = await request(service.app).post('/api/v1/check').send({ email });
    expect(response.status).toBe(200);
    return response.body.affected as boolean;
  };
  const viaPage = (email: string) => async () => {
    const response = await request(service.app).post('/check').type('form').send({ email, lang: 'ja' });
    expect(response.status).toBe(200);
  };

  it('then through the API they cost the same argon2 hashes, Redis commands and Redis bytes', async () => {
    const hitCatalog = await workOf(viaApi('taro.yamada@example.jp'));
    const hitPromotion = await workOf(viaApi('hanako.suzuki@example.jp'));
    const miss = await workOf(viaApi('not.listed@example.com'));
    const missFullWidth = await workOf(viaApi('ｎｏｂｏｄｙ＠ｅｘａｍｐｌｅ．ｊｐ'));

    expect(hitCatalog).toEqual(miss);
    expect(hitPromotion).toEqual(miss);
    expect(missFullWidth).toEqual(miss);
    expect(miss.argon2Hashes).toBe(1);
    // Every live list is probed, even after a hit: no short cut that only a miss would take. Each
    // probe searches its stored bucket inside Redis (a script whose GET Redis counts too; its reply
    // says whether the key exists and whether the digest is in it, in one byte), and asks the
    // bucket map's bit and guard (a lost key is a 503, never a miss).
    expect(miss.commands).toMatchObject({ evalsha: LIVE_LISTS, get: LIVE_LISTS, getbit: 2 * LIVE_LISTS });
    expect(miss.netInputBytes).toBeGreaterThan(0);
  });

  it('then through the form they cost the same work too, and the same as through the API', async () => {
    const apiMiss = await workOf(viaApi('not.listed@example.com'));
    const pageHit = await workOf(viaPage('taro.yamada@example.jp'));
    const pageMiss = await workOf(viaPage('not.listed@example.com'));

    expect(pageHit).toEqual(pageMiss);
    expect(pageMiss).toEqual(apiMiss);
  });

  it('then counting them for the statistics costs no command of their own, and their counts are written with the same commands', async () => {
    // Two days, so a run across midnight (UTC) still sees both checks.
    const before = await service.runtime.stats.service.summary(2);
    const writeCounts = () => service.runtime.stats.service.flush();
    const hit = await workOf(viaPage('taro.yamada@example.jp'));
    const hitWritten = await workOf(writeCounts, { flushFirst: false });
    const miss = await workOf(viaApi('not.listed@example.com'));
    const missWritten = await workOf(writeCounts, { flushFirst: false });
    const after = await service.runtime.stats.service.summary(2);
    const checks = (summary: typeof after) => summary.days.reduce((sum, day) => sum + day.checks, 0);

    expect(hit).toEqual(miss);
    expect(miss.commands.hincrby).toBeUndefined();
    // The same commands and bytes sent. The replies carry the day's new totals, whose digits grow
    // (9 -> 10) whatever was checked; and the write happens a second later, after both answers.
    expect(hitWritten.commands).toEqual(missWritten.commands);
    expect(hitWritten.netInputBytes).toBe(missWritten.netInputBytes);
    // One transaction: the day's check count, then + 1 or + 0 for every live list, then the expiry.
    expect(missWritten.commands).toEqual({ multi: 1, hincrby: 1 + LIVE_LISTS, expire: 1, exec: 1 });
    expect(checks(after) - checks(before)).toBe(2);
    const matches = (summary: typeof after, exposureId: string) =>
      summary.matchesByExposure.find((entry) => entry.exposureId === exposureId)?.matches ?? 0;
    expect(matches(after, 'porsche-japan-2018-catalog') - matches(before, 'porsche-japan-2018-catalog')).toBe(1);
    expect(matches(after, 'porsche-japan-2018-promotion')).toBe(matches(before, 'porsche-japan-2018-promotion'));
  });

  it('then the answers differ as they should: the work was the same, the result was not', async () => {
    expect(await viaApi('taro.yamada@example.jp')()).toBe(true);
    expect(await viaApi('not.listed@example.com')()).toBe(false);
  });
});
