import request from 'supertest';
import { addDays, DEFAULT_TIME_ZONE, localDate } from '../../src/shared/time-zone';
import { runBuilt, spawnBuilt, type BuiltProcess } from '../support/built-process';
import { until } from '../support/eventually';
import { freePort } from '../support/redis-server';
import { hexKey, NO_RATE_LIMITS, startTestService, type TestService } from '../support/test-app';
import { newTestRedis, sharedStoreEnv, uniquePrefix } from '../support/test-redis';
import { holdCheck } from './held-request';

async function startServer(extraEnv: Record<string, string>): Promise<{ process: BuiltProcess; port: number; prefix: string }> {
  const prefix = uniquePrefix('lifecycle');
  const env = { ...sharedStoreEnv(), REDIS_KEY_PREFIX: prefix, OPRF_SECRET_KEY: hexKey(), ...NO_RATE_LIMITS, LOG_LEVEL: 'info' };
  const seeded = await runBuilt('scripts/seed-demo.js', env);
  if (seeded.code !== 0) throw new Error(`seed-demo failed: ${seeded.stderr}`);
  const port = await freePort();
  const server = spawnBuilt('src/server.js', { ...env, ...extraEnv, PORT: String(port) });
  await until('the server is ready', async () => ((await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false)) ? true : undefined), 30_000);
  return { process: server, port, prefix };
}

const refusesConnections = (port: number) => async () =>
  (await fetch(`http://127.0.0.1:${port}/healthz`).then(() => false, () => true)) ? true : undefined;

describe('when the server process gets SIGTERM', () => {
  it('then it stops accepting, lets a check in flight finish with the right answer, counts it, closes the store and exits 0', async () => {
    const { process: server, port, prefix } = await startServer({});
    const redis = newTestRedis();
    try {
      const held = await holdCheck(port, 'taro.yamada@example.jp');

      server.kill('SIGTERM');
      await until('the server refuses new connections', refusesConnections(port));
      const answer = await held.release();
      const result = await server.finished;

      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({ affected: true, exposures: [{ id: 'porsche-japan-2018-catalog' }] });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('in-flight requests drained');
      expect(result.stdout).toContain('store and worker pool closed');
      expect(result.stdout).not.toContain('drain deadline reached');
      // Answered a moment before the exit, before the once-a-second write was due: written at shutdown.
      // Counted under the day in the configured zone (TIME_ZONE, Asia/Tokyo by default): today's, or yesterday's just after midnight.
      const today = localDate(new Date(), DEFAULT_TIME_ZONE);
      const days = await Promise.all([today, addDays(today, -1)].map((day) => redis.hget(`${prefix}stats:day:${day}`, 'checks')));
      expect(days.map(Number).reduce((sum, checks) => sum + checks, 0)).toBe(1);
    } finally {
      server.kill('SIGKILL');
      redis.disconnect();
    }
  });

  it('then a request that never finishes is cut off at SHUTDOWN_TIMEOUT_SECONDS, with a log line and exit code 1', async () => {
    const { process: server, port } = await startServer({ SHUTDOWN_TIMEOUT_SECONDS: '1' });
    try {
      const held = await holdCheck(port, 'taro.yamada@example.jp');

      server.kill('SIGTERM');
      const result = await server.finished;

      expect(result.code).toBe(1);
      expect(result.stdout).toContain('drain deadline reached');
      expect(await held.closed).not.toMatch(/HTTP\/1\.1 200/);
    } finally {
      server.kill('SIGKILL');
    }
  });
});

describe('when the app is draining', () => {
  let service: TestService;
  let app: TestService['app'];

  beforeAll(async () => {
    service = await startTestService({ store: 'shared', seed: true });
    app = service.app;
  });
  afterAll(() => service.close());

  it('then /readyz turns 503 so a load balancer stops sending, while liveness and answers go on, asking clients to close', async () => {
    expect((await request(app).get('/readyz')).status).toBe(200);

    service.runtime.readiness.startDraining();

    const ready = await request(app).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ error: { code: 'draining', message: expect.any(String) } });
    expect((await request(app).get('/healthz')).status).toBe(200);
    const check = await request(app).post('/api/v1/check').send({ email: 'taro.yamada@example.jp' });
    expect(check.status).toBe(200);
    expect(check.body.affected).toBe(true);
    expect(check.headers.connection).toBe('close');
  });
});
