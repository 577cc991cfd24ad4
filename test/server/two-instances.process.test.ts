import { spawn } from 'node:child_process';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { HashingProfile } from '../../src/hashing/hashing-profile';
import { argon2idOf } from '../../src/hashing/list-entry';
import { normalizeEmail } from '../../src/hashing/normalize-email';
import { checkPrivately } from '../../src/private-check-client';
import { ADMIN_TOKEN, FAST_ARGON2 } from '../admin/admin-fixtures';
import { built, startBuiltServer, type ProcessResult, type RunningServer } from '../support/built-process';
import { until } from '../support/eventually';
import { callApi, createExposureOver } from '../support/http-api';
import { freePort } from '../support/redis-server';
import { hexKey } from '../support/test-app';
import { deleteKeys, keysWithPrefix, newTestRedis, sharedStoreEnv, uniquePrefix } from '../support/test-redis';

/*
 * Several app instances: two server processes on one store, as a deployment runs one per core
 * behind its proxy. What must hold whichever instance a request reaches: a list uploaded through
 * one is answered by the other within the catalogue snapshot's age, the global check budget is
 * one budget, a staff session and its CSRF tokens work behind a round-robin proxy (no
 * stickiness), and the statistics of both add up.
 */

/** src/catalog/catalog-snapshots.ts DEFAULT_MAX_AGE_MS: how stale another instance's catalogue may be. */
const SNAPSHOT_MAX_AGE_MS = 1000;
/** Beyond the snapshot's age: one check's own time (argon2id, Redis) and the polling step. */
const SNAPSHOT_MARGIN_MS = 600;
/** src/stats/stats-service.ts STATS_FLUSH_INTERVAL_MS: counts are written about this often. */
const STATS_FLUSH_MS = 1000;
const PASSWORD = 'two instances, one store';
const ROOT = path.resolve(__dirname, '..', '..');

interface Pair {
  prefix: string;
  env: Record<string, string>;
  a: RunningServer;
  b: RunningServer;
}

function instanceEnvironment(prefix: string, oprfKey: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...sharedStoreEnv(),
    REDIS_KEY_PREFIX: prefix,
    OPRF_SECRET_KEY: oprfKey,
    ADMIN_API_TOKEN: ADMIN_TOKEN,
    ...FAST_ARGON2,
    RATE_LIMIT_PER_IP: '0',
    RATE_LIMIT_PER_IPV6_64: '0',
    RATE_LIMIT_GLOBAL: '0',
    LOG_LEVEL: 'silent',
    ...extra,
  };
}

/** Two distinct free ports. */
async function twoPorts(): Promise<[number, number]> {
  const first = await freePort();
  let second = await freePort();
  while (second === first) second = await freePort();
  return [first, second];
}

/** A then B, B on the store A has initialized. */
async function startOneAfterTheOther(name: string, extra: Record<string, string> = {}): Promise<Pair> {
  const prefix = uniquePrefix(name);
  const env = instanceEnvironment(prefix, hexKey(), extra);
  const [portA, portB] = await twoPorts();
  const a = await startBuiltServer(env, portA);
  try {
    const b = await startBuiltServer(env, portB);
    return { prefix, env, a, b };
  } catch (error) {
    await a.kill();
    throw error;
  }
}

async function stopPair(pair: Pair | undefined): Promise<void> {
  if (pair === undefined) return;
  await Promise.all([pair.a.stop(), pair.b.stop()]);
}

async function deleteEverythingUnder(prefix: string): Promise<void> {
  const redis = newTestRedis();
  try {
    const keys = await keysWithPrefix(redis, prefix);
    await deleteKeys(redis, keys);
  } finally {
    await redis.quit();
  }
}

// --- the admin API and the checks, over HTTP -------------------------------------------------

async function publishedProfile(baseUrl: string): Promise<HashingProfile> {
  const answer = await callApi(baseUrl, 'GET', '/api/v1/hashing-profile');
  expect(answer.status).toBe(200);
  return answer.body as HashingProfile;
}

/** The list file hash-list writes: the profile header, then one argon2id row (hex) per address. */
async function listFile(profile: HashingProfile, addresses: readonly string[]): Promise<string> {
  const rows = await Promise.all(addresses.map(async (address) => (await argon2idOf(normalizeEmail(address), profile)).toString('hex')));
  return `# profile: ${profile.id}\n${rows.join('\n')}\n`;
}

