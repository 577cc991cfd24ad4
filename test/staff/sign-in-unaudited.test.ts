import request from 'supertest';
import type { StaffMember } from '../../src/actor/staff-member';
import { keysWithPrefix, newTestRedis, type TestRedis } from '../support/test-redis';
import { newStaff, PASSWORD, sessionCookieOf, signInWith, startStaffService, type StaffTestService } from './staff-fixtures';

/** A sign-in the audit log cannot record does not happen. */
describe('signing in when the audit log cannot be written', () => {
  let service: StaffTestService;
  let redis: TestRedis;
  let admin: StaffMember;
  let auditKey: string;

  beforeAll(async () => {
    service = await startStaffService();
    redis = newTestRedis();
    admin = await newStaff(service.runtime, 'admin');
    auditKey = `${service.config.redisKeyPrefix}audit:events`;
  });
  beforeEach(async () => {
    // The audit stream's key holds a string: XADD fails inside Redis, a real failure of the real store.
    await redis.set(auditKey, 'not a stream');
  });
  afterAll(async () => {
    redis.disconnect();
    await service.close();
  });

  const sessionKeys = async () =>
    (await keysWithPrefix(redis, service.config.redisKeyPrefix)).filter((key) => key.startsWith(`${service.config.redisKeyPrefix}session:`));

  it('when the right password is given, then it is 503 audit_unavailable, no session cookie, no session in Redis, and /admin stays closed', async () => {
    const agent = request.agent(service.app);
    const before = await sessionKeys();

    const response = await signInWith(agent, admin.username, PASSWORD, { Accept: 'application/json' });

    expect(response.status).toBe(503);
    expect(response.body.error.code).toBe('audit_unavailable');
    expect(response.headers['retry-after']).toBe('30');
    expect(sessionCookieOf(response)).toBeUndefined();
    expect(await sessionKeys()).toEqual(before);
    const adminPage = await agent.get('/admin');
    expect(adminPage.status).toBe(303);
    expect(adminPage.headers.location).toBe('/staff/login');
  });

  it.each([
    ['en', 'Signing in is not possible right now: the audit log cannot record sign-ins.'],
    ['ja', '監査ログに記録できないため、ただいまログインできません。'],
  ])('when it happens in a browser in %s, then the sign-in form comes back saying why, in that language', async (language, text) => {
    const response = await signInWith(request.agent(service.app), admin.username, PASSWORD, { 'Accept-Language': language });

    expect(response.status).toBe(503);
    expect(response.text).toContain(text);
    expect(response.text).toContain(`<html lang="${language}">`);
    expect(response.text).toContain('name="password"');
    expect(sessionCookieOf(response)).toBeUndefined();
  });

  it('when a wrong password is given, then it is 503 audit_unavailable too: a failure that cannot be recorded is not answered as one', async () => {
    const response = await signInWith(request.agent(service.app), admin.username, 'not the password at all', { Accept: 'application/json' });

    expect(response.status).toBe(503);
    expect(response.body.error.code).toBe('audit_unavailable');
  });

  it('when the audit log can be written again, then the same sign-in works and is recorded', async () => {
    await redis.del(auditKey);
    const agent = request.agent(service.app);

    const response = await signInWith(agent, admin.username, PASSWORD);

    expect(response.status).toBe(303);
    expect((await agent.get('/admin')).status).toBe(200);
    const recorded = await service.runtime.audit.service.query({ action: 'staff.login', actorUsername: admin.username });
    expect(recorded.events).toHaveLength(1);
  });
});
