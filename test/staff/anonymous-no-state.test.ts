import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { StaffMember } from '../../src/actor/staff-member';
import { keysWithPrefix, newTestRedis } from '../support/test-redis';
import { csrfOf, newStaff, PASSWORD, sessionCookieOf, startStaffService, type StaffTestService } from './staff-fixtures';

const VIEWS = 5_000;
const IN_FLIGHT = 25;
// Well-formed (hex, a dot, hex) but not signed by this service.
const FORGED_TOKEN = `${'ab'.repeat(32)}.${'cd'.repeat(32)}`;

interface View {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  form?: Record<string, string>;
  status: number;
}

/** What anyone may send without an account, each with the answer it must get. */
const ANONYMOUS_VIEWS: View[] = [
  { name: 'the sign-in page', method: 'GET', path: '/staff/login', status: 200 },
  { name: 'the sign-in page in English', method: 'GET', path: '/staff/login?lang=en', status: 200 },
  { name: 'the ended-session notice', method: 'GET', path: '/staff/login?ended=1', status: 200 },
  { name: 'the admin console', method: 'GET', path: '/admin', status: 303 },
  { name: 'an admin page', method: 'GET', path: '/admin/incidents', status: 303 },
  { name: 'the admin console as JSON', method: 'GET', path: '/admin', headers: { accept: 'application/json' }, status: 401 },
  { name: 'the support console', method: 'GET', path: '/support', status: 303 },
  { name: 'the console home', method: 'GET', path: '/staff', status: 303 },
  { name: 'the public check page', method: 'GET', path: '/', status: 200 },
  { name: 'a made-up session cookie', method: 'GET', path: '/admin', headers: { cookie: 'xc_session=s%3Amade-up.signature' }, status: 303 },
  {
    name: 'the admin API with a made-up session cookie',
    method: 'GET',
    path: '/api/v1/admin/incidents',
    headers: { cookie: 'xc_session=s%3Amade-up.signature' },
    status: 401,
  },
  {
    name: 'a sign-in with a forged token',
    method: 'POST',
    path: '/staff/login',
    headers: { cookie: `xc_login_csrf=${FORGED_TOKEN}` },
    form: { _csrf: FORGED_TOKEN, username: 'someone', password: 'any password at all' },
    status: 403,
  },
  { name: 'a sign-in without a token', method: 'POST', path: '/staff/login', form: { username: 'someone', password: 'any password at all' }, status: 403 },
  { name: 'a sign-out while signed out', method: 'POST', path: '/staff/logout', form: {}, status: 403 },
  { name: 'a support check while signed out', method: 'POST', path: '/support/check', form: { ticketRef: 'ZD-1', email: 'a@example.jp' }, status: 403 },
];