async function uploadList(baseUrl: string, exposureId: string, body: string): Promise<void> {
  const response = await fetch(`${baseUrl}/api/v1/admin/exposures/${exposureId}/list`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/plain' },
    body,
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`the upload answered ${response.status} ${text}`);
}

async function publish(baseUrl: string, exposureId: string): Promise<void> {
  const answer = await callApi(baseUrl, 'POST', `/api/v1/admin/exposures/${exposureId}/publish`, { admin: true });
  if (answer.status !== 200) throw new Error(`publishing answered ${answer.status} ${JSON.stringify(answer.body)}`);
}

/** A new exposure on `baseUrl` whose live list holds `addresses`, published there. */
async function publishedExposureListing(baseUrl: string, addresses: readonly string[]): Promise<string> {
  const exposureId = await createExposureOver(baseUrl);
  await uploadList(baseUrl, exposureId, await listFile(await publishedProfile(baseUrl), addresses));
  await publish(baseUrl, exposureId);
  return exposureId;
}

interface CheckAnswer {
  status: number;
  retryAfter: string | null;
  body: { affected?: boolean; exposures?: { id: string }[]; error?: { code: string; message: string; scope?: string } };
}

async function publicCheck(baseUrl: string, email: string): Promise<CheckAnswer> {
  const response = await fetch(`${baseUrl}/api/v1/check`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as CheckAnswer['body'] };
}

/** The exposures a public check finds (it must answer 200). */
async function foundBy(baseUrl: string, email: string): Promise<string[]> {
  const answer = await publicCheck(baseUrl, email);
  if (answer.status !== 200) throw new Error(`the check on ${baseUrl} answered ${answer.status} ${JSON.stringify(answer.body)}`);
  return (answer.body.exposures ?? []).map((exposure) => exposure.id);
}

async function privatelyFoundBy(baseUrl: string, email: string): Promise<string[]> {
  const outcome = await checkPrivately(email, baseUrl);
  if (outcome.kind !== 'checked') throw new Error(`the private check on ${baseUrl} was not made: ${JSON.stringify(outcome)}`);
  return outcome.found;
}

/** scripts/create-admin with the password on stdin (not a terminal), against the instances' store. */
function createAdmin(env: Record<string, string>, username: string): Promise<ProcessResult> {
  const child = spawn(process.execPath, [built('scripts/create-admin.js'), username], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      ...sharedStoreEnv(),
      REDIS_KEY_PREFIX: env.REDIS_KEY_PREFIX ?? '',
      OPRF_SECRET_KEY: env.OPRF_SECRET_KEY ?? '',
      LOG_LEVEL: 'silent',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(`${PASSWORD}\n`);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

async function newAdmin(env: Record<string, string>, username: string): Promise<void> {
  const created = await createAdmin(env, username);
  if (created.code !== 0) throw new Error(`create-admin exited ${created.code}: ${created.stderr}`);
}

// --- a round-robin proxy, and a browser of sorts ---------------------------------------------

interface Served {
  method: string;
  path: string;
  upstream: string;
  status: number;
}

interface RoundRobinProxy {
  baseUrl: string;
  /** Every request it forwarded, in order, with the upstream that answered it. */
  served: Served[];
  close(): Promise<void>;
}

// Hop-by-hop headers (RFC 9110 7.6.1): a proxy does not forward them; Node frames each hop itself.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade']);

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
}

/**
 * A load balancer without stickiness: each request goes to the next upstream in turn, whatever
 * cookies it carries. Method, path, headers (cookies included) and body are forwarded as they
 * are, with the client's address appended to X-Forwarded-For (the servers trust loopback).
 */
async function startRoundRobinProxy(upstreams: { name: string; server: RunningServer }[]): Promise<RoundRobinProxy> {
  const served: Served[] = [];
  let next = 0;
  const server: Server = createServer((req, res) => {
    const { name, server: upstream } = upstreams[next % upstreams.length]!;
    next += 1;
    const target = new URL(upstream.baseUrl);
    const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    const outgoing = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...endToEnd(req.headers), 'x-forwarded-for': forwardedFor },
      },
      (answer) => {
        served.push({ method: req.method ?? '', path: req.url ?? '', upstream: name, status: answer.statusCode ?? 0 });
        res.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
        answer.pipe(res);
      },
    );
    outgoing.on('error', (error) => {
      served.push({ method: req.method ?? '', path: req.url ?? '', upstream: name, status: 502 });
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`upstream ${name}: ${error.message}`);
    });
    req.pipe(outgoing);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Page {
  status: number;
  location: string | null;
  html: string;
}

