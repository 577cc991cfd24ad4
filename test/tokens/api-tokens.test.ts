import { createHash } from 'node:crypto';
import express from 'express';
import pino from 'pino';
import request from 'supertest';
import { requireAdminToken } from '../../src/admin/require-admin-token';
import { errorMiddleware } from '../../src/http/error-middleware';
import { actorOf } from '../../src/actor/actor';
import type { StaffMember } from '../../src/actor/staff-member';
import { ADMIN_TOKEN } from '../admin/admin-fixtures';
import { keysWithPrefix, newTestRedis, type TestRedis } from '../support/test-redis';
import { newStaff, signedIn, startStaffService, type StaffTestService } from '../staff/staff-fixtures';

const TOKEN_FORMAT = /^xct_[A-Za-z0-9_-]{43}$/;

describe('per-admin API tokens', () => {
  let service: StaffTestService;
  let redis: TestRedis;

  beforeAll(async () => {
    service = await startStaffService({ env: { ADMIN_API_TOKEN: ADMIN_TOKEN } });
    redis = newTestRedis();
  });
  afterAll(async () => {
    redis.disconnect();
    await service.close();
  });

  const tokens = () => service.runtime.tokens.service;
  const adminApi = (token: string) => request(service.app).get('/api/v1/admin/incidents').set('Authorization', `Bearer ${token}`);

  async function twoAdmins(): Promise<[StaffMember, StaffMember]> {
    return [await newStaff(service.runtime, 'admin'), await newStaff(service.runtime, 'admin')];
  }

  it('when an admin creates a token, then the secret is shown once and only its SHA-256 is stored', async () => {
    const [owner] = await twoAdmins();

    const created = await tokens().createToken(owner.id, 'load-list on the batch server');

    expect(created.token).toMatch(TOKEN_FORMAT);
    expect(created.record).toEqual({
      id: expect.stringMatching(/^tok-[0-9a-f]{16}$/),
      ownerStaffId: owner.id,
      label: 'load-list on the batch server',
      createdAt: service.clock.now().toISOString(),
    });
    const everything = await dumpValues(redis, service.config.redisKeyPrefix);
    expect(everything.some((text) => text.includes(created.token))).toBe(false);
    expect(everything.some((text) => text.includes(created.token.slice(4, 20)))).toBe(false);
    const digest = createHash('sha256').update(created.token).digest('hex');
    expect(everything.some((text) => text.includes(digest))).toBe(true);
  });

  it('when tokens are listed, then they are the owner\'s only, newest first, without hashes', async () => {
    const [owner, other] = await twoAdmins();
    const first = await tokens().createToken(owner.id, 'first');
    service.clock.advance(1000);
    const second = await tokens().createToken(owner.id, 'second');
    await tokens().createToken(other.id, 'not mine');

    const listed = await tokens().listTokens(owner.id);

    expect(listed.map((token) => token.id)).toEqual([second.record.id, first.record.id]);
    expect(JSON.stringify(listed)).not.toMatch(/secretHash|xct_/);
  });

  it('when a token is used, then the admin API answers and its last use is noted', async () => {
    const [owner] = await twoAdmins();
    const created = await tokens().createToken(owner.id, 'ci');

    const response = await adminApi(created.token);

    expect(response.status).toBe(200);
    const [listed] = await tokens().listTokens(owner.id);
    expect(listed?.lastUsedAt).toBe(service.clock.now().toISOString());
  });

  it('when a token is revoked, then it stops at once, stays listed as revoked, and revoking again changes nothing', async () => {
    const [owner] = await twoAdmins();
    const created = await tokens().createToken(owner.id, 'to revoke');
    expect((await adminApi(created.token)).status).toBe(200);

    const revoked = await tokens().revokeToken(owner.id, created.record.id);
    const response = await adminApi(created.token);

    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(revoked.revokedAt).toBe(service.clock.now().toISOString());
    expect((await tokens().listTokens(owner.id))[0]).toMatchObject({ id: created.record.id, revokedAt: revoked.revokedAt });
    expect(await tokens().revokeToken(owner.id, created.record.id)).toEqual(revoked);
    expect(await tokens().authenticate(created.token)).toEqual({ ok: false, reason: 'unknown' });
  });

  it("when an admin revokes another admin's token, then it is 404 and the token keeps working", async () => {
    const [owner, other] = await twoAdmins();
    const created = await tokens().createToken(owner.id, 'mine');

    await expect(tokens().revokeToken(other.id, created.record.id)).rejects.toMatchObject({ code: 'token_not_found', status: 404 });
    expect((await adminApi(created.token)).status).toBe(200);
  });

  it("when the owner is disabled, then the owner's tokens stop at once; enabled again, they work again", async () => {
    const [owner] = await twoAdmins();
    const created = await tokens().createToken(owner.id, 'ci');

    await service.runtime.staff.service.setDisabled(owner.id, true);
    expect((await adminApi(created.token)).status).toBe(401);

    await service.runtime.staff.service.setDisabled(owner.id, false);
    expect((await adminApi(created.token)).status).toBe(200);
  });

  it('when the owner is made support, then their tokens are refused with 403', async () => {
    const [owner] = await twoAdmins();
    const created = await tokens().createToken(owner.id, 'ci');

    await service.runtime.staff.service.setRole(owner.id, 'support');
    const response = await adminApi(created.token);

    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('forbidden');
  });

  it('when support staff or a disabled admin ask for a token, then none is made', async () => {
    const support = await newStaff(service.runtime, 'support');
    const [disabled] = await twoAdmins();
    await service.runtime.staff.service.setDisabled(disabled.id, true);

    await expect(tokens().createToken(support.id, 'nope')).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    await expect(tokens().createToken(disabled.id, 'nope')).rejects.toMatchObject({ code: 'forbidden' });
    expect(await tokens().listTokens(support.id)).toEqual([]);
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['holding an @', 'taro@example.jp laptop'],
    ['101 characters', 'x'.repeat(101)],
  ])('when the label is %s, then it is refused', async (_name, label) => {
    const [owner] = await twoAdmins();

    await expect(tokens().createToken(owner.id, label)).rejects.toMatchObject({ code: 'invalid_label', status: 400 });
  });

  it.each([
    ['a made-up token of the right shape', `xct_${'A'.repeat(43)}`],
    ['a token cut short', 'xct_abc'],
  ])('when %s is sent, then it is 401', async (_name, token) => {
    const response = await adminApi(token);

    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('unauthorized');
  });

  it('when the break-glass ADMIN_API_TOKEN is sent, then it still works beside the per-admin tokens', async () => {
    expect((await adminApi(ADMIN_TOKEN)).status).toBe(200);
  });
});

