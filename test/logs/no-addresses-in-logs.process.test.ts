import type { HashingProfile } from '../../src/hashing/hashing-profile';
import { ADMIN_TOKEN, FAST_ARGON2 } from '../admin/admin-fixtures';
import { runBuilt, spawnBuilt, type BuiltProcess } from '../support/built-process';
import { until } from '../support/eventually';
import { createExposureOver } from '../support/http-api';
import { freePort, startRedisServer, type RedisServer } from '../support/redis-server';
import { hexKey, NO_RATE_LIMITS } from '../support/test-app';
import { uniquePrefix } from '../support/test-redis';
import { addressForms, findForms, listRowOf } from './log-search';

// Demo addresses (seeded), one typed full-width as a Japanese IME does, and addresses of our own
// that only this test loads as a list or checks.
const HIT = 'taro.yamada@example.jp';
const FULL_WIDTH_HIT = 'ｈａｎａｋｏ．ｓｕｚｕｋｉ＠ｅｘａｍｐｌｅ．ｊｐ';
const MISS = 'michiko.unlisted@example.com';
const UPLOADED = ['logtest.uploaded@example.org', 'ＳＨＯＵＴＥＤ．ＵＰＬＯＡＤ＠ＥＸＡＭＰＬＥ．ＯＲＧ'];
const IN_BAD_LIST = 'kenji.badlist@example.jp';
const IN_URL = 'akira.inurl@example.net';
const IN_BROKEN_JSON = 'sachiko.brokenjson@example.jp';
const IN_HUGE_BODY = 'makoto.hugebody@example.jp';
const DURING_OUTAGE = 'emi.outage@example.jp';
const INVALID = 'not-an-address.kazuo';