/** Follows no redirects and keeps cookies, as a browser would for one site. */
class Browser {
  readonly #cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  cookie(name: string): string | undefined {
    return this.#cookies.get(name);
  }

  get(path: string): Promise<Page> {
    return this.#send('GET', path);
  }

  postForm(path: string, fields: Record<string, string>): Promise<Page> {
    return this.#send('POST', path, new URLSearchParams(fields).toString());
  }

  async #send(method: string, path: string, form?: string): Promise<Page> {
    const cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        accept: 'text/html',
        ...(cookie !== '' && { cookie }),
        ...(form !== undefined && { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      ...(form !== undefined && { body: form }),
    });
    for (const line of response.headers.getSetCookie()) this.#keep(line);
    return { status: response.status, location: response.headers.get('location'), html: await response.text() };
  }

  #keep(setCookie: string): void {
    const [pair = '', ...attributes] = setCookie.split(';');
    const separator = pair.indexOf('=');
    const name = pair.slice(0, separator).trim();
    const value = pair.slice(separator + 1).trim();
    const expired = attributes.some((attribute) => {
      const [key = '', ...rest] = attribute.trim().split('=');
      const setting = rest.join('=');
      if (key.toLowerCase() === 'max-age') return Number(setting) <= 0;
      if (key.toLowerCase() === 'expires') return Date.parse(setting) <= Date.now();
      return false;
    });
    if (expired || value === '') this.#cookies.delete(name);
    else this.#cookies.set(name, value);
  }
}

function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (token === undefined || token === '') throw new Error(`no _csrf field on the page: ${html.slice(0, 300)}`);
  return token;
}

/** Signs in through the HTML form: the sign-in page (its CSRF token and cookie), then the post. */
async function signIn(browser: Browser, username: string): Promise<{ page: Page; posted: Page }> {
  const page = await browser.get('/staff/login?lang=en');
  const posted = await browser.postForm('/staff/login', { _csrf: csrfOf(page.html), username, password: PASSWORD });
  return { page, posted };
}

// --- the statistics page ---------------------------------------------------------------------

interface StatsReading {
  today: string;
  checksToday: number;
  matches: Map<string, number>;
}

async function readStats(browser: Browser): Promise<StatsReading> {
  const page = await browser.get('/admin/stats?lang=en&days=7');
  if (page.status !== 200) throw new Error(`/admin/stats answered ${page.status}`);
  const today = /<time datetime="(\d{4}-\d{2}-\d{2})">\1<\/time> \(today\)<\/th><td class="count">([\d,]+)<\/td>/.exec(page.html);
  if (today === null) throw new Error('no row for today on the statistics page');
  const matches = new Map(
    [...page.html.matchAll(/<code>([^<]+)<\/code><\/span>\s*<\/th>\s*<td class="count">([\d,]+)<\/td>/g)].map((match) => [
      match[1] ?? '',
      Number((match[2] ?? '').replace(/,/g, '')),
    ]),
  );
  return { today: today[1] ?? '', checksToday: Number((today[2] ?? '').replace(/,/g, '')), matches };
}