describe('the actor of an admin API request', () => {
  let service: StaffTestService;

  beforeAll(async () => {
    service = await startStaffService({ env: { ADMIN_API_TOKEN: ADMIN_TOKEN } });
  });
  afterAll(async () => {
    await service.close();
  });

  /** The real gate in front of a route that answers with the actor it recorded. */
  function actorEcho() {
    const app = express();
    app.use(
      requireAdminToken({
        breakGlassToken: ADMIN_TOKEN,
        apiTokens: service.runtime.tokens.service,
        staffHttp: service.runtime.signIn.http,
      }),
    );
    app.get('/whoami', (_req, res) => {
      res.json(actorOf(res));
    });
    app.use(errorMiddleware(pino({ level: 'silent' })));
    return app;
  }

  it('when the break-glass token is used, then the actor is break-glass', async () => {
    const response = await request(actorEcho()).get('/whoami').set('Authorization', `Bearer ${ADMIN_TOKEN}`);

    expect(response.body).toEqual({ kind: 'break-glass' });
  });

  it('when a per-admin token is used, then the actor names its owner and the token', async () => {
    const owner = await newStaff(service.runtime, 'admin');
    const created = await service.runtime.tokens.service.createToken(owner.id, 'ci');

    const response = await request(actorEcho()).get('/whoami').set('Authorization', `Bearer ${created.token}`);

    expect(response.body).toEqual({ kind: 'api-token', staffId: owner.id, username: owner.username, tokenId: created.record.id });
  });

  it("when an admin's session is used, then the actor is that staff member", async () => {
    const owner = await newStaff(service.runtime, 'admin');
    const agent = await signedIn(service.app, owner.username);
    const cookie = (await agent.jar.getCookie('xc_session', { domain: '127.0.0.1', path: '/', secure: false, script: false }))?.toValueString();

    const response = await request(actorEcho()).get('/whoami').set('Cookie', cookie!);

    expect(response.body).toEqual({ kind: 'staff', staffId: owner.id, username: owner.username, role: 'admin' });
  });
});

/** Every value and key under a prefix, as text. */
async function dumpValues(redis: TestRedis, prefix: string): Promise<string[]> {
  const texts: string[] = [];
  for (const key of await keysWithPrefix(redis, prefix)) {
    texts.push(key);
    const type = await redis.type(key);
    if (type === 'hash') {
      for (const [field, value] of Object.entries(await redis.hgetall(key))) texts.push(field, value);
    } else if (type === 'string') texts.push((await redis.get(key)) ?? '');
  }
  return texts;
}
