import request from 'supertest';
import { keysWithPrefix, newTestRedis } from '../support/test-redis';
import { newStaff, PASSWORD, signInWith, startStaffService, type StaffTestService } from './staff-fixtures';

const PER_IP = 8;

describe('sign-in throttling', () => {
  let service: StaffTestService;
  let ipCounter = 0;
  /** Each test comes from an address of its own (TRUST_PROXY=1), so per-IP counts never mix. */
  const fromNewIp = () => ({ 'X-Forwarded-For': `198.51.100.${(ipCounter += 1)}`, 'Accept-Language': 'en' });

  beforeAll(async () => {
    service = await startStaffService({
      env: { TRUST_PROXY: '1', LOGIN_MAX_FAILURES_PER_IP_PER_HOUR: String(PER_IP) },
    });
  });
  afterAll(async () => {
    await service.close();
  });

  async function attempt(username: string, password: string, headers: Record<string, string>) {
    return signInWith(request.agent(service.app), username, password, headers);
  }

  it('when a username fails 5 times in a row, then it is locked for 15 minutes with a 429 saying so, even with the right password', async () => {
    const member = await newStaff(service.runtime, 'support');
    const ip = fromNewIp();
    for (let failure = 1; failure <= 4; failure += 1) {
      expect((await attempt(member.username, 'wrong password!', ip)).status).toBe(400);
    }

    const fifth = await attempt(member.username, 'wrong password!', ip);
    const rightPassword = await attempt(member.username, PASSWORD, fromNewIp());

    expect(fifth.status).toBe(429);
    expect(fifth.headers['retry-after']).toBe('900');
    expect(fifth.text).toContain('Too many failed sign-ins for this username');
    expect(fifth.text).toContain('try again in 15 minutes');
    expect(rightPassword.status).toBe(429);
    expect(Number(rightPassword.headers['retry-after'])).toBeGreaterThan(890);
  });

  it('when the page is in Japanese, then the lockout message is too, in minutes', async () => {
    const member = await newStaff(service.runtime, 'support');
    const ip = { ...fromNewIp(), 'Accept-Language': 'ja' };
    for (let failure = 1; failure <= 5; failure += 1) await attempt(member.username, 'wrong password!', ip);

    const locked = await attempt(member.username, PASSWORD, ip);

    expect(locked.status).toBe(429);
    expect(locked.text).toContain('15分後にもう一度お試し');
  });

  it('when a success comes between failures, then the run starts again from zero', async () => {
    const member = await newStaff(service.runtime, 'support');
    const ip = fromNewIp();
    for (let failure = 1; failure <= 4; failure += 1) await attempt(member.username, 'wrong password!', fromNewIp());
    expect((await attempt(member.username, PASSWORD, ip)).status).toBe(303);

    for (let failure = 1; failure <= 4; failure += 1) {
      expect((await attempt(member.username, 'wrong password!', fromNewIp())).status).toBe(400);
    }
    expect((await attempt(member.username, PASSWORD, ip)).status).toBe(303);
  });

  it('when one IP fails across many usernames, then it is refused after the hourly limit, for every username', async () => {
    const ip = fromNewIp();
    for (let failure = 1; failure < PER_IP; failure += 1) {
      expect((await attempt(`sprayed-${failure}`, 'Password123456', ip)).status).toBe(400);
    }

    const last = await attempt(`sprayed-${PER_IP}`, 'Password123456', ip);
    const member = await newStaff(service.runtime, 'admin');
    const evenRight = await attempt(member.username, PASSWORD, ip);
    const elsewhere = await attempt(member.username, PASSWORD, fromNewIp());

    expect(last.status).toBe(429);
    expect(last.text).toContain('Too many failed sign-ins from this connection');
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(evenRight.status).toBe(429);
    expect(elsewhere.status).toBe(303);
  });

  it('when unknown usernames fail, then they are locked like real ones: the lock tells nothing about which exist', async () => {
    const ip = fromNewIp();
    for (let failure = 1; failure <= 4; failure += 1) await attempt('no-such-person', 'wrong password!', fromNewIp());

    const fifth = await attempt('no-such-person', 'wrong password!', ip);

    expect(fifth.status).toBe(429);
    expect(fifth.text).toContain('Too many failed sign-ins for this username');
  });

  it('when throttling keys are written, then they hold only usernames and IPs', async () => {
    const redis = newTestRedis();
    try {
      const keys = (await keysWithPrefix(redis, service.config.redisKeyPrefix)).filter((key) => key.includes(':rl:'));
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        expect(key).toMatch(/:rl:login-(account:[a-z0-9._-]+|ip:[0-9.]+)$/);
      }
    } finally {
      redis.disconnect();
    }
  });
});
