import request from 'supertest';
import type { AuditEvent } from '../../src/audit/audit-event';
import { compareAuditIds, parseAuditId, type AuditId } from '../../src/audit/audit-id';
import { argon2idOf } from '../../src/hashing/list-entry';
import { normalizeEmail } from '../../src/hashing/normalize-email';
import type { StaffMember } from '../../src/actor/staff-member';
import { ADMIN_TOKEN } from '../admin/admin-fixtures';
import { csrfFor, newStaff, signedIn, startStaffService, type StaffTestService } from '../staff/staff-fixtures';
import { newTestRedis, type TestRedis } from '../support/test-redis';

const INCIDENT = { organization: 'Example Motors', title: 'Website server breach' };
const EXPOSURE = { title: 'Newsletter sign-ups', dataExposed: ['email_address'] };

/** Everything the admin API changes is recorded with who made the change: break-glass, a token, or a session. */
describe('the admin API writes an audit event for every change', () => {
  let service: StaffTestService;
  let owner: StaffMember;
  let ownerToken: string;
  let ownerTokenId: string;

  beforeAll(async () => {
    service = await startStaffService({ env: { ADMIN_API_TOKEN: ADMIN_TOKEN } });
    owner = await newStaff(service.runtime, 'admin');
    const created = await service.runtime.tokens.service.createToken(owner.id, 'load-list on the ops laptop');
    ownerToken = created.token;
    ownerTokenId = created.record.id;
  });
  afterAll(async () => {
    await service.close();
  });

  const api = (token: string) => {
    const auth = <T extends request.Test>(test: T): T => test.set('Authorization', `Bearer ${token}`);
    return {
      post: (path: string, body?: object) => auth(request(service.app).post(path)).send(body),
      patch: (path: string, body: object) => auth(request(service.app).patch(path)).send(body),
      put: (path: string, body: string) => auth(request(service.app).put(path)).set('Content-Type', 'text/plain').send(body),
      delete: (path: string) => auth(request(service.app).delete(path)),
      get: (path: string) => auth(request(service.app).get(path)),
    };
  };

  /** The events written since `since` (an event id), oldest first. */
  async function eventsSince(since: string | undefined): Promise<AuditEvent[]> {
    const idOf = (id: string | undefined): AuditId => (id === undefined ? undefined : parseAuditId(id)) ?? { ms: 0, seq: 0 };
    const { events } = await service.runtime.audit.service.query({ limit: 500 });
    return events.filter((event) => compareAuditIds(idOf(event.id), idOf(since)) > 0).reverse();
  }
  const latestId = async (): Promise<string | undefined> => (await service.runtime.audit.service.query({ limit: 1 })).events[0]?.id;

  describe('when the break-glass ADMIN_API_TOKEN creates and edits an incident', () => {
    it('then each change is an event of the break-glass actor, naming the incident', async () => {
      const since = await latestId();

      const created = await api(ADMIN_TOKEN).post('/api/v1/admin/incidents', INCIDENT);
      const updated = await api(ADMIN_TOKEN).patch(`/api/v1/admin/incidents/${created.body.id}`, { status: 'resolved' });

      expect(created.status).toBe(201);
      expect(updated.status).toBe(200);
      const events = await eventsSince(since);
      expect(events.map(({ actor, action, target }) => ({ actor, action, target }))).toEqual([
        { actor: { kind: 'break-glass' }, action: 'incident.create', target: { incidentId: created.body.id } },
        { actor: { kind: 'break-glass' }, action: 'incident.update', target: { incidentId: created.body.id } },
      ]);
    });
  });

  describe('when a per-admin token runs an exposure\'s whole life: create, edit, list upload, publish, unpublish, list delete, delete', () => {
    it('then every step is an event of that token and its owner, with the right action', async () => {
      const token = api(ownerToken);
      const incidentId = (await token.post('/api/v1/admin/incidents', INCIDENT)).body.id as string;
      const since = await latestId();
      const row = (await argon2idOf(normalizeEmail('alice@example.jp'), service.runtime.hashing.profile)).toString('hex');

      const exposure = await token.post(`/api/v1/admin/incidents/${incidentId}/exposures`, EXPOSURE);
      const exposureId = exposure.body.id as string;
      const path = `/api/v1/admin/exposures/${exposureId}`;
      const steps = [
        await token.patch(path, { talkingPoints: { en: 'Apologise.' } }),
        await token.put(`${path}/list`, `${row}\n`),
        await token.post(`${path}/publish`),
        await token.post(`${path}/unpublish`),
        await token.delete(`${path}/list`),
        await token.delete(path),
      ];

      expect(exposure.status).toBe(201);
      expect(steps.map(({ status }) => status)).toEqual([200, 200, 200, 200, 204, 204]);
      const events = await eventsSince(since);
      const actor = { kind: 'api-token', staffId: owner.id, username: owner.username, tokenId: ownerTokenId };
      expect(events.map((event) => event.actor)).toEqual(Array(7).fill(actor));
      expect(events.map(({ action, target }) => [action, target])).toEqual([
        ['exposure.create', { incidentId, exposureId }],
        ['exposure.update', { incidentId, exposureId }],
        ['list.upload', { exposureId }],
        ['exposure.publish', { incidentId, exposureId }],
        ['exposure.unpublish', { incidentId, exposureId }],
        ['list.delete', { exposureId }],
        ['exposure.delete', { exposureId }],
      ]);
      expect(events[2]?.details).toMatchObject({ records: 1, duplicates: 0, version: expect.any(Number) });
    });
  });

  describe('when an admin changes something through the API with their console session', () => {
    it('then the event is theirs, as a staff member', async () => {
      const agent = await signedIn(service.app, owner.username);
      const csrf = await csrfFor(agent, '/admin');
      const since = await latestId();

      const created = await agent.post('/api/v1/admin/incidents').set('X-CSRF-Token', csrf).send(INCIDENT);

      expect(created.status).toBe(201);
      expect((await eventsSince(since)).map(({ actor, action }) => ({ actor, action }))).toEqual([
        { actor: { kind: 'staff', staffId: owner.id, username: owner.username, role: 'admin' }, action: 'incident.create' },
      ]);
    });
  });

  describe('when the API only reads or refuses a change', () => {
    it('then nothing is recorded', async () => {
      const since = await latestId();

      const listed = await api(ownerToken).get('/api/v1/admin/incidents');
      const invalid = await api(ownerToken).post('/api/v1/admin/incidents', { organization: '' });
      const unknown = await api(ownerToken).delete('/api/v1/admin/exposures/no-such-exposure');

      expect(listed.status).toBe(200);
      expect(invalid.status).toBe(400);
      expect(unknown.status).toBe(404);
      expect(await eventsSince(since)).toEqual([]);
    });
  });
});

describe('the admin API when the audit log cannot be written', () => {
  let service: StaffTestService;
  let redis: TestRedis;

  beforeAll(async () => {
    service = await startStaffService({ env: { ADMIN_API_TOKEN: ADMIN_TOKEN } });
    redis = newTestRedis();
    // The audit stream's key holds a string: XADD fails inside Redis, a real failure of the real store.
    await redis.set(`${service.config.redisKeyPrefix}audit:events`, 'not a stream');
  });
  afterAll(async () => {
    redis.disconnect();
    await service.close();
  });

  it('when a change is made, then it is saved but the answer is 503 audit_unavailable, so the admin knows the trail has a gap', async () => {
    const response = await request(service.app)
      .post('/api/v1/admin/incidents')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .send(INCIDENT);

    expect(response.status).toBe(503);
    expect(response.body.error.code).toBe('audit_unavailable');
    expect(response.body.error.message).toContain('audit log could not record it');
    expect((await service.runtime.catalog.admin.listIncidents()).map(({ title }) => title.en ?? title.ja)).toEqual([INCIDENT.title]);
  });
});
