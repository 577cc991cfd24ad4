import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { serverUrl, type AdminTarget } from '../src/cli/admin-client/admin-target';
import { publishExposure } from '../src/cli/admin-client/publish-exposure';
import { uploadList } from '../src/cli/admin-client/upload-list';
import { loadConfig, type Config } from '../src/config/config';
import { argon2idOf } from '../src/hashing/list-entry';
import { normalizeEmail } from '../src/hashing/normalize-email';
import { generateOprfSecretKey } from '../src/hashing/oprf-key';
import { runScript } from './run-script';
import { withBenchRun, type BenchRun } from './support/bench-run';
import { createBenchExposure } from './support/bench-exposure';
import { startBuiltServer, type BuiltServer } from './support/built-server';
import { describe, percentile } from './support/latency-distributions';
import { unusedPrefix } from './support/redis-prefix';
import { freePort, startRedisServer } from './support/redis-server';

/**
 * `npm run bench:login`: can a flood of staff sign-ins slow the public checks down? The built server
 * over a real Redis (REDIS_URL, or a redis-server of its own) with a published list:
 *
 * 1. idle: public checks one at a time, hits and misses alternating (the reference);
 * 2. the same checks while SIGN_INS sign-in attempts are kept in flight without pause (each answer
 *    is followed at once by the next attempt), with wrong passwords for thousands of usernames from
 *    thousands of addresses (TRUST_PROXY=1, X-Forwarded-For varied), so that neither the per-account
 *    nor the per-IP budget refuses them and every admitted one costs an argon2id verification;
 * 3. idle again, so that a drift of the machine's speed shows.
 *
 * The target: burst p50 at most 2x the idle p50 (both idle rounds together). Every sign-in
 * hash runs in the password queue (PASSWORD_HASH_MAX_RUNNING, default 1); the rest are shed (503).
 */
const TARGET_FACTOR = 2;
const SIGN_INS = Number(process.env.BENCH_SIGN_INS ?? 200);
const CHECKS_PER_ROUND = 200;
const BURST_WARM_UP_MS = 3_000;
const USERNAMES = 5_000;
const ADDRESSES = 10_000;
const LIST_ROWS = 200;

runScript(() => withBenchRun(bench));

