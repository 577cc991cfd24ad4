import { freePort } from '../support/redis-server';
import { runBuilt, startBuiltServer } from '../support/built-process';
import { hexKey, startTestService } from '../support/test-app';
import { testRedisUrl, uniquePrefix } from '../support/test-redis';

async function checkEmail(baseUrl: string, email: string): Promise<{ status: number; body: { affected?: boolean } }> {
  const response = await fetch(`${baseUrl}/api/v1/check`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  return { status: response.status, body: (await response.json()) as { affected?: boolean } };
}

describe('the built server process', () => {
  it('when started without REDIS_URL, then it serves the demo data and stops cleanly on SIGTERM', async () => {
    const server = await startBuiltServer({ LOG_LEVEL: 'info' }, await freePort());
    try {
      const page = await fetch(`${server.baseUrl}/`, { headers: { 'Accept-Language': 'en' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Demo: ');
      expect((await checkEmail(server.baseUrl, 'taro.yamada@example.jp')).body.affected).toBe(true);
      expect((await checkEmail(server.baseUrl, 'ｔａｒｏ．ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ')).body.affected).toBe(true);
      expect((await checkEmail(server.baseUrl, `random-${Date.now()}@example.com`)).body.affected).toBe(false);
      expect((await checkEmail(server.baseUrl, 'not-an-email')).status).toBe(400);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('when REDIS_URL is set without a key, then it exits 1 naming OPRF_SECRET_KEY', async () => {
    const result = await runBuilt('src/server.js', { REDIS_URL: testRedisUrl() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('OPRF_SECRET_KEY is required when REDIS_URL is set');
  });

  it('when started with another key than the store was written with, then it exits 1 and says so', async () => {
    const prefix = uniquePrefix('process');
    const original = await startTestService({ store: 'redis', prefix, key: hexKey() });
    await original.close();
    const result = await runBuilt('src/server.js', {
      REDIS_URL: testRedisUrl(),
      REDIS_KEY_PREFIX: prefix,
      OPRF_SECRET_KEY: hexKey(),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('OPRF_SECRET_KEY does not match');
  });

  it('when seed:demo runs against Redis, then a server on that store finds the demo addresses', async () => {
    const env = { REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: uniquePrefix('seed'), OPRF_SECRET_KEY: hexKey(), LOG_LEVEL: 'warn' };
    const seeded = await runBuilt('scripts/seed-demo.js', env);
    expect(seeded.stderr).toBe('');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/porsche-japan-2018-catalog: \d+ records live/);

    const server = await startBuiltServer({ ...env, LOG_LEVEL: 'info' }, await freePort());
    try {
      expect((await checkEmail(server.baseUrl, 'taro.yamada@example.jp')).body.affected).toBe(true);
      expect((await checkEmail(server.baseUrl, 'hanako.suzuki@example.jp')).body.affected).toBe(true);
      expect((await checkEmail(server.baseUrl, `random-${Date.now()}@example.com`)).body.affected).toBe(false);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
