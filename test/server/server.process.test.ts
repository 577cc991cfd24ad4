import { connect } from 'node:net';
import { FAST_ARGON2 } from '../admin/admin-fixtures';
import { freePort } from '../support/redis-server';
import { runBuilt, startBuiltServer } from '../support/built-process';
import { hexKey, startTestService } from '../support/test-app';
import { sharedStoreEnv, testRedisUrl, uniquePrefix } from '../support/test-redis';

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
    const original = await startTestService({ store: 'shared', prefix, key: hexKey() });
    await original.close();
    const result = await runBuilt('src/server.js', {
      ...sharedStoreEnv(),
      REDIS_KEY_PREFIX: prefix,
      OPRF_SECRET_KEY: hexKey(),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('OPRF_SECRET_KEY does not match');
  });

  it('when seed:demo runs against Redis, then a server on that store finds the demo addresses', async () => {
    const env = { ...sharedStoreEnv(), REDIS_KEY_PREFIX: uniquePrefix('seed'), OPRF_SECRET_KEY: hexKey(), LOG_LEVEL: 'warn' };
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

/**
 * Whether something accepts connections on `address`:`port`. 127.0.0.2 is this machine too (all of
 * 127.0.0.0/8 is loopback on Linux), but a server bound to 127.0.0.1 alone refuses it, while one on
 * every interface accepts it.
 */
function accepts(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, address);
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** In demo mode the server listened on every interface while logging the demo admin's password. */
describe('where the built server listens (HOST)', () => {
  it('when started in demo mode without HOST, then it accepts connections on 127.0.0.1 only', async () => {
    const port = await freePort();
    const server = await startBuiltServer({ LOG_LEVEL: 'info' }, port);
    try {
      expect(await accepts('127.0.0.1', port)).toBe(true);
      expect(await accepts('127.0.0.2', port)).toBe(false);
      expect(server.output()).toContain('"host":"127.0.0.1"');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('when started in demo mode with HOST=0.0.0.0, then it accepts connections on every interface and warns about it', async () => {
    const port = await freePort();
    const server = await startBuiltServer({ LOG_LEVEL: 'info', HOST: '0.0.0.0' }, port);
    try {
      expect(await accepts('127.0.0.2', port)).toBe(true);
      expect(server.output()).toContain('DEMO MODE on a network interface (HOST)');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('when started with REDIS_URL and without HOST, then it accepts connections on every interface', async () => {
    const port = await freePort();
    const env = { ...sharedStoreEnv(), REDIS_KEY_PREFIX: uniquePrefix('host'), OPRF_SECRET_KEY: hexKey(), LOG_LEVEL: 'info' };
    const server = await startBuiltServer(env, port);
    try {
      expect(await accepts('127.0.0.2', port)).toBe(true);
      expect(server.output()).not.toContain('DEMO MODE on a network interface');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('when HOST is not an IP address, then it exits 1 naming HOST', async () => {
    const result = await runBuilt('src/server.js', { HOST: 'check.example.jp', PORT: String(await freePort()) });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('HOST must be an IP address to listen on');
  });

  it('when HOST is an address of no interface of this machine, then it exits 1 naming HOST', async () => {
    // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never assigned to a real interface.
    const port = await freePort();
    const result = await runBuilt('src/server.js', { HOST: '192.0.2.1', PORT: String(port), ...FAST_ARGON2 });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Cannot listen on HOST 192.0.2.1 PORT ${port}: EADDRNOTAVAIL`);
  });
});
