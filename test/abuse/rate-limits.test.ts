import request from 'supertest';
import { ADMIN_TOKEN, FAST_ARGON2 } from '../admin/admin-fixtures';
import { startTestService, type TestService } from '../support/test-app';
import { keysWithPrefix, newTestRedis, uniquePrefix } from '../support/test-redis';

// TRUST_PROXY=1: supertest plays the deployment's proxy, so X-Forwarded-For names the client.
const BEHIND_ONE_PROXY = { TRUST_PROXY: '1', ...FAST_ARGON2 };
const EMAIL = 'taro.yamada@example.jp';

function apiCheck(service: TestService, client: string) {
  return request(service.app).post('/api/v1/check').set('X-Forwarded-For', client).send({ email: EMAIL });
}

function formCheck(service: TestService, client: string, lang: 'ja' | 'en') {
  return request(service.app).post('/check').set('X-Forwarded-For', client).type('form').send({ email: EMAIL, lang });
}

// What the 429 page says, by the budget that refused.
const NETWORK_PAGE = {
  en: 'Many checks came from your network, so checks from it are paused.',
  ja: 'お使いのネットワークから短時間に多くの確認があったため、一時的に確認をお受けできません。',
};
const SHARED_NOTE = { en: 'such as a mobile carrier\u2019s or an office\u2019s', ja: '携帯電話会社や職場など' };
const BUSY_PAGE = {
  en: 'Many checks are being made right now',
  ja: 'ただいま確認が集中しているため',
};

async function statuses(requests: (() => request.Test)[]): Promise<number[]> {
  const seen: number[] = [];
  for (const send of requests) seen.push((await send()).status);
  return seen;
}

