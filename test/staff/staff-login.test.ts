import request from 'supertest';
import type { StaffMember } from '../../src/actor/staff-member';
import { keysWithPrefix, newTestRedis } from '../support/test-redis';
import {
  csrfOf,
  LOGIN_CSRF_FIELD,
  newStaff,
  PASSWORD,
  sessionCookieOf,
  signedIn,
  signInWith,
  startStaffService,
  type StaffTestService,
} from './staff-fixtures';

describe('staff sign-in and sign-out', () => {
  let service: StaffTestService;
  let admin: StaffMember;
  let support: StaffMember;

  beforeAll(async () => {
    service = await startStaffService({ env: { TRUST_PROXY: '1' } });
    admin = await newStaff(service.runtime, 'admin');
    support = await newStaff(service.runtime, 'support');
  });
  afterAll(async () => {
    await service.close();
  });

  it('when the sign-in page is opened, then it is a bilingual form with a CSRF token, uncached', async () => {
    const ja = await request(service.app).get('/staff/login');
    const en = await request(service.app).get('/staff/login?lang=en');

    expect(ja.status).toBe(200);
    expect(ja.headers['cache-control']).toBe('no-store');
    expect(ja.text).toContain('スタッフ画面にログイン');
    expect(ja.text).toMatch(LOGIN_CSRF_FIELD);
    expect(en.text).toContain('Sign in to the staff console');
    expect(en.text).toContain('<html lang="en">');
  });

  it('when an admin signs in with the right password, then they are sent on to /admin and see their name', async () => {
    const agent = request.agent(service.app);

    const response = await signInWith(agent, admin.username, PASSWORD);

    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/staff');
    const home = await agent.get('/staff');
    expect(home.status).toBe(303);
    expect(home.headers.location).toBe('/admin');
    const page = await agent.get('/admin?lang=en');
    expect(page.status).toBe(200);
    expect(page.text).toContain(admin.username);
    expect(page.text).toContain('href="/admin/incidents"');
    expect(page.text).toContain('action="/staff/logout"');
  });

  it('when the username is typed in capitals with spaces around it, then it still signs in', async () => {
    const response = await signInWith(request.agent(service.app), `  ${admin.username.toUpperCase()} `, PASSWORD);

    expect(response.status).toBe(303);
  });

  it('when support staff sign in, then /staff sends them to /support', async () => {
    const agent = await signedIn(service.app, support.username);

    const home = await agent.get('/staff');

    expect(home.headers.location).toBe('/support');
    expect((await agent.get('/support')).status).toBe(200);
  });

  it.each([
    ['a wrong password', (member: StaffMember) => member.username, 'not the password at all'],
    ['an unknown username', () => 'nobody-here', PASSWORD],
    ['an empty form', () => '', ''],
  ])('when someone signs in with %s, then the form comes back with one message and no session', async (_name, username, password) => {
    const agent = request.agent(service.app);

    const response = await signInWith(agent, username(admin), password, { 'Accept-Language': 'en' });

    expect(response.status).toBe(400);
    expect(response.text).toContain('The username or password is not correct.');
    expect(response.text).not.toMatch(/type="password"[^>]*value=/);
    expect((await agent.get('/admin')).status).toBe(303);
  });

  it('when an email address is typed as the username, then it is neither echoed in the form nor kept in Redis', async () => {
    const email = 'taro.yamada@example.jp';
    const response = await signInWith(request.agent(service.app), email, PASSWORD);

    expect(response.status).toBe(400);
    expect(response.text).not.toContain(email);
    const redis = newTestRedis();
    try {
      const keys = await keysWithPrefix(redis, service.config.redisKeyPrefix);
      expect(keys.some((key) => key.includes('taro'))).toBe(false);
    } finally {
      redis.disconnect();
    }
  });

  it('when someone signs in, then the session id changes, and the id from before sign-in opens nothing', async () => {
    // Nothing anonymous has a session any more, so the id a browser can carry into a sign-in is that
    // of an earlier one: here support staff's, planted (or left) in the browser that signs in as admin.
    const agent = request.agent(service.app);
    const page = await agent.get('/staff/login');
    const earlier = await agent.post('/staff/login').type('form').send({ _csrf: csrfOf(page.text), username: support.username, password: PASSWORD });
    const before = sessionCookieOf(earlier);
    expect(before).toBeDefined();

    const response = await agent.post('/staff/login').type('form').send({ _csrf: csrfOf(page.text), username: admin.username, password: PASSWORD });

    const after = sessionCookieOf(response);
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    // An attacker who planted `before` in the victim's browser still holds only an anonymous id.
    const planted = await request(service.app).get('/admin').set('Cookie', `xc_session=${before}`);
    expect(planted.status).toBe(303);
    expect(planted.headers.location).toBe('/staff/login');
    const victim = await request(service.app).get('/admin').set('Cookie', `xc_session=${after}`);
    expect(victim.status).toBe(200);
  });

  it('when someone signs out, then the session ends and its cookie no longer opens anything', async () => {
    const agent = request.agent(service.app);
    const signIn = await signInWith(agent, admin.username, PASSWORD);
    const cookie = sessionCookieOf(signIn);
    const token = csrfOf((await agent.get('/admin')).text);

    const response = await agent.post('/staff/logout').type('form').send({ _csrf: token });

    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/staff/login?signed-out=1');
    expect((await agent.get('/admin')).status).toBe(303);
    const replayed = await request(service.app).get('/admin').set('Cookie', `xc_session=${cookie}`);
    expect(replayed.status).toBe(303);
    const notice = await agent.get('/staff/login?signed-out=1&lang=en');
    expect(notice.text).toContain('You have signed out.');
  });

  it('when the session cookie is set, then it is HttpOnly, SameSite=Strict, on path /, and Secure only behind TLS', async () => {
    // The session cookie is set at sign-in (before it there is none); over TLS the sign-in form's
    // cookie is Secure, which this client would not send back over plain HTTP, so it is sent by hand.
    const plain = await signInWith(request.agent(service.app), admin.username, PASSWORD);
    const tlsPage = await request(service.app).get('/staff/login').set('X-Forwarded-Proto', 'https');
    const formCookie = ([] as string[]).concat(tlsPage.headers['set-cookie'] ?? [])[0]?.split(';', 1)[0] ?? '';
    const tls = await request(service.app)
      .post('/staff/login')
      .set('X-Forwarded-Proto', 'https')
      .set('Cookie', formCookie)
      .type('form')
      .send({ _csrf: csrfOf(tlsPage.text), username: admin.username, password: PASSWORD });
    expect(plain.status).toBe(303);
    expect(tls.status).toBe(303);

    const plainCookie = ([] as string[]).concat(plain.headers['set-cookie'] ?? []).find((line) => line.startsWith('xc_session='));
    const tlsCookie = ([] as string[]).concat(tls.headers['set-cookie'] ?? []).find((line) => line.startsWith('xc_session='));
    expect(plainCookie).toMatch(/; HttpOnly/);
    expect(plainCookie).toMatch(/; SameSite=Strict/);
    expect(plainCookie).toMatch(/; Path=\//);
    expect(plainCookie).not.toMatch(/; Secure/);
    expect(tlsCookie).toMatch(/; Secure/);
  });

  it('when a public page is visited, then no session cookie is set', async () => {
    const response = await request(service.app).get('/');

    expect(sessionCookieOf(response)).toBeUndefined();
  });

  it('when a signed-in admin opens the sign-in page, then they are sent to their console', async () => {
    const agent = await signedIn(service.app, admin.username);

    const response = await agent.get('/staff/login');

    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/staff');
  });
});
