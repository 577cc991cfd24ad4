import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import type { HashingProfile } from '../../src/hashing/hashing-profile';
import { argon2idOf } from '../../src/hashing/list-entry';
import { ADMIN_TOKEN, FAST_ARGON2, MINIMAL_EXPOSURE, MINIMAL_INCIDENT } from '../admin/admin-fixtures';
import { built, startBuiltServer, type RunningServer } from '../support/built-process';
import { until } from '../support/eventually';
import { runLoadList } from '../support/load-list-fixtures';
import { freePort, startRedisCluster } from '../support/redis-server';
import {
  APP,
  forRedisVersion,
  readCompose,
  REDIS,
  requiredHostEnv,
  resolvedCommand,
  resolvedEnvironment,
  ROOT,
  service,
} from './compose-file';

/*
 * The compose file's Redis, ACLs and all, under the built server: redis-server runs with the
 * arguments docker-compose.yml gives it (parsed from the file, with only the port, address and
 * data directory added, and an inspector user of the test's own to read ACL LOG), once as one
 * Redis and once as every node of a Redis Cluster (3 masters, 3 replicas); the server runs with the
 * app service's environment (REDIS_URL pointed at that port, or REDIS_CLUSTER_NODES with the same
 * user and password; cheap argon2 costs, high check limits, HOST on loopback). Then every path that talks to Redis: readiness, a staff sign-in
 * and the consoles, an API token, a list uploaded and published, public and private checks, an
 * erasure, a sign-out, a graceful stop. Any command the ACL refuses fails the test: ACL LOG (which
 * records refusals inside Lua scripts too, and those ioredis swallows) must hold none, and the
 * server's log no NOPERM.
 */

const LISTED = 'taro.yamada@example.jp';
const NOT_LISTED = 'someone.else@example.org';
const STAFF_USERNAME = 'first-admin';
const STAFF_PASSWORD = 'a long first password';
const INSPECTOR = 'acl-test-inspector';
const SLOW_MS = 60_000;

function localRedisVersion(): string {
  const version = /\bv=(\d+\.\d+\.\d+)/.exec(spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).stdout)?.[1];
  if (version === undefined) throw new Error('redis-server --version printed no version');
  return version;
}

/** One reply line to each inline command, over a bare socket (no client library's retries and handshakes). */
async function rawReplies(port: number, commands: readonly string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let received = '';
    socket.setTimeout(5_000, () => socket.destroy(new Error('no answer from redis-server')));
    socket.once('connect', () => socket.write(commands.map((command) => `${command}\r\n`).join('')));
    socket.on('data', (chunk) => {
      received += chunk.toString();
      const lines = received.split('\r\n').slice(0, -1);
      if (lines.length >= commands.length) {
        socket.destroy();
        resolve(lines.slice(0, commands.length));
      }
    });
    socket.once('error', reject);
  });
}