describe('when checks, list loads and errors run against the server process', () => {
  let redis: RedisServer;
  let server: BuiltProcess;
  let baseUrl: string;
  let output = '';
  let redisStopped = false;
  const listRows: string[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    const env = {
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: uniquePrefix('logs'),
      OPRF_SECRET_KEY: hexKey(),
      ADMIN_API_TOKEN: ADMIN_TOKEN,
      ...FAST_ARGON2,
      ...NO_RATE_LIMITS,
      // The most verbose level: whatever any level would write is searched.
      LOG_LEVEL: 'trace',
    };
    const seeded = await runBuilt('scripts/seed-demo.js', env);
    if (seeded.code !== 0) throw new Error(`seed-demo failed: ${seeded.stderr}`);
    output += seeded.stdout + seeded.stderr;
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    server = spawnBuilt('src/server.js', { ...env, PORT: String(port) });
    await until('the server is ready', async () => {
      const ready = await fetch(`${baseUrl}/readyz`).then((response) => response.ok, () => false);
      return ready ? true : undefined;
    }, 30_000);

    await exercise();

    await redis.stop();
    redisStopped = true;
    const unavailable = await postJson('/api/v1/check', { email: DURING_OUTAGE });
    expect(unavailable.status).toBe(503);
    expect((await fetch(`${baseUrl}/readyz`)).status).toBe(503);

    server.kill('SIGTERM');
    const finished = await server.finished;
    output += finished.stdout + finished.stderr;
  }, 120_000);

  afterAll(async () => {
    // Both have ended by now unless beforeAll failed (a stopped redis-server's stop() would not return).
    server?.kill('SIGKILL');
    if (!redisStopped) await redis?.stop();
  });

  function postJson(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  async function exercise(): Promise<void> {
    // Checks through the API and the form: hits, a full-width hit, a miss, invalid input.
    expect(((await (await postJson('/api/v1/check', { email: HIT })).json()) as { affected: boolean }).affected).toBe(true);
    expect(((await (await postJson('/api/v1/check', { email: FULL_WIDTH_HIT })).json()) as { affected: boolean }).affected).toBe(true);
    expect(((await (await postJson('/api/v1/check', { email: MISS })).json()) as { affected: boolean }).affected).toBe(false);
    expect((await postJson('/api/v1/check', { email: INVALID })).status).toBe(400);
    for (const email of [HIT, FULL_WIDTH_HIT, MISS, INVALID]) {
      const page = await fetch(`${baseUrl}/check`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email, lang: 'en' }).toString(),
      });
      expect([200, 400]).toContain(page.status);
    }

    // A list load of addresses of our own, then checks that find them.
    const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const profile = (await (await fetch(`${baseUrl}/api/v1/hashing-profile`)).json()) as HashingProfile;
    const exposureId = await createExposureOver(baseUrl);
    for (const address of UPLOADED) listRows.push(await listRowOf(address, profile));
    const upload = await fetch(`${baseUrl}/api/v1/admin/exposures/${exposureId}/list`, {
      method: 'PUT',
      headers: { ...admin, 'content-type': 'text/plain' },
      body: `# profile: ${profile.id}\n${listRows.join('\n')}\n`,
    });
    expect(upload.status).toBe(200);
    expect((await postJson(`/api/v1/admin/exposures/${exposureId}/publish`, {}, admin)).status).toBe(200);
    for (const address of UPLOADED) {
      const found = (await (await postJson('/api/v1/check', { email: address })).json()) as { exposures: { id: string }[] };
      expect(found.exposures.map(({ id }) => id)).toContain(exposureId);
    }

    // Errors whose input holds addresses: a list of plaintext, broken and huge bodies, addresses in
    // the path, the query string and the authorization header.
    const badList = await fetch(`${baseUrl}/api/v1/admin/exposures/${exposureId}/list`, {
      method: 'PUT',
      headers: { ...admin, 'content-type': 'text/plain' },
      body: `${IN_BAD_LIST}\n${listRows[0]}\n`,
    });
    expect(badList.status).toBe(400);
    expect((await postJson('/api/v1/check', `{"email": "${IN_BROKEN_JSON}`)).status).toBe(400);
    expect((await postJson('/api/v1/check', { email: IN_HUGE_BODY, padding: `${IN_HUGE_BODY} `.repeat(2_000) })).status).toBe(413);
    expect((await fetch(`${baseUrl}/api/v1/admin/exposures/${encodeURIComponent(IN_URL)}/list`, { method: 'DELETE', headers: admin })).status).toBe(404);
    expect((await fetch(`${baseUrl}/${IN_URL}`)).status).toBe(404);
    expect((await fetch(`${baseUrl}/?email=${encodeURIComponent(IN_URL)}`)).status).toBe(200);
    expect((await fetch(`${baseUrl}/api/v1/admin/incidents`, { headers: { authorization: `Bearer ${IN_URL}` } })).status).toBe(401);
    expect((await postJson('/api/v1/check', { email: HIT }, { cookie: `lang=en; who=${IN_URL}`, referer: `${baseUrl}/?e=${IN_URL}` })).status).toBe(200);
  }

  const everyAddress = () => [HIT, FULL_WIDTH_HIT, MISS, ...UPLOADED, IN_BAD_LIST, IN_URL, IN_BROKEN_JSON, IN_HUGE_BODY, DURING_OUTAGE, INVALID];

  it('then the logs hold requests, errors and the shutdown', () => {
    expect(output).toContain('"route":"/api/v1/check"');
    expect(output).toContain('"route":"/check"');
    expect(output).toContain('"route":"/api/v1/admin/exposures/:exposureId/list"');
    expect(output).toContain('"statusCode":503');
    expect(output).toContain('"statusCode":413');
    expect(output).toMatch(/"level":50.*"code":"unavailable"/);
    expect(output).toContain('in-flight requests drained');
  });

  it('then no address, normalized address, local part or list row appears anywhere in them', () => {
    expect(findForms(output, addressForms(everyAddress()))).toEqual([]);
    expect(findForms(output, listRows)).toEqual([]);
  });

  it('then the search would have found a leak (positive control)', () => {
    const planted = `${output}\n{"level":30,"msg":"checked ${UPLOADED[1]}"}\n`;
    const found = findForms(planted, addressForms(everyAddress()));
    expect(found).toEqual(expect.arrayContaining([UPLOADED[1], 'ＳＨＯＵＴＥＤ．ＵＰＬＯＡＤ']));
    expect(findForms(`${output}${listRows[0]}`, listRows)).toEqual([listRows[0]]);
  });
});
