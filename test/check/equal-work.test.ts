import Redis from 'ioredis';
import request from 'supertest';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { startTestService, type TestService } from '../support/test-app';

/**
 * A hit and a miss must cost the same work, or their timing tells them apart. Measured where it
 * happens: Redis counts the commands and bytes it served (a redis-server of this file's own, so no
 * other test's traffic is counted), and the check queue counts the argon2 hashes it ran. The work
 * includes counting the check for the statistics (src/stats/), which is written after the answer.
 */
interface Work {
  /** Calls per Redis command, e.g. { hexists: 2, hgetall: 4 }. */
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
    // The first check reads the hashing profile once and caches it, and loads the statistics
    // script into Redis: not part of either answer.
    await request(service.app).post('/api/v1/check').send({ email: 'warm.up@example.com' });
  });
  afterAll(async () => {
    await service.close();
    observer.disconnect();
    await redis.stop();
  });

  async function workOf(action: () => Promise<unknown>): Promise<Work> {
    const finishedBefore = service.runtime.checkQueue.stats().finished;
    // Checks share a catalogue snapshot for up to a second, whatever address they check; whether a
    // check finds it cached depends only on timing, so each measured check starts without one.
    service.runtime.catalog.invalidate();
    await observer.config('RESETSTAT');
    await action();
    // The count is written after the answer is sent: wait for it, so it is part of this check's work.
    await service.runtime.stats.settled();
    // Bytes first: this INFO's request is counted alike every time, its variable-length reply is not.
    const stats = await observer.info('stats');
    const commandStats = await observer.info('commandstats');
    const commands: Record<string, number> = {};
    for (const [, name, calls] of commandStats.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
      // The observer's own commands.
      if (name === 'info' || name === 'config') continue;
      commands[name as string] = Number(calls);
    }
    const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(stats)?.[1]);
    return {
      commands,
      netInputBytes: field('total_net_input_bytes'),
      netOutputBytes: field('total_net_output_bytes'),
      argon2Hashes: service.runtime.checkQueue.stats().finished - finishedBefore,
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
    // Every live list is probed, even after a hit: no short cut that only a miss would take.
    expect(miss.commands.hexists).toBe(LIVE_LISTS);
    expect(miss.netInputBytes).toBeGreaterThan(0);
  });

  it('then through the form they cost the same work too, and the same as through the API', async () => {
    const apiMiss = await workOf(viaApi('not.listed@example.com'));
    const pageHit = await workOf(viaPage('taro.yamada@example.jp'));
    const pageMiss = await workOf(viaPage('not.listed@example.com'));

    expect(pageHit).toEqual(pageMiss);
    expect(pageMiss).toEqual(apiMiss);
  });

  it('then the statistics count the checks with the same commands: one script call per check', async () => {
    // Two days, so a run across midnight (UTC) still sees both checks.
    const before = await service.runtime.stats.summary(2);
    const hit = await workOf(viaPage('taro.yamada@example.jp'));
    const miss = await workOf(viaApi('not.listed@example.com'));
    const after = await service.runtime.stats.summary(2);
    const checks = (summary: typeof after) => summary.days.reduce((sum, day) => sum + day.checks, 0);

    expect(hit).toEqual(miss);
    expect(miss.commands.evalsha).toBe(1);
    // Inside the script: the day's check count, then + 1 or + 0 for every live list.
    expect(miss.commands.hincrby).toBe(1 + LIVE_LISTS);
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
