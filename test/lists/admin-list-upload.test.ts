import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { argon2idOf } from '../../src/hashing/list-entry';
import { normalizeEmail } from '../../src/hashing/normalize-email';
import { ADMIN_TOKEN, FAST_ARGON2, admin, createExposure, createIncident } from '../admin/admin-fixtures';
import { auditEvents } from '../admin-console/admin-console-fixtures';
import { startTestService, type TestService } from '../support/test-app';
import { keysWithPrefix, newTestRedis, uniquePrefix } from '../support/test-redis';

const ALICE = 'alice@example.jp';
const BOB = 'Bob@Example.JP';
const CAROL = 'carol@example.com';
const DAVE = 'dave@example.net';

describe('loading hashed lists through the admin API', () => {
  const prefix = uniquePrefix('admin-list-upload');
  const redis = newTestRedis();
  let service: TestService;
  let api: ReturnType<typeof admin>;

  beforeAll(async () => {
    service = await startTestService({ store: 'shared', prefix, env: { ADMIN_API_TOKEN: ADMIN_TOKEN, ...FAST_ARGON2 } });
    api = admin(service.app);
  });
  afterAll(async () => {
    await service.close();
    await redis.quit();
  });

  async function row(address: string): Promise<string> {
    return (await argon2idOf(normalizeEmail(address), service.runtime.hashing.profile)).toString('hex');
  }

  function upload(exposureId: string, body: string, contentType = 'text/plain') {
    return request(service.app)
      .put(`/api/v1/admin/exposures/${exposureId}/list`)
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .set('Content-Type', contentType)
      .send(body);
  }

  async function publishedExposure(): Promise<string> {
    const exposureId = await createExposure(service.app, await createIncident(service.app));
    expect((await api.post(`/api/v1/admin/exposures/${exposureId}/publish`)).status).toBe(200);
    return exposureId;
  }

  async function affectedBy(address: string): Promise<string[]> {
    const response = await request(service.app).post('/api/v1/check').send({ email: address });
    expect(response.status).toBe(200);
    return (response.body.exposures as { id: string }[]).map((exposure) => exposure.id);
  }

  /** Every bucket key of one exposure's lists, by version. */
  async function listKeyVersions(exposureId: string): Promise<Set<string>> {
    const keys = await keysWithPrefix(redis, `${prefix}lists:{`);
    return new Set(keys.filter((key) => key.includes(`:${exposureId}/`)).map((key) => key.split('/').pop() ?? ''));
  }

  describe('when a list file is uploaded and its exposure published', () => {
    it('then each of its addresses is affected and others are not', async () => {
      const exposureId = await publishedExposure();
      const body = `# profile: ${service.runtime.hashing.profile.id}\n${await row(ALICE)}\n${await row(BOB)}\n`;

      const response = await upload(exposureId, body);

      expect(response.status).toBe(200);
      expect(response.body).toEqual({ records: 2, duplicates: 0, version: 1 });
      expect(await affectedBy(ALICE)).toContain(exposureId);
      expect(await affectedBy('ｂｏｂ＠ｅｘａｍｐｌｅ．ｊｐ')).toContain(exposureId);
      expect(await affectedBy(CAROL)).not.toContain(exposureId);
      expect((await api.get(`/api/v1/admin/exposures/${exposureId}`)).body.list).toMatchObject({ version: 1, records: 2 });
    });
  });

  describe('when lists of several exposures are uploaded at the same time', () => {
    it('then each upload loads its own rows, and each list answers for its own address', async () => {
      const exposures = [await publishedExposure(), await publishedExposure(), await publishedExposure()];
      const addresses = [ALICE, CAROL, DAVE];
      // Enough random rows per list that the uploads' batches interleave on the worker threads.
      const filler = (count: number) => Array.from({ length: count }, () => randomBytes(32).toString('hex')).join('\n');
      const bodies = await Promise.all(
        addresses.map(async (address) => `# profile: ${service.runtime.hashing.profile.id}\n${filler(3000)}\n${await row(address)}\n${filler(3000)}\n`),
      );

      const responses = await Promise.all(exposures.map((exposureId, index) => upload(exposureId, bodies[index] ?? '')));

      expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
      expect(responses.map((response) => response.body.records)).toEqual([6001, 6001, 6001]);
      for (const [index, address] of addresses.entries()) {
        const affected = await affectedBy(address);
        expect(exposures.filter((exposureId) => affected.includes(exposureId))).toEqual([exposures[index]]);
      }
    });
  });

  describe('when the file has upper-case hex, CRLF, comments, blank lines, no profile header and repeated rows', () => {
    it('then it is accepted with the current profile and the repeats are counted as duplicates', async () => {
      const exposureId = await publishedExposure();
      const alice = (await row(ALICE)).toUpperCase();
      const body = `# exported 2024-05-01\r\n# rows: 3\r\n\r\n${alice}\r\n${await row(CAROL)}\r\n\r\n${alice.toLowerCase()}\r\n`;

      const response = await upload(exposureId, body);

      expect(response.status).toBe(200);
      expect(response.body).toEqual({ records: 2, duplicates: 1, version: 1 });
      expect(await affectedBy(ALICE)).toContain(exposureId);
      expect(await affectedBy(CAROL)).toContain(exposureId);
    });
  });

  describe('when a new file replaces a live list', () => {
    it('then the old addresses stop matching, the new ones match, and only the new version has keys', async () => {
      const exposureId = await publishedExposure();
      expect((await upload(exposureId, `${await row(ALICE)}\n`)).status).toBe(200);

      const response = await upload(exposureId, `${await row(DAVE)}\n`);

      expect(response.status).toBe(200);
      expect(response.body).toEqual({ records: 1, duplicates: 0, version: 2 });
      expect(await affectedBy(ALICE)).not.toContain(exposureId);
      expect(await affectedBy(DAVE)).toContain(exposureId);
      expect(await listKeyVersions(exposureId)).toEqual(new Set(['2']));
    });
  });

  describe('when the first good upload of a list follows a refused one', () => {
    it('then admins see it as version 1, in the answer, the exposure and the audit log: a refused upload uses up no number', async () => {
      const exposureId = await publishedExposure();
      expect((await upload(exposureId, `${await row(ALICE)}\nnot a row\n`)).status).toBe(400);

      const response = await upload(exposureId, `${await row(ALICE)}\n`);

      expect(response.status).toBe(200);
      expect(response.body).toEqual({ records: 1, duplicates: 0, version: 1 });
      expect((await api.get(`/api/v1/admin/exposures/${exposureId}`)).body.list).toMatchObject({ version: 1, records: 1 });
      const [event] = await auditEvents(service.runtime, 'list.upload');
      expect(event).toMatchObject({ target: { exposureId }, details: { version: 1, records: 1 } });
      // Internally the refused upload's id stays used: the live keys are under id 2.
      expect(await listKeyVersions(exposureId)).toEqual(new Set(['2']));
      expect((await upload(exposureId, `${await row(BOB)}\n`)).body.version).toBe(2);
    });
  });

  describe('when a file has bad lines', () => {
    it('then it is 400 invalid_list with their line numbers, and the previous version keeps answering', async () => {
      const exposureId = await publishedExposure();
      expect((await upload(exposureId, `${await row(ALICE)}\n`)).status).toBe(200);
      const body = [`# profile: ${service.runtime.hashing.profile.id}`, await row(DAVE), CAROL, await row(BOB), '# late'].join('\n');

      const response = await upload(exposureId, body);

      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('invalid_list');
      expect(response.body.error.message).toContain('line 3, 5');
      expect(response.body.error.message).not.toContain(CAROL);
      expect(await affectedBy(ALICE)).toContain(exposureId);
      expect(await affectedBy(DAVE)).not.toContain(exposureId);
      expect(await listKeyVersions(exposureId)).toEqual(new Set(['1']));
      expect(await service.runtime.stores.lists.unusedVersions()).toEqual([]);
    });
  });

  describe('when a file has no rows', () => {
    it('then it is 400 empty_list and the previous version keeps answering', async () => {
      const exposureId = await publishedExposure();
      expect((await upload(exposureId, `${await row(ALICE)}\n`)).status).toBe(200);

      const response = await upload(exposureId, `# profile: ${service.runtime.hashing.profile.id}\n\n`);

      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('empty_list');
      expect(await affectedBy(ALICE)).toContain(exposureId);
      expect(await listKeyVersions(exposureId)).toEqual(new Set(['1']));
    });
  });

  describe('when the profile header names an unknown profile', () => {
    it('then it is 400 unknown_profile and nothing is staged', async () => {
      const exposureId = await publishedExposure();

      const response = await upload(exposureId, `# profile: hp-000000000000\n${randomBytes(32).toString('hex')}\n`);

      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('unknown_profile');
      expect(await listKeyVersions(exposureId)).toEqual(new Set());
    });
  });

  describe('when the body is not text/plain', () => {
    it('then it is 415', async () => {
      const exposureId = await publishedExposure();

      const response = await upload(exposureId, JSON.stringify({ rows: [] }), 'application/json');

      expect(response.status).toBe(415);
      expect(response.body.error.code).toBe('unsupported_media_type');
    });
  });

  describe('when the exposure does not exist', () => {
    it('then upload and delete are 404', async () => {
      expect((await upload('no-such-exposure', `${randomBytes(32).toString('hex')}\n`)).status).toBe(404);
      expect((await api.delete('/api/v1/admin/exposures/no-such-exposure/list')).status).toBe(404);
    });
  });

  describe('when no token is sent', () => {
    it('then upload and delete are 401', async () => {
      const exposureId = await publishedExposure();

      const put = await request(service.app)
        .put(`/api/v1/admin/exposures/${exposureId}/list`)
        .set('Content-Type', 'text/plain')
        .send(`${randomBytes(32).toString('hex')}\n`);
      const del = await request(service.app).delete(`/api/v1/admin/exposures/${exposureId}/list`);

      expect([put.status, del.status]).toEqual([401, 401]);
      expect(await listKeyVersions(exposureId)).toEqual(new Set());
    });
  });

  describe('when a list is deleted', () => {
    it('then it is 204, no key of any version remains, and its addresses are not affected', async () => {
      const exposureId = await publishedExposure();
      expect((await upload(exposureId, `${await row(ALICE)}\n`)).status).toBe(200);
      expect((await upload(exposureId, `${await row(ALICE)}\n${await row(BOB)}\n`)).status).toBe(200);
      await service.runtime.stores.lists.beginVersion(exposureId, service.runtime.hashing.profile.id, 16, new Date());

      const response = await api.delete(`/api/v1/admin/exposures/${exposureId}/list`);

      expect(response.status).toBe(204);
      expect(await listKeyVersions(exposureId)).toEqual(new Set());
      expect((await service.runtime.stores.lists.unusedVersions()).filter((v) => v.exposureId === exposureId)).toEqual([]);
      expect(await affectedBy(ALICE)).not.toContain(exposureId);
      const exposure = (await api.get(`/api/v1/admin/exposures/${exposureId}`)).body;
      expect(exposure.list).toBeNull();
      expect((await api.delete(`/api/v1/admin/exposures/${exposureId}/list`)).status).toBe(204);
    });
  });
});