describe.each(['redis', 'memory'] as const)('when checks come faster than the per-IP budget (%s store)', (store) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({
      store,
      seed: true,
      env: { ...BEHIND_ONE_PROXY, RATE_LIMIT_PER_IP: '3', RATE_LIMIT_PER_IPV6_64: '5', RATE_LIMIT_GLOBAL: '1000' },
    });
  });
  afterAll(async () => {
    await service.close();
  });

  it('then the API answers 429 rate_limited with Retry-After, and says nothing of the address', async () => {
    const client = '203.0.113.10';
    expect(await statuses([1, 2, 3].map(() => () => apiCheck(service, client)))).toEqual([200, 200, 200]);

    const refused = await apiCheck(service, client);

    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error: { code: 'rate_limited', message: expect.stringContaining('from your network'), scope: 'network' },
    });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.text).not.toContain('taro');
    expect(refused.text).not.toContain('affected');
  });

  it('then another client is still admitted', async () => {
    expect((await apiCheck(service, '203.0.113.11')).status).toBe(200);
  });

  it('then the form and the API share one budget, and the page is a calm, localized 429', async () => {
    const client = '203.0.113.12';
    await apiCheck(service, client);
    await apiCheck(service, client);
    expect((await formCheck(service, client, 'en')).status).toBe(200);

    const english = await formCheck(service, client, 'en');
    const japanese = await formCheck(service, client, 'ja');

    expect(english.status).toBe(429);
    expect(english.headers['content-type']).toMatch(/^text\/html/);
    expect(english.headers['cache-control']).toBe('no-store');
    expect(Number(english.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(english.text).toContain('Please wait a moment');
    expect(english.text).toContain(NETWORK_PAGE.en);
    expect(english.text).toContain(SHARED_NOTE.en);
    expect(english.text).not.toContain(BUSY_PAGE.en);
    expect(english.text).toContain('Please try again in a minute.');
    expect(english.text).toContain('This is not a \u201cnot affected\u201d answer');
    expect(english.text).not.toContain('taro');
    expect(japanese.status).toBe(429);
    expect(japanese.headers['content-language']).toBe('ja');
    expect(japanese.text).toContain('しばらくお待ちください');
    expect(japanese.text).toContain(NETWORK_PAGE.ja);
    expect(japanese.text).toContain(SHARED_NOTE.ja);
    expect(japanese.text).not.toContain(BUSY_PAGE.ja);
    expect(japanese.text).toContain('1分ほど待ってから、もう一度お試しください。');
    expect(japanese.text).toContain('「流出していない」という意味ではありません');
    expect(japanese.text).not.toContain('taro');
  });

  it('then an IPv4-mapped IPv6 address counts as the IPv4 address', async () => {
    const client = '203.0.113.13';
    await apiCheck(service, client);
    await apiCheck(service, `::ffff:${client}`);
    await apiCheck(service, '::FFFF:CB00:710D');
    expect((await apiCheck(service, client)).status).toBe(429);
  });

  it('then IPv6 addresses of one /64 share its budget while another /64 is admitted', async () => {
    const inNetwork = (host: number) => `2001:db8:1:2::${host.toString(16)}`;
    // Six different addresses of one /64: each under its own limit of 3, the network's 5 is spent.
    const seen = await statuses([1, 2, 3, 4, 5, 6].map((host) => () => apiCheck(service, inNetwork(host))));
    expect(seen).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await apiCheck(service, '2001:db8:1:3::1')).status).toBe(200);
  });

  it('then a refusal by the /64 budget is told as the network\'s, in the API and on the page in both languages', async () => {
    const inNetwork = (host: number) => `2001:db8:5:6::${host.toString(16)}`;
    // Five addresses spend the /64's 5; each address itself has checked once, under its limit of 3.
    await statuses([1, 2, 3, 4, 5].map((host) => () => apiCheck(service, inNetwork(host))));

    const api = await apiCheck(service, inNetwork(6));
    const english = await formCheck(service, inNetwork(7), 'en');
    const japanese = await formCheck(service, inNetwork(8), 'ja');

    expect(api.status).toBe(429);
    expect(api.body).toEqual({
      error: { code: 'rate_limited', message: expect.stringContaining('from your network'), scope: 'network' },
    });
    expect(Number(api.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    for (const [page, lang] of [[english, 'en'], [japanese, 'ja']] as const) {
      expect(page.status).toBe(429);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(Number(page.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(page.text).toContain(NETWORK_PAGE[lang]);
      expect(page.text).toContain(SHARED_NOTE[lang]);
      expect(page.text).not.toContain(BUSY_PAGE[lang]);
    }
    expect(english.text).toContain('Please try again in a minute.');
    expect(japanese.text).toContain('1分ほど待ってから、もう一度お試しください。');
  });

  it('then one IPv6 address is held to the per-IP budget too', async () => {
    const client = '2001:db8:9:9::1';
    expect(await statuses([1, 2, 3, 4].map(() => () => apiCheck(service, client)))).toEqual([200, 200, 200, 429]);
  });

  it('then pages, the catalogue and the profile are not limited', async () => {
    const client = '203.0.113.14';
    await statuses([1, 2, 3, 4].map(() => () => apiCheck(service, client)));
    for (const path of ['/', '/?lang=en', '/api/v1/incidents', '/api/v1/hashing-profile', '/healthz']) {
      expect((await request(service.app).get(path).set('X-Forwarded-For', client)).status).toBe(200);
    }
  });

  it('then a client cannot escape by forging the left of X-Forwarded-For: only the proxy-added hop counts', async () => {
    const forged = (n: number) => () =>
      request(service.app)
        .post('/api/v1/check')
        .set('X-Forwarded-For', `198.51.100.${n}, 203.0.113.15`)
        .send({ email: EMAIL });
    expect(await statuses([1, 2, 3, 4].map(forged))).toEqual([200, 200, 200, 429]);
  });
});

describe('when the deployment-wide budget is spent', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({
      store: 'shared',
      seed: true,
      env: { ...BEHIND_ONE_PROXY, RATE_LIMIT_PER_IP: '2', RATE_LIMIT_PER_IPV6_64: '0', RATE_LIMIT_GLOBAL: '4' },
    });
  });
  afterAll(async () => {
    await service.close();
  });

  it('then every client gets 429, and checks refused by a narrower budget never spent it', async () => {
    // A noisy client: 2 admitted, 3 refused by its own budget. Only its 2 count globally.
    expect(await statuses([1, 2, 3, 4, 5].map(() => () => apiCheck(service, '192.0.2.1')))).toEqual([
      200, 200, 429, 429, 429,
    ]);
    expect(await statuses([1, 2].map(() => () => apiCheck(service, '192.0.2.2')))).toEqual([200, 200]);

    const refused = await apiCheck(service, '192.0.2.3');

    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error: { code: 'rate_limited', message: expect.stringContaining('right now'), scope: 'global' },
    });
    expect(refused.body.error.message).not.toContain('network');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('then the page says checks are busy everywhere, not that this network made too many, in both languages', async () => {
    const english = await formCheck(service, '192.0.2.4', 'en');
    const japanese = await formCheck(service, '192.0.2.5', 'ja');

    for (const [page, lang] of [[english, 'en'], [japanese, 'ja']] as const) {
      expect(page.status).toBe(429);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(Number(page.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(page.text).toContain(BUSY_PAGE[lang]);
      expect(page.text).not.toContain(NETWORK_PAGE[lang]);
      expect(page.text).not.toContain(SHARED_NOTE[lang]);
    }
    expect(english.text).toContain('Please wait a moment');
    expect(english.text).toContain('Please try again in a minute.');
    expect(english.text).toContain('This is not a \u201cnot affected\u201d answer');
    expect(japanese.headers['content-language']).toBe('ja');
    expect(japanese.text).toContain('しばらくお待ちください');
    expect(japanese.text).toContain('1分ほど待ってから、もう一度お試しください。');
    expect(japanese.text).toContain('「流出していない」という意味ではありません');
  });
});

describe('when budgets are kept in Redis', () => {
  const prefix = uniquePrefix('rate-limit-keys');
  const redis = newTestRedis();
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({
      store: 'shared',
      prefix,
      seed: true,
      env: { ...BEHIND_ONE_PROXY, RATE_LIMIT_PER_IP: '10', RATE_LIMIT_PER_IPV6_64: '30', RATE_LIMIT_GLOBAL: '100' },
    });
  });
  afterAll(async () => {
    await service.close();
    redis.disconnect();
  });

  it('then the keys are under the deployment prefix, hold IPs only, and expire with their minute', async () => {
    await apiCheck(service, '192.0.2.44');
    await apiCheck(service, '2001:db8:44::7');

    const keys = (await keysWithPrefix(redis, `${prefix}rl:`)).sort();

    expect(keys).toEqual(
      [
        `${prefix}rl:global:all`,
        `${prefix}rl:ip:192.0.2.44`,
        `${prefix}rl:ip:2001:db8:44:0:0:0:0:7`,
        `${prefix}rl:ipv6-64:2001:db8:44:0::/64`,
      ].sort(),
    );
    for (const key of keys) {
      const ttl = await redis.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
      expect(await redis.get(key)).toMatch(/^\d+$/);
    }
    expect(await redis.get(`${prefix}rl:global:all`)).toBe('2');
  });

  it('then a second app on the same Redis shares the budgets (one deployment, several instances)', async () => {
    const other = await startTestService({
      store: 'shared',
      prefix,
      key: Buffer.from(service.config.oprfSecretKey!).toString('hex'),
      env: { ...BEHIND_ONE_PROXY, RATE_LIMIT_PER_IP: '10', RATE_LIMIT_PER_IPV6_64: '30', RATE_LIMIT_GLOBAL: '100' },
    });
    try {
      const client = '192.0.2.45';
      for (let i = 0; i < 5; i += 1) await apiCheck(service, client);
      for (let i = 0; i < 5; i += 1) expect((await apiCheck(other, client)).status).toBe(200);
      expect((await apiCheck(other, client)).status).toBe(429);
      expect((await apiCheck(service, client)).status).toBe(429);
    } finally {
      await other.close();
    }
  });
});

