import request from 'supertest';
import { expectChecksFailClosed } from '../support/fail-closed-expectations';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { startTestService, type TestService } from '../support/test-app';

// Its own redis-server: this file stops and restarts it.
describe('when Redis goes away during service', () => {
  let redis: RedisServer;
  let service: TestService;

  beforeAll(async () => {
    redis = await startRedisServer();
    service = await startTestService({ store: 'redis', seed: true, env: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await service.close();
    await redis.stop();
  });

  it('then checks answer 503 unavailable, the page says the check could not be done, and readiness fails', async () => {
    expect((await request(service.app).post('/api/v1/check').send({ email: 'taro.yamada@example.jp' })).body.affected).toBe(
      true,
    );
    await redis.stop();

    await expectChecksFailClosed(service.app);
    const japanese = await request(service.app).post('/check').type('form').send({ email: 'taro.yamada@example.jp', lang: 'ja' });
    expect(japanese.status).toBe(503);
    expect(japanese.text).toContain('確認できませんでした');
    expect(japanese.text).toContain('これは「流出していない」という意味ではありません。');
    expect((await request(service.app).get('/readyz')).status).toBe(503);
    expect((await request(service.app).get('/healthz')).status).toBe(200);
  });

  it('then invalid input is still a 400, not a 503', async () => {
    const response = await request(service.app).post('/api/v1/check').send({ email: 'not-an-email' });
    expect(response.status).toBe(400);
  });

  it('then, once Redis is back but empty, checks still answer 503 and readiness names the lost data', async () => {
    // Same port, empty data: what the lists held is gone, so "not in the lists" would be a lie.
    // (Redis coming back with its data is test/faults/redis-restart-during-checks.process.test.ts.)
    redis = await startRedisServer(redis.port);
    const deadline = Date.now() + 10_000;
    let readiness = await request(service.app).get('/readyz');
    while (Date.now() < deadline && readiness.body.error?.code === 'unavailable') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      readiness = await request(service.app).get('/readyz');
    }
    expect(readiness.status).toBe(503);
    expect(readiness.body.error.code).toBe('store_lost_data');
    await expectChecksFailClosed(service.app);
  });
});