async function bench(run: BenchRun): Promise<void> {
  const print = (line = '') => process.stdout.write(`${line}\n`);
  const loadBefore = loadavg()[0] ?? 0;
  const config = loadConfig({
    CHECK_MAX_RUNNING: process.env.CHECK_MAX_RUNNING,
    CHECK_MAX_WAITING: process.env.CHECK_MAX_WAITING,
    PASSWORD_HASH_MAX_RUNNING: process.env.PASSWORD_HASH_MAX_RUNNING,
    PASSWORD_HASH_MAX_WAITING: process.env.PASSWORD_HASH_MAX_WAITING,
  });
  const redisUrl = process.env.REDIS_URL ?? (run.redis = await startRedisServer()).url;
  run.client = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  run.prefix = await unusedPrefix(run.client);
  const token = randomBytes(24).toString('hex');
  const server = (run.server = await startServer(redisUrl, run.prefix, token, config));
  run.dir = await mkdtemp(path.join(tmpdir(), 'bench-login-'));
  const known = await loadList(server.baseUrl, token, run.dir);
  const checkUrl = `${server.baseUrl}/api/v1/check`;
  const emails = Array.from({ length: CHECKS_PER_ROUND }, (_, i) => (i % 2 === 0 ? known : `not.listed.${i}@example.com`));

  print(
    `bench:login: built server over ${process.env.REDIS_URL ? 'REDIS_URL' : 'a redis-server of its own'}, load from this process; ` +
      `${availableParallelism()} cores, load average ${loadBefore.toFixed(2)} at start`,
  );
  print(
    `check queue ${config.checkQueue.maxRunning} running + ${config.checkQueue.maxWaiting} waiting; ` +
      `password queue ${config.staffAuth.passwordQueue.maxRunning} running + ${config.staffAuth.passwordQueue.maxWaiting} waiting; ` +
      `check rate limits off; sign-in budgets as configured (per account ${config.staffAuth.loginThrottle.maxFailuresPerAccount}, ` +
      `per IP ${config.staffAuth.loginThrottle.maxFailuresPerIpPerHour}/h) over ${USERNAMES} usernames and ${ADDRESSES} addresses`,
  );
  print();

  for (let i = 0; i < 20; i += 1) await timedCheck(checkUrl, emails[i % emails.length] as string);
  const idleBefore = await checkRound(checkUrl, emails);
  print(`1. idle: ${CHECKS_PER_ROUND} checks one at a time (client-side time, keep-alive):`);
  print(`   ${describe(idleBefore)}`);

  const burst = startSignInBurst(server.baseUrl, await signInForm(server.baseUrl));
  await new Promise((resolve) => setTimeout(resolve, BURST_WARM_UP_MS));
  const answersAtStart = burst.answers.length;
  const startedAt = performance.now();
  const duringBurst = await checkRound(checkUrl, emails);
  const seconds = (performance.now() - startedAt) / 1000;
  const during = burst.answers.slice(answersAtStart);
  await burst.stop();
  print(`2. the same checks during a sign-in burst: ${SIGN_INS} attempts kept in flight (after ${BURST_WARM_UP_MS / 1000} s of it):`);
  print(`   ${describe(duringBurst)}`);
  print(
    `   sign-ins answered ${(during.length / seconds).toFixed(0)}/s (${statusCounts(during)}); ` +
      `password checked (400) ${(during.filter((status) => status === 400).length / seconds).toFixed(1)}/s, ` +
      `shed (503) ${((during.filter((status) => status === 503).length / Math.max(1, during.length)) * 100).toFixed(1)}%` +
      (burst.failures > 0 ? `, ${burst.failures} without answer` : ''),
  );

  const idleAfter = await checkRound(checkUrl, emails);
  print(`3. idle again:`);
  print(`   ${describe(idleAfter)}`);
  print();

  const idleP50 = percentile([...idleBefore, ...idleAfter], 50);
  const burstP50 = percentile(duringBurst, 50);
  const factor = burstP50 / idleP50;
  print(`idle p99 ${percentile([...idleBefore, ...idleAfter], 99).toFixed(1)} ms, burst p99 ${percentile(duringBurst, 99).toFixed(1)} ms`);
  print(
    `burst p50 ${burstP50.toFixed(1)} ms vs idle p50 ${idleP50.toFixed(1)} ms = ${factor.toFixed(2)} x (limit ${TARGET_FACTOR}x): ` +
      `${factor <= TARGET_FACTOR ? 'meets' : 'fails'}`,
  );
  const loadAfter = loadavg()[0] ?? 0;
  print(
    `load average ${loadAfter.toFixed(2)} at the end on ${availableParallelism()} cores` +
      (Math.max(loadBefore, loadAfter) > availableParallelism() ? ': other processes share the cores, so the figures are depressed' : ''),
  );
}

async function startServer(redisUrl: string, prefix: string, token: string, config: Config): Promise<BuiltServer> {
  return startBuiltServer(
    {
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: prefix,
      OPRF_SECRET_KEY: Buffer.from(generateOprfSecretKey()).toString('hex'),
      ADMIN_API_TOKEN: token,
      LOG_LEVEL: 'warn',
      CHECK_MAX_RUNNING: String(config.checkQueue.maxRunning),
      CHECK_MAX_WAITING: String(config.checkQueue.maxWaiting),
      PASSWORD_HASH_MAX_RUNNING: String(config.staffAuth.passwordQueue.maxRunning),
      PASSWORD_HASH_MAX_WAITING: String(config.staffAuth.passwordQueue.maxWaiting),
      // The checks all come from this process: their budgets would refuse them long before the end.
      RATE_LIMIT_PER_IP: '0',
      RATE_LIMIT_PER_IPV6_64: '0',
      RATE_LIMIT_GLOBAL: '0',
      // The sign-ins say which address they come from, as a botnet's would differ.
      TRUST_PROXY: '1',
      ...(process.env.LOGIN_MAX_FAILURES_PER_IP_PER_HOUR && { LOGIN_MAX_FAILURES_PER_IP_PER_HOUR: process.env.LOGIN_MAX_FAILURES_PER_IP_PER_HOUR }),
    },
    await freePort(),
  );
}

