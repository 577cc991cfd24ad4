import { createHash } from 'node:crypto';
import argon2 from 'argon2';
import request from 'supertest';
import { keysWithPrefix, newTestRedis, type TestRedis } from '../support/test-redis';
import { newStaff, PASSWORD, sessionCookieOf, signInWith, startStaffService, type StaffTestService } from './staff-fixtures';

// The PHC string format: algorithm, version, parameters (the argon2 package writes them m, p, t), salt, hash.
const ENCODED_ARGON2ID = /^\$argon2id\$v=19\$m=19456,p=1,t=2\$([A-Za-z0-9+/]{22})\$[A-Za-z0-9+/]{43}$/;

describe('what staff sign-in keeps in Redis', () => {
  let service: StaffTestService;
  let redis: TestRedis;

  beforeAll(async () => {
    service = await startStaffService();
    redis = newTestRedis();
  });
  afterAll(async () => {
    redis.disconnect();
    await service.close();
  });

  it('when someone is signed in, then no Redis key or value holds their session id, only its SHA-256', async () => {
    const admin = await newStaff(service.runtime, 'admin');
    const response = await signInWith(request.agent(service.app), admin.username, PASSWORD);
    const cookie = decodeURIComponent(sessionCookieOf(response)!);
    // express-session's cookie is "s:<id>.<signature>".
    const sessionId = /^s:([^.]+)\./.exec(cookie)![1]!;

    const keys = await keysWithPrefix(redis, service.config.redisKeyPrefix);
    const sessionKeys = keys.filter((key) => key.includes('session:'));
    const values = await Promise.all(sessionKeys.map((key) => redis.get(key)));

    expect(keys.some((key) => key.includes(sessionId))).toBe(false);
    expect(values.some((value) => value?.includes(sessionId))).toBe(false);
    const hashedKey = `${service.config.redisKeyPrefix}session:${createHash('sha256').update(sessionId).digest('hex')}`;
    expect(sessionKeys).toContain(hashedKey);
    expect(JSON.parse((await redis.get(hashedKey))!)).toMatchObject({ staffId: admin.id });
    // The key lives as long as the idle timeout, renewed by every request.
    const ttl = await redis.ttl(hashedKey);
    expect(ttl).toBeGreaterThan(29 * 60);
    expect(ttl).toBeLessThanOrEqual(30 * 60);
  });

  it('when two accounts have the same password, then both hashes are argon2id encoded at OWASP costs, with different salts', async () => {
    const first = await newStaff(service.runtime, 'support');
    const second = await newStaff(service.runtime, 'support');

    const accounts = await redis.hgetall(`${service.config.redisKeyPrefix}{staff}:accounts`);
    const hashOf = (id: string) => (JSON.parse(accounts[id]!) as { passwordHash: string }).passwordHash;

    const [a, b] = [hashOf(first.id), hashOf(second.id)];
    expect(a).toMatch(ENCODED_ARGON2ID);
    expect(b).toMatch(ENCODED_ARGON2ID);
    expect(ENCODED_ARGON2ID.exec(a)![1]).not.toBe(ENCODED_ARGON2ID.exec(b)![1]);
    expect(a).not.toBe(b);
    expect(await argon2.verify(a, PASSWORD)).toBe(true);
    expect(Object.values(accounts).some((json) => json.includes(PASSWORD))).toBe(false);
  });

  it('when the service hands out a staff member, then it carries no password material', async () => {
    const member = await newStaff(service.runtime, 'support');

    const listed = (await service.runtime.staff.service.list()).find((other) => other.id === member.id);

    expect(Object.keys(listed!).sort()).toEqual(['createdAt', 'disabled', 'id', 'role', 'updatedAt', 'username']);
  });
});
