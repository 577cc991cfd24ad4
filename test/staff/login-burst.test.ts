import type { Server } from 'node:http';
import request from 'supertest';
import { csrfOf, newStaff, PASSWORD, sessionCookieOf, startStaffService, type StaffTestService } from './staff-fixtures';

const PER_ACCOUNT = 5;
const PER_IP = 20;
const BURST = 150;

/**
 * Attempts sent all at once must not slip past the throttle while the first of them
 * are still being checked. The password queue is roomy here, so that none of the burst is shed and
 * every refusal seen is the throttle's.
 */
describe('sign-in throttling under a burst of parallel attempts', () => {
  let service: StaffTestService;
  let server: Server;
  let ipCounter = 0;
  const newIp = () => `10.12.${Math.floor((ipCounter += 1) / 250)}.${ipCounter % 250}`;

  beforeAll(async () => {
    service = await startStaffService({
      env: {
        TRUST_PROXY: '1',
        LOGIN_MAX_FAILURES_PER_ACCOUNT: String(PER_ACCOUNT),
        LOGIN_MAX_FAILURES_PER_IP_PER_HOUR: String(PER_IP),
        PASSWORD_HASH_MAX_WAITING: String(2 * BURST),
      },
    });
    server = service.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await service.close();
  });

  /** One browser's sign-in form: its cookie and token, reused by every attempt of the burst (as a script would). */
  async function signInForm(): Promise<{ cookie: string; token: string }> {
    const page = await request(server).get('/staff/login');
    const cookie = ([] as string[]).concat(page.headers['set-cookie'] ?? [])[0]?.split(';', 1)[0] ?? '';
    return { cookie, token: csrfOf(page.text) };
  }

  function attempt(form: { cookie: string; token: string }, ip: string, username: string, password: string) {
    return request(server)
      .post('/staff/login')
      .set('Cookie', form.cookie)
      .set('X-Forwarded-For', ip)
      .set('Accept-Language', 'en')
      .type('form')
      .send({ _csrf: form.token, username, password })
      .then((response) => response);
  }

  const verifications = () => service.runtime.staff.passwordQueue.stats().finished;

  async function failedSignInsOf(username: string): Promise<number> {
    const page = await service.runtime.audit.service.query({ action: 'staff.login_failed', actorUsername: username, limit: 200 });
    return page.events.length;
  }

  it(`when ${BURST} wrong passwords and then the right one arrive at once for one account, then only ${PER_ACCOUNT} are checked, the rest get 429, and the right one does not sign in`, async () => {
    // Each from an address of its own, so that only the username's budget can hold them back.
    const member = await newStaff(service.runtime, 'admin');
    const form = await signInForm();
    const before = verifications();

    const wrong = Array.from({ length: BURST }, (_, i) => attempt(form, newIp(), member.username, `wrong password number ${i}`));
    const right = attempt(form, newIp(), member.username, PASSWORD);
    const answers = await Promise.all([...wrong, right]);
    const rightAnswer = await right;

    const statuses = answers.map((answer) => answer.status);
    expect(verifications() - before).toBeLessThanOrEqual(PER_ACCOUNT);
    expect(await failedSignInsOf(member.username)).toBeLessThanOrEqual(PER_ACCOUNT);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(BURST + 1 - PER_ACCOUNT);
    expect(statuses.filter((status) => status !== 429 && status !== 400)).toEqual([]);
    expect(rightAnswer.status).toBe(429);
    expect(rightAnswer.text).toContain('Too many failed sign-ins for this username');
    expect(sessionCookieOf(rightAnswer)).toBeUndefined();
    // Locked now: the right password, even alone and from elsewhere, waits out the lockout.
    const later = await attempt(await signInForm(), newIp(), member.username, PASSWORD);
    expect(later.status).toBe(429);
    expect(Number(later.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(later.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
  });

  it(`when ${BURST} wrong passwords for as many usernames arrive at once from one IP, then at most its budget of ${PER_IP} is checked`, async () => {
    const form = await signInForm();
    const ip = newIp();
    const before = verifications();

    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) => attempt(form, ip, `sprayed-${ipCounter}-${i}`, 'Password123456')),
    );

    const refused = answers.filter((answer) => answer.status === 429);
    expect(verifications() - before).toBeLessThanOrEqual(PER_IP);
    expect(refused.length).toBeGreaterThanOrEqual(BURST - PER_IP);
    expect(answers.filter((answer) => answer.status !== 429 && answer.status !== 400)).toEqual([]);
    expect(refused.every((answer) => answer.text.includes('Too many failed sign-ins from this connection'))).toBe(true);
    // Another connection is not held back by this one's burst.
    const member = await newStaff(service.runtime, 'support');
    expect((await attempt(await signInForm(), newIp(), member.username, PASSWORD)).status).toBe(303);
  });

  it('when fewer wrong passwords than the budget arrive at once, then every one is checked and answered as a plain failure, and the right one still signs in', async () => {
    const member = await newStaff(service.runtime, 'support');
    const form = await signInForm();

    const right = await attempt(form, newIp(), member.username, PASSWORD);
    const before = verifications();
    const burst = await Promise.all(
      Array.from({ length: PER_ACCOUNT - 1 }, (_, i) => attempt(form, newIp(), member.username, `wrong password ${i}`)),
    );

    expect(right.status).toBe(303);
    expect(burst.map((answer) => answer.status)).toEqual(Array.from({ length: PER_ACCOUNT - 1 }, () => 400));
    expect(verifications() - before).toBe(PER_ACCOUNT - 1);
    expect((await attempt(form, newIp(), member.username, PASSWORD)).status).toBe(303);
  });
});
