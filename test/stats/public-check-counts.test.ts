import pino from 'pino';
import request from 'supertest';
import { localDate } from '../../src/shared/time-zone';
import type { StatsSummary } from '../../src/stats/stats-service';
import { startTestService, type TestService } from '../support/test-app';
import { newTestRedis, type TestRedis } from '../support/test-redis';

const CATALOG = 'porsche-japan-2018-catalog';
const PROMOTION = 'porsche-japan-2018-promotion';
const SUPPORT_ACTOR = { kind: 'staff', staffId: 'st-1', username: 'sato.support', role: 'support' } as const;

/** Two days, so a run across midnight (of TIME_ZONE) still sees every check; a summary writes the counts held in memory first. */
async function totals(service: TestService): Promise<{ checks: number; matches: (exposureId: string) => number }> {
  const summary: StatsSummary = await service.runtime.stats.service.summary(2);
  return {
    checks: summary.days.reduce((sum, day) => sum + day.checks, 0),
    matches: (exposureId) => summary.matchesByExposure.find((entry) => entry.exposureId === exposureId)?.matches ?? 0,
  };
}

describe('statistics of public checks', () => {
  describe('when customers check through the API and the page', () => {
    let service: TestService;
    beforeAll(async () => {
      service = await startTestService({ store: 'shared', seed: true });
    });
    afterAll(async () => {
      await service.close();
    });

    it('then every answered check is counted once for its day, and each match for its exposure', async () => {
      const before = await totals(service);

      await request(service.app).post('/api/v1/check').send({ email: 'taro.yamada@example.jp' }).expect(200);
      await request(service.app).post('/check').type('form').send({ email: 'not.listed@example.com' }).expect(200);
      await request(service.app).post('/check').type('form').send({ email: 'hanako.suzuki@example.jp' }).expect(200);
      await request(service.app).post('/api/v1/check').send({ email: 'ｎｏｂｏｄｙ＠ｅｘａｍｐｌｅ．ｊｐ' }).expect(200);

      const after = await totals(service);
      expect(after.checks - before.checks).toBe(4);
      expect(after.matches(CATALOG) - before.matches(CATALOG)).toBe(1);
      expect(after.matches(PROMOTION) - before.matches(PROMOTION)).toBe(1);
    });

    it('then refused input is not a check made: an invalid address is not counted', async () => {
      const before = await totals(service);

      await request(service.app).post('/api/v1/check').send({ email: 'not an address' }).expect(400);
      await request(service.app).post('/check').type('form').send({ email: 'not an address' }).expect(400);

      expect((await totals(service)).checks).toBe(before.checks);
    });

    it('then a support check on a caller\'s behalf is not counted as a public check', async () => {
      const before = await totals(service);

      const answer = await service.runtime.support.service.checkForCaller({
        actor: SUPPORT_ACTOR,
        ticketRef: 'ZD-STATS-1',
        email: 'taro.yamada@example.jp',
      });

      expect(answer.affected).toBe(true);
      const after = await totals(service);
      expect(after.checks).toBe(before.checks);
      expect(after.matches(CATALOG)).toBe(before.matches(CATALOG));
    });
  });

  describe('when counting fails', () => {
    let service: TestService;
    let redis: TestRedis;
    const logLines: string[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);

    beforeAll(async () => {
      const logger = pino({ level: 'warn' }, { write: (line: string) => logLines.push(line) });
      service = await startTestService({ store: 'shared', seed: true, logger });
      redis = newTestRedis();
      process.on('unhandledRejection', onUnhandled);
    });
    afterAll(async () => {
      process.off('unhandledRejection', onUnhandled);
      redis.disconnect();
      await service.close();
    });

    it('then the customer still gets the right answer, and the failure is logged without the address', async () => {
      const { app } = service;
      const stats = service.runtime.stats.service;
      // Today's counters (a day of TIME_ZONE) as a key of the wrong type: every count now fails inside Redis.
      const zone = service.config.timeZone;
      for (const day of [localDate(new Date(), zone), localDate(new Date(Date.now() + 60_000), zone)]) {
        await redis.set(`${service.config.redisKeyPrefix}stats:day:${day}`, 'not a hash');
      }

      const hit = await request(app).post('/api/v1/check').send({ email: 'taro.yamada@example.jp' });
      const miss = await request(app).post('/api/v1/check').send({ email: 'not.listed@example.com' });
      const page = await request(app).post('/check').type('form').send({ email: 'taro.yamada@example.jp', lang: 'en' });
      await stats.flush();
      // Give any stray rejection the turn it would need to be reported.
      await new Promise((resolve) => setImmediate(resolve));

      expect(hit.status).toBe(200);
      expect(hit.body.affected).toBe(true);
      expect(hit.body.exposures.map((exposure: { id: string }) => exposure.id)).toEqual([CATALOG]);
      expect(miss.status).toBe(200);
      expect(miss.body.affected).toBe(false);
      expect(page.status).toBe(200);
      // The three checks were counted together, so one write failed, naming how many it lost.
      const warnings = logLines.filter((line) => line.includes('writing the counts of public checks failed'));
      expect(warnings.map((line) => JSON.parse(line).checks as number).reduce((sum, checks) => sum + checks, 0)).toBe(3);
      expect(warnings.join('\n')).toContain('WRONGTYPE');
      expect(logLines.join('\n')).not.toMatch(/taro|yamada|not\.listed/);
      expect(unhandled).toEqual([]);
    });
  });

  describe('when the service runs in demo mode (memory store)', () => {
    let service: TestService;
    beforeAll(async () => {
      service = await startTestService({ store: 'memory' });
    });
    afterAll(async () => {
      await service.close();
    });

    it('then checks are counted in memory the same way', async () => {
      await request(service.app).post('/api/v1/check').send({ email: 'taro.yamada@example.jp' }).expect(200);
      await request(service.app).post('/check').type('form').send({ email: 'nobody@example.com' }).expect(200);

      const after = await totals(service);
      expect(after.checks).toBe(2);
      expect(after.matches(CATALOG)).toBe(1);
      expect(after.matches(PROMOTION)).toBe(0);
    });
  });
});
