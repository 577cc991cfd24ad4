import { spawn } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startTestService, type TestService } from '../support/test-app';
import { deleteKeys, keysWithPrefix, newTestRedis, type TestRedis, uniquePrefix } from '../support/test-redis';

/*
 * `npm run -s check -- --server URL` (scripts/check.ts, built): the private check from a terminal,
 * the address read from stdin. Against the real service over HTTP, on Redis with the demo data.
 */
const ROOT = path.resolve(__dirname, '..', '..');

function runCheck(args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/scripts/check.js'), ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('npm run -s check', () => {
  const prefix = uniquePrefix('check-cli');
  let service: TestService;
  let server: Server;
  let origin: string;
  let redis: TestRedis;

  beforeAll(async () => {
    service = await startTestService({ store: 'shared', prefix, seed: true });
    server = await new Promise((resolve) => {
      const listening = service.app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    redis = newTestRedis();
  });
  afterAll(async () => {
    redis.disconnect();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await service.close();
  });

  it('when a listed address comes on stdin, then it prints the exposure found and exits 0', async () => {
    const result = await runCheck(['--server', origin], 'taro.yamada@example.jp\n');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Found in the exposed data of:');
    expect(result.stdout).not.toContain('taro.yamada');
  });

  it('when asked for JSON, then an unlisted address is "not affected" with the lists it was checked against', async () => {
    const result = await runCheck(['--server', origin, '--json'], 'someone.else@example.org');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      kind: 'checked',
      affected: false,
      found: [],
      checked: ['porsche-japan-2018-catalog', 'porsche-japan-2018-promotion'],
      notCheckableByEmail: expect.any(Array),
    });
  });

  it('when the input is not an address, then it says so and exits 2', async () => {
    const result = await runCheck(['--server', origin], 'not-an-address\n');
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Not an email address');
  });

  it('when --server is missing, then it says how to call it and exits 1', async () => {
    const result = await runCheck([], 'taro.yamada@example.jp');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--server is required');
  });

  it('when the store was wiped, then it prints the refusal and exits 3, never "not in the lists"', async () => {
    const keys = await keysWithPrefix(redis, prefix);
    await deleteKeys(redis, keys);
    const result = await runCheck(['--server', origin], 'someone.else@example.org');
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('HTTP 503');
    expect(result.stdout).not.toContain('Not in the lists');
  });
});