/** Polls the page until today's count reaches `checks` (or the deadline), then returns what it shows. */
async function statsOnceCounted(browser: Browser, checks: number): Promise<StatsReading> {
  const deadline = Date.now() + 5 * STATS_FLUSH_MS;
  for (;;) {
    const reading = await readStats(browser);
    if (reading.checksToday >= checks || Date.now() > deadline) return reading;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One after the other: the check queue is sized by cores, and these tests are not about shedding. */
async function inTurn<T, R>(items: readonly T[], each: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await each(item));
  return results;
}

// ---------------------------------------------------------------------------------------------

describe('several app instances: two server processes on one store', () => {
  describe('when B starts on the store A initialized, behind a round-robin proxy', () => {
    let pair: Pair | undefined;
    let proxy: RoundRobinProxy | undefined;
    const adminName = 'rr-admin';

    beforeAll(async () => {
      // The proxy is the client the servers see: they believe its X-Forwarded-For.
      pair = await startOneAfterTheOther('two-instances', { TRUST_PROXY: 'loopback' });
      proxy = await startRoundRobinProxy([
        { name: 'A', server: pair.a },
        { name: 'B', server: pair.b },
      ]);
      await newAdmin(pair.env, adminName);
    }, 40_000);
    afterAll(async () => {
      await proxy?.close();
      await stopPair(pair);
      if (pair) await deleteEverythingUnder(pair.prefix);
    }, 30_000);

    it('then both agree on the hashing profile', async () => {
      const { a, b } = pair!;
      expect(await publishedProfile(b.baseUrl)).toEqual(await publishedProfile(a.baseUrl));
    });

    it("then a list uploaded and published through A is found by B's check within the snapshot's age, and by B's private check", async () => {
      const { a, b } = pair!;
      const listed = 'michiko.ito@example.jp';
      const unlisted = 'michiko.ito@example.com';
      const exposureId = await createExposureOver(a.baseUrl);
      await uploadList(a.baseUrl, exposureId, await listFile(await publishedProfile(a.baseUrl), [listed, 'jiro.kato@example.jp']));
      // Unpublished, it answers nobody; B now holds a snapshot read after the upload.
      expect(await foundBy(b.baseUrl, listed)).not.toContain(exposureId);

      await publish(a.baseUrl, exposureId);
      const publishedAt = performance.now();
      const foundAfterMs = await until(
        `B finds ${exposureId}`,
        async () => ((await foundBy(b.baseUrl, listed)).includes(exposureId) ? performance.now() - publishedAt : undefined),
        4 * SNAPSHOT_MAX_AGE_MS,
      );

      expect(foundAfterMs).toBeLessThanOrEqual(SNAPSHOT_MAX_AGE_MS + SNAPSHOT_MARGIN_MS);
      // A's own write dropped its snapshot at once.
      expect(await foundBy(a.baseUrl, listed)).toContain(exposureId);
      expect(await foundBy(b.baseUrl, 'ＭＩＣＨＩＫＯ．ＩＴＯ＠ＥＸＡＭＰＬＥ．ＪＰ')).toContain(exposureId);
      expect(await foundBy(b.baseUrl, unlisted)).not.toContain(exposureId);
      expect(await privatelyFoundBy(b.baseUrl, listed)).toContain(exposureId);
      expect(await privatelyFoundBy(b.baseUrl, unlisted)).not.toContain(exposureId);
    });

    it('then a staff member signs in, uses the support console and signs out with every request on the other instance than the last', async () => {
      const { a, b } = pair!;
      const caller = 'sachiko.mori@example.jp';
      const exposureId = await publishedExposureListing(a.baseUrl, [caller]);
      await until(`B answers ${exposureId}`, async () => ((await foundBy(b.baseUrl, caller)).includes(exposureId) ? true : undefined), 4 * SNAPSHOT_MAX_AGE_MS);
      proxy!.served.length = 0;
      const browser = new Browser(proxy!.baseUrl);

      const { page: loginPage, posted } = await signIn(browser, adminName);
      expect(loginPage.status).toBe(200);
      expect(browser.cookie('xc_login_csrf')).toBeDefined();
      // The sign-in token was signed by one instance and is accepted by the other.
      expect(posted.status).toBe(303);
      expect(posted.location).toBe('/staff');
      expect(browser.cookie('xc_session')).toBeDefined();

      const home = await browser.get('/staff');
      expect(home.status).toBe(303);
      expect(home.location).toBe('/admin');
      const dashboard = await browser.get('/admin?lang=en');
      expect(dashboard.status).toBe(200);

      const form = await browser.get('/support?lang=en');
      expect(form.status).toBe(200);
      expect(form.html).toContain('Check an address for a caller');
      const result = await browser.postForm('/support/check', { _csrf: csrfOf(form.html), lang: 'en', ticketRef: 'RR-1', email: caller });
      expect(result.status).toBe(200);
      expect(result.html).toContain('<strong>s•••@example.jp</strong>');
      expect(result.html).toContain('The address you entered is in 1 exposure');
      expect(result.html).toContain(exposureId);

      // The session's token, posted again from a page the other instance rendered.
      const again = await browser.get('/support?lang=en');
      const token = csrfOf(again.html);
      const forged = `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`;
      const withForged = await browser.postForm('/support/check', { _csrf: forged, lang: 'en', ticketRef: 'RR-2', email: caller });
      const withNone = await browser.postForm('/support/check', { lang: 'en', ticketRef: 'RR-3', email: caller });
      expect(withForged.status).toBe(403);
      expect(withNone.status).toBe(403);
      expect(withForged.html).not.toContain('s•••@example.jp');
      expect(withNone.html).not.toContain('s•••@example.jp');
      // The refusals did not end the session.
      expect((await browser.get('/admin?lang=en')).status).toBe(200);

      const signedOut = await browser.postForm('/staff/logout', { _csrf: token });
      expect(signedOut.status).toBe(303);
      expect(signedOut.location).toBe('/staff/login?signed-out=1');
      const afterA = await browser.get('/admin');
      const afterB = await browser.get('/admin');
      expect([afterA.status, afterA.location, afterB.status, afterB.location]).toEqual([303, '/staff/login', 303, '/staff/login']);

      const served = proxy!.served;
      expect(served.map(({ method, path: at, status }) => `${method} ${at} ${status}`)).toEqual([
        'GET /staff/login?lang=en 200',
        'POST /staff/login 303',
        'GET /staff 303',
        'GET /admin?lang=en 200',
        'GET /support?lang=en 200',
        'POST /support/check 200',
        'GET /support?lang=en 200',
        'POST /support/check 403',
        'POST /support/check 403',
        'GET /admin?lang=en 200',
        'POST /staff/logout 303',
        'GET /admin 303',
        'GET /admin 303',
      ]);
      // No stickiness: every request went to the other instance than the one before it.
      served.forEach((entry, index) => expect(entry.upstream).toBe(served[0]!.upstream === 'A' ? 'AB'[index % 2] : 'BA'[index % 2]));
    });

    it('then a sign-in posted through the proxy without the sign-in CSRF token, or with a made-up one, is refused', async () => {
      const browser = new Browser(proxy!.baseUrl);
      const page = await browser.get('/staff/login?lang=en');
      const token = csrfOf(page.html);
      const madeUp = `${'0'.repeat(64)}.${token.split('.')[1] ?? ''}`;

      const withNone = await browser.postForm('/staff/login', { username: adminName, password: PASSWORD });
      const withMadeUp = await browser.postForm('/staff/login', { _csrf: madeUp, username: adminName, password: PASSWORD });

      expect(withNone.status).toBe(403);
      expect(withMadeUp.status).toBe(403);
      expect(browser.cookie('xc_session')).toBeUndefined();
      const upstreams = proxy!.served.slice(-2).map((entry) => entry.upstream);
      expect(new Set(upstreams)).toEqual(new Set(['A', 'B']));
    });
  });

  describe('when the global check budget is small and per-IP budgets are off', () => {
    const LIMIT = 6;
    let pair: Pair | undefined;

    beforeAll(async () => {
      pair = await startOneAfterTheOther('two-instances-rl', { RATE_LIMIT_GLOBAL: String(LIMIT) });
      // A live list, so that the private check has a profile to query (the admin API spends no budget).
      await publishedExposureListing(pair.a.baseUrl, ['listed@example.jp']);
    }, 40_000);
    afterAll(async () => {
      await stopPair(pair);
      if (pair) await deleteEverythingUnder(pair.prefix);
    }, 30_000);

    it('then checks sent to A and B in turn spend one budget: exactly the limit succeed, the rest get 429 global on either', async () => {
      const { a, b } = pair!;
      const answers: (CheckAnswer & { instance: string })[] = [];
      for (let index = 0; index < LIMIT + 4; index += 1) {
        const [instance, server]: [string, RunningServer] = index % 2 === 0 ? ['A', a] : ['B', b];
        answers.push({ instance, ...(await publicCheck(server.baseUrl, `customer-${index}@example.jp`)) });
      }

      expect(answers.map(({ instance, status }) => `${instance} ${status}`)).toEqual([
        'A 200',
        'B 200',
        'A 200',
        'B 200',
        'A 200',
        'B 200',
        'A 429',
        'B 429',
        'A 429',
        'B 429',
      ]);
      for (const refused of answers.filter((answer) => answer.status === 429)) {
        expect(refused.body).toEqual({
          error: { code: 'rate_limited', message: expect.stringContaining('Too many checks are being made right now.'), scope: 'global' },
        });
        expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
        expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
      }
      // A private query spends from the same budget, on either instance.
      for (const server of [a, b]) {
        await expect(checkPrivately('customer-x@example.jp', server.baseUrl)).resolves.toMatchObject({ kind: 'refused', status: 429, scope: 'global' });
      }
    });
  });

  describe('when A and B start at the same instant on a fresh store', () => {
    const prefix = uniquePrefix('two-instances-race');
    const env = instanceEnvironment(prefix, hexKey());
    let a: RunningServer | undefined;
    let b: RunningServer | undefined;
    let exposureOfA: string;
    let exposureOfB: string;
    const listedOnA = ['aiko.abe@example.jp', 'ren.ikeda@example.jp'];
    const listedOnB = ['sora.ueda@example.jp'];

    beforeAll(async () => {
      const [portA, portB] = await twoPorts();
      const started = await Promise.allSettled([startBuiltServer(env, portA), startBuiltServer(env, portB)]);
      [a, b] = started.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : undefined));
      const failed = started.find((outcome) => outcome.status === 'rejected');
      if (failed !== undefined) throw (failed as PromiseRejectedResult).reason;
      await newAdmin(env, 'race-admin');
    }, 40_000);
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await deleteEverythingUnder(prefix);
    }, 30_000);

    it("then both become ready on one store identity and profile, and each answers the other's list", async () => {
      const redis = newTestRedis();
      try {
        const identity = await redis.hget(`${prefix}{lists}:live`, '~store');
        expect(identity).toMatch(/^[0-9a-f-]{36}$/);
      } finally {
        await redis.quit();
      }
      expect((await fetch(`${a!.baseUrl}/readyz`)).status).toBe(200);
      expect((await fetch(`${b!.baseUrl}/readyz`)).status).toBe(200);
      expect(await publishedProfile(b!.baseUrl)).toEqual(await publishedProfile(a!.baseUrl));

      exposureOfA = await publishedExposureListing(a!.baseUrl, listedOnA);
      exposureOfB = await publishedExposureListing(b!.baseUrl, listedOnB);
      // Private checks (not counted in the statistics): each instance answers the list the other made live.
      await until(
        'each instance finds the other\'s exposure',
        async () =>
          (await privatelyFoundBy(b!.baseUrl, listedOnA[0]!)).includes(exposureOfA) &&
          (await privatelyFoundBy(a!.baseUrl, listedOnB[0]!)).includes(exposureOfB)
            ? true
            : undefined,
        4 * SNAPSHOT_MAX_AGE_MS,
      );
      expect(await privatelyFoundBy(a!.baseUrl, listedOnA[1]!)).toEqual([exposureOfA]);
      expect(await privatelyFoundBy(b!.baseUrl, listedOnB[0]!)).toEqual([exposureOfB]);
      expect((await fetch(`${a!.baseUrl}/readyz`)).status).toBe(200);
      expect((await fetch(`${b!.baseUrl}/readyz`)).status).toBe(200);
    });

    it("then after N checks through A and M through B, the admin statistics show N+M checks today and each exposure's matches", async () => {
      const browser = new Browser(a!.baseUrl);
      expect((await signIn(browser, 'race-admin')).posted.status).toBe(303);
      // Whatever was counted before has been written by now.
      await sleep(STATS_FLUSH_MS + 500);
      const before = await readStats(browser);
      const matchesBefore = (exposureId: string) => before.matches.get(exposureId) ?? 0;

      const throughA = [listedOnA[0]!, listedOnA[1]!, 'nobody.here@example.jp'];
      const throughB = [listedOnA[0]!, listedOnB[0]!];
      expect(await inTurn(throughA, (email) => foundBy(a!.baseUrl, email))).toEqual([[exposureOfA], [exposureOfA], []]);
      const afterA = await statsOnceCounted(browser, before.checksToday + throughA.length);
      expect(afterA.checksToday).toBe(before.checksToday + throughA.length);

      expect(await inTurn(throughB, (email) => foundBy(b!.baseUrl, email))).toEqual([[exposureOfA], [exposureOfB]]);
      const afterB = await statsOnceCounted(browser, before.checksToday + throughA.length + throughB.length);
      expect(afterB.today).toBe(before.today);
      expect(afterB.checksToday).toBe(before.checksToday + throughA.length + throughB.length);
      expect(afterB.matches.get(exposureOfA)).toBe(matchesBefore(exposureOfA) + 3);
      expect(afterB.matches.get(exposureOfB)).toBe(matchesBefore(exposureOfB) + 1);

      // Nothing is counted twice: a flush later, the same.
      await sleep(STATS_FLUSH_MS + 300);
      const settled = await readStats(browser);
      expect(settled.checksToday).toBe(afterB.checksToday);
      expect(settled.matches.get(exposureOfA)).toBe(afterB.matches.get(exposureOfA));
    });
  });
});
