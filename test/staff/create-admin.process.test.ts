import { spawn } from 'node:child_process';
import path from 'node:path';
import pino from 'pino';
import { createApp } from '../../src/app';
import { openService, type Service } from '../../src/service';
import { built, type ProcessResult } from '../support/built-process';
import { hexKey, testConfig } from '../support/test-app';
import { sharedStoreEnv, uniquePrefix } from '../support/test-redis';
import { signedIn } from './staff-fixtures';

const ROOT = path.resolve(__dirname, '..', '..');

/** Runs the compiled script with stdin piped (not a terminal), as a provisioning tool would. */
function createAdmin(env: Record<string, string>, args: string[], stdin: string): Promise<ProcessResult> {
  const child = spawn(process.execPath, [built('scripts/create-admin.js'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

describe('scripts/create-admin', () => {
  const env = {
    ...sharedStoreEnv(),
    REDIS_KEY_PREFIX: uniquePrefix('create-admin'),
    OPRF_SECRET_KEY: hexKey(),
    LOG_LEVEL: 'silent',
  };
  let runtime: Service;

  beforeAll(async () => {
    runtime = await openService(testConfig(env), { logger: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await runtime.close();
  });

  it('when run with a username and the password on stdin, then it makes an admin who can sign in and open /admin', async () => {
    const result = await createAdmin(env, ['first-admin', '--display-name', 'First Admin'], 'a long first password\n');

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Created admin "first-admin" \(st-[0-9a-f]{20}\)\. Sign in at \/staff\/login\.\n$/);
    expect(await runtime.staff.service.getByUsername('first-admin')).toMatchObject({ role: 'admin', displayName: 'First Admin', disabled: false });
    const app = createApp(runtime);
    const agent = await signedIn(app, 'first-admin', 'a long first password');
    expect((await agent.get('/admin')).status).toBe(200);
  });

  it('when the username exists already, then it refuses with status 1 and changes nothing', async () => {
    const before = await runtime.staff.service.getByUsername('first-admin');

    const result = await createAdmin(env, ['first-admin'], 'another long password\n');

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('already exists');
    expect(await runtime.staff.service.getByUsername('first-admin')).toEqual(before);
    await expect(signedIn(createApp(runtime), 'first-admin', 'another long password')).rejects.toThrow();
  });

  it('when the password is too short, then nothing is made and the rule is named', async () => {
    const result = await createAdmin(env, ['short-pw'], 'short\n');

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('12 to 256 characters');
    expect(await runtime.staff.service.getByUsername('short-pw')).toBeNull();
  });

  it.each([
    ['no username', []],
    ['a password as a second argument', ['someone', 'my-secret-password']],
    ['an unknown option', ['someone', '--password', 'my-secret-password']],
  ])('when given %s, then it is a usage error (status 2) and nothing is made', async (_name, args) => {
    const result = await createAdmin(env, args, 'a long enough password\n');

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--help');
    expect(await runtime.staff.service.getByUsername('someone')).toBeNull();
  });

  it('when the username is an email address, then it is refused', async () => {
    const result = await createAdmin(env, ['admin@example.jp'], 'a long enough password\n');

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('not an email address');
  });

  it('when neither REDIS_URL nor REDIS_CLUSTER_NODES is set, then it refuses: the demo store would lose the account at once', async () => {
    const result = await createAdmin({ LOG_LEVEL: 'silent' }, ['someone'], 'a long enough password\n');

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('neither REDIS_URL nor REDIS_CLUSTER_NODES is set');
  });
});