/** An incident and exposure with a published list holding one known address; returns that address. */
async function loadList(baseUrl: string, token: string, dir: string): Promise<string> {
  const { exposureId, profile } = await createBenchExposure(baseUrl, token, 'Sign-in benchmark');
  const known = 'customer.0@example.jp';
  const rows = [(await argon2idOf(normalizeEmail(known), profile)).toString('hex')];
  for (let i = 1; i < LIST_ROWS; i += 1) rows.push(randomBytes(32).toString('hex'));
  const file = path.join(dir, 'list.txt');
  await writeFile(file, `# profile: ${profile.id}\n${rows.join('\n')}\n`);
  const target: AdminTarget = { server: serverUrl(baseUrl), token };
  await uploadList({ target, exposureId, files: [file] });
  await publishExposure(target, exposureId);
  return known;
}

async function timedCheck(url: string, email: string): Promise<number> {
  const startedAt = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
  await response.text();
  if (response.status !== 200) throw new Error(`a check answered ${response.status}`);
  return performance.now() - startedAt;
}

async function checkRound(url: string, emails: readonly string[]): Promise<number[]> {
  const times: number[] = [];
  for (const email of emails) times.push(await timedCheck(url, email));
  return times;
}

/** One browser's sign-in form: its cookie and token, which every attempt of the burst reuses (as a script would). */
async function signInForm(baseUrl: string): Promise<{ cookie: string; token: string }> {
  const page = await fetch(`${baseUrl}/staff/login`);
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  const cookie = page.headers.getSetCookie()[0]?.split(';', 1)[0];
  if (token === undefined || cookie === undefined) throw new Error('the sign-in page carried no CSRF token and cookie');
  return { cookie, token };
}

/**
 * SIGN_INS attempts in flight until stopped, each answer followed at once by the next attempt:
 * wrong passwords for random usernames from random addresses, as a password-spraying botnet sends.
 */
function startSignInBurst(baseUrl: string, form: { cookie: string; token: string }): { answers: number[]; failures: number; stop(): Promise<void> } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: SIGN_INS + 16 });
  const url = new URL('/staff/login', baseUrl);
  const state = { answers: [] as number[], failures: 0, stopped: false };
  const attempt = (n: number) =>
    new Promise<void>((resolve) => {
      const body = new URLSearchParams({
        _csrf: form.token,
        username: `staff-${Math.floor(Math.random() * USERNAMES)}`,
        password: `wrong password ${n}`,
      }).toString();
      const address = Math.floor(Math.random() * ADDRESSES);
      const request = http.request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': Buffer.byteLength(body),
            cookie: form.cookie,
            'x-forwarded-for': `10.${address >> 16}.${(address >> 8) & 255}.${address & 255}`,
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            state.answers.push(response.statusCode ?? 0);
            resolve();
          });
        },
      );
      request.on('error', () => {
        state.failures += 1;
        resolve();
      });
      request.end(body);
    });
  let sent = 0;
  const worker = async () => {
    while (!state.stopped) await attempt((sent += 1));
  };
  const workers = Promise.all(Array.from({ length: SIGN_INS }, worker));
  return {
    answers: state.answers,
    get failures() {
      return state.failures;
    },
    stop: async () => {
      state.stopped = true;
      await workers;
      agent.destroy();
    },
  };
}

function statusCounts(statuses: readonly number[]): string {
  const counts = new Map<number, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a - b).map(([status, count]) => `${count} x ${status}`).join(', ');
}