describe('when TRUST_PROXY is left at its default', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ store: 'memory', env: { RATE_LIMIT_PER_IP: '2', ...FAST_ARGON2 } });
  });
  afterAll(async () => {
    await service.close();
  });

  it('then X-Forwarded-For is ignored and the socket peer is the client', async () => {
    const seen = await statuses(
      ['198.51.100.1', '198.51.100.2', '198.51.100.3'].map((forged) => () => apiCheck(service, forged)),
    );
    expect(seen).toEqual([200, 200, 429]);
  });
});

describe('when the admin API is used from a client whose checks are limited', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({
      store: 'memory',
      env: { RATE_LIMIT_PER_IP: '1', RATE_LIMIT_GLOBAL: '1', ADMIN_API_TOKEN: ADMIN_TOKEN, ...FAST_ARGON2 },
    });
  });
  afterAll(async () => {
    await service.close();
  });

  it('then the admin API still answers: the public budgets do not apply to it', async () => {
    await request(service.app).post('/api/v1/check').send({ email: EMAIL });
    expect((await request(service.app).post('/api/v1/check').send({ email: EMAIL })).status).toBe(429);

    const listed = await request(service.app).get('/api/v1/admin/incidents').set('Authorization', `Bearer ${ADMIN_TOKEN}`);

    expect(listed.status).toBe(200);
  });
});
