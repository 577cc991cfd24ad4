import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { DUMMY_PASSWORD_HASH, PASSWORD_HASH_OPTIONS } from '../../src/staff/password-hash';
import { csrfOf, newStaff, PASSWORD, signInWith, startStaffService, type StaffTestService } from './staff-fixtures';

const BURST = 40;

/** Staff password hashes run in a small queue of their own, shed when it is full. */
describe('the password queue', () => {
  let service: StaffTestService;
  let server: Server;
  let ipCounter = 0;
  const newIp = () => `10.34.${Math.floor((ipCounter += 1) / 250)}.${ipCounter % 250}`;

  beforeAll(async () => {
    service = await startStaffService({
      env: { TRUST_PROXY: '1', PASSWORD_HASH_MAX_RUNNING: '1', PASSWORD_HASH_MAX_WAITING: '1', LOGIN_MAX_FAILURES_PER_IP_PER_HOUR: '1000' },
    });
    server = service.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await service.close();
  });
  let baseUrl = '';

  const stats = () => service.runtime.staff.passwordQueue.stats();

  async function signInForm(): Promise<{ cookie: string; token: string }> {
    const page = await fetch(`${baseUrl}/staff/login`);
    return { cookie: page.headers.getSetCookie()[0]?.split(';', 1)[0] ?? '', token: csrfOf(await page.text()) };
  }

  function attempt(form: { cookie: string; token: string }, username: string, headers: Record<string, string> = {}) {
    return request(server)
      .post('/staff/login')
      .set('Cookie', form.cookie)
      .set('X-Forwarded-For', newIp())
      .set(headers)
      .type('form')
      .send({ _csrf: form.token, username, password: 'not the password at all' });
  }

  it('when the settings are read, then the queue runs and holds what PASSWORD_HASH_MAX_RUNNING and _WAITING say', () => {
    expect(stats()).toMatchObject({ maxRunning: 1, maxWaiting: 1 });
  });

  it(`when ${BURST} sign-ins arrive at once, then beyond one running and one waiting they are refused 503 overloaded with Retry-After, before any hashing`, async () => {
    const form = await signInForm();
    const before = stats();
    const checksBefore = service.runtime.check.queue.stats().finished;

    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) => attempt(form, `burst-user-${i}`, { Accept: 'application/json' })),
    );

    const after = stats();
    const shed = answers.filter((answer) => answer.status === 503);
    const checked = answers.filter((answer) => answer.status === 400);
    expect(shed.length + checked.length).toBe(BURST);
    expect(shed.length).toBeGreaterThan(0);
    expect(checked.length).toBeGreaterThanOrEqual(2);
    expect(shed.every((answer) => answer.body.error.code === 'overloaded' && answer.headers['retry-after'] === '5')).toBe(true);
    expect(after.shed - before.shed).toBe(shed.length);
    expect(after.finished - before.finished).toBe(checked.length);
    // Not one of them went through the checks' queue: sign-ins cannot take the checks' places.
    expect(service.runtime.check.queue.stats().finished).toBe(checksBefore);
  });

  it('when a sign-in is shed, then the browser gets a short page saying to retry in a few seconds, in its language', async () => {
    const form = await signInForm();
    const busy = Array.from({ length: BURST }, (_, i) => attempt(form, `busy-user-${i}`, { 'Accept-Language': 'ja' }));

    const answers = await Promise.all(busy);

    const shed = answers.filter((answer) => answer.status === 503);
    expect(shed.length).toBeGreaterThan(0);
    for (const answer of shed) {
      expect(answer.text).toContain('ただいまログインの処理が混み合っています');
      expect(answer.text).toContain('<html lang="ja">');
      expect(answer.headers['retry-after']).toBe('5');
    }
  });

  it('when an unknown username signs in, then it costs one verification in the queue, as a known one does', async () => {
    const member = await newStaff(service.runtime, 'support');
    const costOf = async (username: string, password: string) => {
      const before = stats().finished;
      await signInWith(request.agent(service.app), username, password, { 'X-Forwarded-For': newIp() });
      return stats().finished - before;
    };

    expect(await costOf('nobody-by-this-name', PASSWORD)).toBe(1);
    expect(await costOf(member.username, 'not the password at all')).toBe(1);
    expect(await costOf(member.username, PASSWORD)).toBe(1);
  });

  it('when the dummy hash is compared with the costs of real password hashes, then they are the same', () => {
    expect(DUMMY_PASSWORD_HASH).toMatch(/^\$argon2id\$v=19\$/);
    const params = Object.fromEntries(
      (DUMMY_PASSWORD_HASH.split('$')[3] ?? '').split(',').map((pair) => pair.split('=') as [string, string]),
    );
    expect(params).toEqual({
      m: String(PASSWORD_HASH_OPTIONS.memoryCost),
      t: String(PASSWORD_HASH_OPTIONS.timeCost),
      p: String(PASSWORD_HASH_OPTIONS.parallelism),
    });
  });

  it('when accounts are created while the queue is full, then the one beyond it is refused 503 overloaded and not created', async () => {
    const running = newStaff(service.runtime, 'support');
    const waiting = newStaff(service.runtime, 'support');
    const beyond = service.runtime.staff.service.createStaff({ username: 'beyond-the-queue', role: 'support', password: PASSWORD });

    await expect(beyond).rejects.toMatchObject({ code: 'overloaded', status: 503 });
    await expect(running).resolves.toBeDefined();
    await expect(waiting).resolves.toBeDefined();
    expect(await service.runtime.staff.service.getByUsername('beyond-the-queue')).toBeNull();
  });
});