/** A script of the build run to completion with `stdin` piped in. */
function runBuiltWithInput(relative: string, env: Record<string, string>, args: readonly string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [built(relative), ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A browser's cookie jar, enough for the staff console: name=value pairs from Set-Cookie. */
class CookieJar {
  readonly #cookies = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';', 1);
      const at = pair.indexOf('=');
      this.#cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }

  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  has(name: string): boolean {
    return this.#cookies.has(name);
  }
}

function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (token === undefined) throw new Error('no _csrf field on the page');
  return token;
}

/** The compose file's Redis, run here: how the app reaches it, and what its ACL refused. */
interface AclRedis {
  /** The app's store settings: the compose file's user and password, pointed at this Redis. */
  storeEnv: Record<string, string>;
  /** A node's port, for bare connections and redis-cli. */
  port: number;
  /** ACL LOG of every node, each entry as its fields. */
  aclLog(): Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
}

type OpenAclRedis = (redisArguments: readonly string[], composeUrl: URL, inspector: { username: string; password: string }) => Promise<AclRedis>;

function inspectorUser(inspector: { username: string; password: string }): string[] {
  return ['--user', inspector.username, 'on', `>${inspector.password}`, 'allkeys', 'allchannels', 'allcommands'];
}

async function aclLogOf(port: number, inspector: { username: string; password: string }): Promise<Record<string, unknown>[]> {
  const client = new Redis({ host: '127.0.0.1', port, username: inspector.username, password: inspector.password, maxRetriesPerRequest: 1 });
  try {
    const log = (await client.call('ACL', 'LOG')) as unknown[][];
    return log.map((entry) => {
      const fields: Record<string, unknown> = {};
      for (let at = 0; at + 1 < entry.length; at += 2) fields[String(entry[at])] = entry[at + 1];
      return fields;
    });
  } finally {
    client.disconnect();
  }
}

/** One redis-server, as compose runs it. */
const oneRedis: OpenAclRedis = async (redisArguments, composeUrl, inspector) => {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'xc-compose-acl-'));
  const redisProcess = spawn('redis-server', [...redisArguments, ...inspectorUser(inspector), '--port', String(port), '--bind', '127.0.0.1', '--dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let redisOutput = '';
  const collect = (chunk: Buffer) => (redisOutput = (redisOutput + chunk.toString()).slice(-10_000));
  redisProcess.stdout?.on('data', collect);
  redisProcess.stderr?.on('data', collect);
  // A client that keeps retrying by itself until redis-server listens (on a busy machine it may
  // take a moment), polled for readiness: calling connect() again on a retrying client only rejects.
  const probe = new Redis({ host: '127.0.0.1', port, username: inspector.username, password: inspector.password, maxRetriesPerRequest: 1, retryStrategy: () => 50 });
  probe.on('error', () => undefined);
  try {
    await until('redis-server answers', async () => (probe.status === 'ready' && (await probe.ping().catch(() => undefined)) === 'PONG' ? true : undefined), 30_000);
  } catch (error) {
    throw new Error(`${(error as Error).message}; redis-server wrote: ${redisOutput}`);
  } finally {
    probe.disconnect();
  }
  const url = new URL(composeUrl.href);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    storeEnv: { REDIS_URL: url.href },
    port,
    aclLog: () => aclLogOf(port, inspector),
    stop: async () => {
      if (redisProcess.exitCode === null && redisProcess.signalCode === null) {
        const exited = new Promise((resolve) => redisProcess.once('exit', resolve));
        redisProcess.kill('SIGKILL');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};

/**
 * A Redis Cluster (3 masters, 3 replicas) whose every node runs with the compose file's arguments:
 * what a clustered deployment of the same ACL meets, cluster commands and WAIT on replicas included.
 */
const redisCluster: OpenAclRedis = async (redisArguments, composeUrl, inspector) => {
  const cluster = await startRedisCluster({ nodeArguments: [...redisArguments, ...inspectorUser(inspector)], admin: inspector });
  return {
    storeEnv: {
      REDIS_CLUSTER_NODES: cluster.nodes,
      REDIS_USERNAME: decodeURIComponent(composeUrl.username),
      REDIS_PASSWORD: decodeURIComponent(composeUrl.password),
    },
    port: cluster.ports[0] as number,
    aclLog: async () => (await Promise.all(cluster.ports.map((port) => aclLogOf(port, inspector)))).flat(),
    stop: () => cluster.stop(),
  };
};

describe.each([
  ['one Redis', oneRedis],
  ['a Redis Cluster', redisCluster],
] as const)('docker-compose.yml\'s Redis ACL under the built server, on %s', (_name, openRedis: OpenAclRedis) => {
  const host = requiredHostEnv({ ADMIN_API_TOKEN: ADMIN_TOKEN });
  const inspector = { username: INSPECTOR, password: randomBytes(16).toString('hex') };
  let redis: AclRedis;
  let redisPort: number;
  let appUser: string;
  let dataDir: string;
  let server: RunningServer;
  let appEnv: Record<string, string>;
  let droppedRules: string[];
  const jar = new CookieJar();
  let apiToken: string;
  let exposureId: string;

  const page = async (pathname: string, init: RequestInit = {}): Promise<Response> => {
    const response = await fetch(`${server.baseUrl}${pathname}`, {
      redirect: 'manual',
      ...init,
      headers: { cookie: jar.header(), ...(init.headers as Record<string, string> | undefined) },
    });
    jar.take(response);
    return response;
  };
  const postForm = (pathname: string, fields: Record<string, string>) =>
    page(pathname, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
  const api = async (method: string, pathname: string, json?: object): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(`${server.baseUrl}${pathname}`, {
      method,
      headers: { authorization: `Bearer ${apiToken}`, ...(json !== undefined && { 'content-type': 'application/json' }) },
      ...(json !== undefined && { body: JSON.stringify(json) }),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
  };
  const publicCheck = async (email: string): Promise<string[]> => {
    const response = await fetch(`${server.baseUrl}/api/v1/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
    expect(response.status).toBe(200);
    return ((await response.json()) as { exposures: { id: string }[] }).exposures.map((exposure) => exposure.id);
  };
  const privateCheck = async (email: string) => {
    const result = await runBuiltWithInput('scripts/check.js', {}, ['--server', server.baseUrl, '--json'], `${email}\n`);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    return JSON.parse(result.stdout) as { kind: string; affected: boolean; found: string[] };
  };

  beforeAll(async () => {
    const compose = readCompose();
    const local = forRedisVersion(resolvedCommand(service(compose, REDIS), host), localRedisVersion());
    droppedRules = local.dropped;
    expect(local.words[0]).toBe('redis-server');
    dataDir = await mkdtemp(path.join(tmpdir(), 'xc-compose-acl-list-'));
    const { REDIS_URL: composeUrl, ...composeEnv } = resolvedEnvironment(service(compose, APP), host);
    appUser = decodeURIComponent(new URL(composeUrl as string).username);
    redis = await openRedis(local.words.slice(1), new URL(composeUrl as string), inspector);
    redisPort = redis.port;
    appEnv = {
      ...composeEnv,
      ...redis.storeEnv,
      HOST: '127.0.0.1',
      ...FAST_ARGON2,
      // Limits on (their counters are Redis commands too), but high enough for this test's checks.
      RATE_LIMIT_PER_IP: '1000',
      RATE_LIMIT_PER_IPV6_64: '1000',
    };
    server = await startBuiltServer(appEnv, await freePort());
  }, SLOW_MS);

  afterAll(async () => {
    await server?.kill();
    await redis?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('when the rules are those of the compose file, then only rules for commands younger than the local redis-server are left out', () => {
    // The compose file's Redis is newer than the tests' (Debian's 7.0): CLIENT SETINFO came in 7.2,
    // and ioredis only tries it (a refusal there is ignored). Every other rule runs as written.
    expect(droppedRules.filter((rule) => rule !== '+client|setinfo')).toEqual([]);
  });

  it('when a client connects without the app user\'s password, then Redis refuses it: the default user is off', async () => {
    const [unauthenticated, asDefault, asDefaultEmpty, wrongPassword] = await rawReplies(redisPort, [
      'PING',
      'AUTH default guess',
      'AUTH default ""',
      `AUTH ${appUser} wrong-password`,
    ]);

    expect(unauthenticated).toMatch(/^-NOAUTH/);
    expect(asDefault).toMatch(/^-WRONGPASS/);
    expect(asDefaultEmpty).toMatch(/^-WRONGPASS/);
    expect(wrongPassword).toMatch(/^-WRONGPASS/);
  });

  it('when compose runs the redis healthcheck, then it authenticates and passes, and fails with a wrong password', () => {
    const redis = service(readCompose(), REDIS);
    const test = redis.healthcheck?.test;
    expect(Array.isArray(test) && test[0] === 'CMD-SHELL').toBe(true);
    // The same shell command, pointed at this test's port (in the container Redis has 6379).
    const command = String((test as string[])[1]).replace(/\bredis-cli\b/, `redis-cli -p ${redisPort}`);
    const run = (env: Record<string, string>) => spawnSync('sh', ['-c', command], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
    const containerEnv = resolvedEnvironment(redis, host);

    expect(run(containerEnv).status).toBe(0);
    expect(run({ ...containerEnv, REDISCLI_AUTH: 'wrong-password' }).status).not.toBe(0);
    expect(run({}).status).not.toBe(0);
  });

  it('when the server runs on it, then it is ready', async () => {
    const response = await fetch(`${server.baseUrl}/readyz`);

    expect(response.status).toBe(200);
  });

  it('when the first admin is created and signs in, then the consoles answer and the admin gets an API token', async () => {
    const created = await runBuiltWithInput(
      'scripts/create-admin.js',
      { ...redis.storeEnv, OPRF_SECRET_KEY: host.OPRF_SECRET_KEY as string, LOG_LEVEL: 'silent' },
      [STAFF_USERNAME],
      `${STAFF_PASSWORD}\n`,
    );
    expect(created).toMatchObject({ code: 0, stderr: '' });

    // A wrong password first: the sign-in throttle counts it, and the next right one resets it.
    const wrong = await postForm('/staff/login', { _csrf: csrfOf(await (await page('/staff/login')).text()), username: STAFF_USERNAME, password: 'not the password at all' });
    expect(wrong.status).toBe(400);
    const signedIn = await postForm('/staff/login', { _csrf: csrfOf(await (await page('/staff/login')).text()), username: STAFF_USERNAME, password: STAFF_PASSWORD });
    expect(signedIn.status).toBe(303);
    expect(jar.has('xc_session')).toBe(true);

    for (const pathname of ['/admin', '/admin/incidents', '/admin/staff', '/admin/audit', '/admin/stats', '/admin/tokens']) {
      expect([pathname, (await page(pathname)).status]).toEqual([pathname, 200]);
    }
    const tokenPage = await postForm('/admin/tokens', { _csrf: csrfOf(await (await page('/admin/tokens')).text()), label: 'compose ACL test' });
    expect(tokenPage.status).toBe(201);
    apiToken = /xct_[A-Za-z0-9_-]{43}/.exec(await tokenPage.text())?.[0] ?? '';
    expect(apiToken).not.toBe('');
  }, SLOW_MS);

  it('when an admin describes an exposure, loads its list and publishes it, then a listed address is found and another is not', async () => {
    const incident = await api('POST', '/api/v1/admin/incidents', MINIMAL_INCIDENT);
    expect(incident.status).toBe(201);
    const exposure = await api('POST', `/api/v1/admin/incidents/${(incident.body as { id: string }).id}/exposures`, MINIMAL_EXPOSURE);
    expect(exposure.status).toBe(201);
    exposureId = (exposure.body as { id: string }).id;
    const profile = (await api('GET', '/api/v1/hashing-profile')).body as HashingProfile;
    const file = path.join(dataDir, 'list.txt');
    await writeFile(file, `# profile: ${profile.id}\n${(await argon2idOf(LISTED, profile)).toString('hex')}\n`);

    const loaded = await runLoadList({ server: server.baseUrl, exposureId, files: [file], publish: true, token: apiToken });

    expect(loaded).toMatchObject({ code: 0, stderr: '' });
    expect(await publicCheck(LISTED)).toContain(exposureId);
    expect(await publicCheck(NOT_LISTED)).not.toContain(exposureId);
    expect((await page('/')).status).toBe(200);
  }, SLOW_MS);

  it('when the private check (GET and POST /api/v1/private-check) asks, then it finds the listed address and not the other', async () => {
    const listed = await privateCheck(LISTED);
    const notListed = await privateCheck(NOT_LISTED);

    expect(listed).toMatchObject({ kind: 'checked', affected: true });
    expect(listed.found).toContain(exposureId);
    expect(notListed).toMatchObject({ kind: 'checked', affected: false, found: [] });
  }, SLOW_MS);

  it('when the list is erased and the admin signs out, then the address is no longer found and the session is gone', async () => {
    expect((await api('DELETE', `/api/v1/admin/exposures/${exposureId}/list`)).status).toBe(204);
    expect(await publicCheck(LISTED)).not.toContain(exposureId);

    const signedOut = await postForm('/staff/logout', { _csrf: csrfOf(await (await page('/admin')).text()) });
    expect(signedOut.status).toBe(303);
    expect((await page('/admin')).status).not.toBe(200);
  }, SLOW_MS);

  it('when the server stops, then it stops cleanly, and neither Redis nor the server ever met a command the ACL refused', async () => {
    // SIGTERM: the statistics are flushed on the way out (HINCRBY in MULTI), through the ACL too.
    expect(await server.stop()).toBe(0);

    const entries = await redis.aclLog();
    // Only the failed AUTHs this file made on purpose; never a refused command, key or channel.
    expect(entries.filter((entry) => entry.reason !== 'auth')).toEqual([]);
    expect(server.output()).not.toMatch(/NOPERM/);
  }, SLOW_MS);
});
