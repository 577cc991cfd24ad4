import request from 'supertest';
import { FAST_ARGON2 } from '../admin/admin-fixtures';
import { until } from '../support/eventually';
import { expectChecksFailClosed } from '../support/fail-closed-expectations';
import { persistentRedis, type PersistentRedis } from '../faults/persistent-redis';
import { startTestService, type TestService } from '../support/test-app';

// Its own redis-server, with its data kept across the restart (one that came back empty would have
// lost the lists: test/faults/store-lost-data.process.test.ts): this file stops and restarts it.
describe('when the rate limiter cannot reach Redis', () => {
  let redis: PersistentRedis;
  let service: TestService;

  beforeAll(async () => {
    redis = await persistentRedis();
    service = await startTestService({
      store: 'redis',
      seed: true,
      env: {
        REDIS_URL: redis.url,
        RATE_LIMIT_PER_IP: '100',
        RATE_LIMIT_PER_IPV6_64: '100',
        RATE_LIMIT_GLOBAL: '1000',
        ...FAST_ARGON2,
      },
    });
  });
  afterAll(async () => {
    await service.close();
    await redis.dispose();
  });

  it('then checks fail closed with 503 unavailable, never 429 and never "not affected"', async () => {
    expect((await request(service.app).post('/api/v1/check').send({ email: 'taro.yamada@example.jp' })).status).toBe(200);
    await redis.crash();

    await expectChecksFailClosed(service.app);
  });

  it('then, once Redis is back, checks are admitted again without a restart', async () => {
    await redis.start();

    const status = await until('a check is admitted again', async () => {
      const response = await request(service.app).post('/api/v1/check').send({ email: 'taro.yamada@example.jp' });
      // Until ioredis has reconnected, the honest 503 goes on; a 429 or a 500 would be a bug.
      expect([200, 503]).toContain(response.status);
      return response.status === 200 ? response.status : undefined;
    });

    expect(status).toBe(200);
  });
});