describe('anonymous visitors store nothing', () => {
  let service: StaffTestService;
  let server: Server;
  let baseUrl: string;
  let admin: StaffMember;

  beforeAll(async () => {
    service = await startStaffService({ env: { TRUST_PROXY: '1' } });
    admin = await newStaff(service.runtime, 'admin');
    server = service.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await service.close();
  });

  async function visit(view: View): Promise<{ status: number; cookies: string[] }> {
    const response = await fetch(`${baseUrl}${view.path}`, {
      method: view.method,
      redirect: 'manual',
      headers: { ...view.headers, ...(view.form && { 'content-type': 'application/x-www-form-urlencoded' }) },
      ...(view.form && { body: new URLSearchParams(view.form).toString() }),
    });
    await response.arrayBuffer();
    return { status: response.status, cookies: response.headers.getSetCookie() };
  }

  it(
    `when ${VIEWS} anonymous requests come (console pages, the public page, forged and token-less sign-ins), then Redis holds not one key more and no session cookie is set`,
    async () => {
      const redis = newTestRedis();
      try {
        const keysBefore = (await keysWithPrefix(redis, service.config.redisKeyPrefix)).sort();
        const wrongAnswers: string[] = [];
        const sessionCookies: string[] = [];
        let next = 0;
        const worker = async () => {
          for (let index = next++; index < VIEWS; index = next++) {
            const view = ANONYMOUS_VIEWS[index % ANONYMOUS_VIEWS.length] as View;
            const { status, cookies } = await visit(view);
            if (status !== view.status) wrongAnswers.push(`${view.name}: ${status}`);
            sessionCookies.push(...cookies.filter((cookie) => cookie.startsWith('xc_session=')));
          }
        };
        await Promise.all(Array.from({ length: IN_FLIGHT }, worker));

        expect(next).toBeGreaterThanOrEqual(VIEWS);
        expect([...new Set(wrongAnswers)]).toEqual([]);
        expect(sessionCookies).toEqual([]);
        expect((await keysWithPrefix(redis, service.config.redisKeyPrefix)).sort()).toEqual(keysBefore);
      } finally {
        redis.disconnect();
      }
    },
    120_000,
  );

  it('when the sign-in page is shown, then its token comes with a cookie of its own: HttpOnly, SameSite=Strict, Secure and __Host- behind TLS', async () => {
    const plain = await request(service.app).get('/staff/login');
    const tls = await request(service.app).get('/staff/login').set('X-Forwarded-Proto', 'https');

    const plainCookie = ([] as string[]).concat(plain.headers['set-cookie'] ?? []);
    const tlsCookie = ([] as string[]).concat(tls.headers['set-cookie'] ?? []);
    expect(plainCookie).toHaveLength(1);
    expect(plainCookie[0]).toMatch(/^xc_login_csrf=[0-9a-f]{64}\.[0-9a-f]{64};/);
    expect(tlsCookie).toHaveLength(1);
    expect(tlsCookie[0]).toMatch(/^__Host-xc_login_csrf=[0-9a-f]{64}\.[0-9a-f]{64};/);
    for (const cookie of [plainCookie[0], tlsCookie[0]]) {
      expect(cookie).toMatch(/; HttpOnly(;|$)/);
      expect(cookie).toMatch(/; SameSite=Strict(;|$)/);
      expect(cookie).toMatch(/; Path=\/(;|$)/);
      expect(cookie).not.toMatch(/; (Domain|Max-Age|Expires)=/);
    }
    expect(plainCookie[0]).not.toMatch(/; Secure(;|$)/);
    expect(tlsCookie[0]).toMatch(/; Secure(;|$)/);
    // The form holds the very value of the cookie: that pair, signed by us, is the whole proof.
    expect(plainCookie[0]).toContain(`=${csrfOf(plain.text)};`);
  });

  it('when a browser keeps its sign-in page open, then the same token serves every reload, so tabs never invalidate each other', async () => {
    const agent = request.agent(service.app);
    const first = csrfOf((await agent.get('/staff/login')).text);
    const second = csrfOf((await agent.get('/staff/login')).text);

    expect(second).toBe(first);
    expect((await agent.post('/staff/login').type('form').send({ _csrf: first, username: admin.username, password: PASSWORD })).status).toBe(303);
  });

  it.each([
    ['no token at all', async () => ({})],
    ['an empty token', async () => ({ _csrf: '' })],
    ['a well-formed token this service never signed', async () => ({ _csrf: FORGED_TOKEN })],
    ['the token of another browser', async () => ({ _csrf: csrfOf((await request(service.app).get('/staff/login')).text) })],
  ])('when a sign-in carries %s, then it is refused 403 csrf_rejected and nobody is signed in', async (_name, tokenField) => {
    const agent = request.agent(service.app);
    await agent.get('/staff/login');

    const response = await agent
      .post('/staff/login')
      .set('Accept', 'application/json')
      .type('form')
      .send({ ...(await tokenField()), username: admin.username, password: PASSWORD });

    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('csrf_rejected');
    expect(sessionCookieOf(response)).toBeUndefined();
    expect((await agent.get('/admin')).status).toBe(303);
  });

  it('when a forged pair is sent as both cookie and field, then it is refused: the pair must carry our signature', async () => {
    const response = await request(service.app)
      .post('/staff/login')
      .set('Cookie', `xc_login_csrf=${FORGED_TOKEN}`)
      .set('Accept', 'application/json')
      .type('form')
      .send({ _csrf: FORGED_TOKEN, username: admin.username, password: PASSWORD });

    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('csrf_rejected');
  });

  it("when a pair signed by another deployment's key is sent, then it is refused", async () => {
    const other = await startStaffService();
    try {
      const page = await request(other.app).get('/staff/login');
      const cookie = ([] as string[]).concat(page.headers['set-cookie'] ?? [])[0]?.split(';', 1)[0] ?? '';

      const response = await request(service.app)
        .post('/staff/login')
        .set('Cookie', cookie)
        .set('Accept', 'application/json')
        .type('form')
        .send({ _csrf: csrfOf(page.text), username: admin.username, password: PASSWORD });

      expect(cookie).toMatch(/^xc_login_csrf=/);
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('csrf_rejected');
    } finally {
      await other.close();
    }
  });

  it('when a session ends, then its key is deleted and not replaced, and the same browser signs in again in one request', async () => {
    const redis = newTestRedis();
    try {
      const sessions = async () =>
        (await keysWithPrefix(redis, service.config.redisKeyPrefix)).filter((key) => key.startsWith(`${service.config.redisKeyPrefix}session:`));
      const agent = request.agent(service.app);
      const page = await agent.get('/staff/login');
      const before = await sessions();
      await agent.post('/staff/login').type('form').send({ _csrf: csrfOf(page.text), username: admin.username, password: PASSWORD });
      expect((await sessions()).length).toBe(before.length + 1);

      service.clock.advance(31 * 60_000);
      // Straight to the sign-in form with the ended session's cookie: the session ends and a new
      // one begins in the same request.
      const again = await agent.post('/staff/login').type('form').send({ _csrf: csrfOf(page.text), username: admin.username, password: PASSWORD });
      const now = await sessions();

      expect(again.status).toBe(303);
      expect(now.length).toBe(before.length + 1);
      expect((await agent.get('/admin')).status).toBe(200);
      service.clock.advance(31 * 60_000);
      expect((await agent.get('/admin')).headers.location).toBe('/staff/login?ended=1');
      expect(await sessions()).toEqual(before);
    } finally {
      redis.disconnect();
    }
  });

  it('when someone signs in, then that is the first session Redis holds for them', async () => {
    const redis = newTestRedis();
    try {
      const sessions = async () =>
        (await keysWithPrefix(redis, service.config.redisKeyPrefix)).filter((key) => key.startsWith(`${service.config.redisKeyPrefix}session:`));
      const agent = request.agent(service.app);
      const before = await sessions();
      const page = await agent.get('/staff/login');
      const afterPage = await sessions();

      const response = await agent.post('/staff/login').type('form').send({ _csrf: csrfOf(page.text), username: admin.username, password: PASSWORD });

      expect(afterPage).toEqual(before);
      expect(response.status).toBe(303);
      expect(sessionCookieOf(response)).toBeDefined();
      expect((await sessions()).length).toBe(before.length + 1);
    } finally {
      redis.disconnect();
    }
  });
});
