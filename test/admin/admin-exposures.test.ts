import { argon2idOf } from '../../src/hashing/list-entry';
import { normalizeEmail } from '../../src/hashing/normalize-email';
import { startTestService, type TestService } from '../support/test-app';
import { keysWithPrefix, newTestRedis, type TestRedis, uniquePrefix } from '../support/test-redis';
import {
  ADMIN_TOKEN,
  FAST_ARGON2,
  admin,
  createExposure,
  createIncident,
  MINIMAL_EXPOSURE,
} from './admin-fixtures';

const FULL_EXPOSURE = {
  title: { en: 'Catalog requests on the website, 2000-2009', ja: 'ウェブサイトでのカタログ請求（2000〜2009年）' },
  description: 'People who requested a catalog on the website between 2000 and 2009.',
  window: { from: '2000-01-01', to: '2009-12-31' },
  dataExposed: ['email_address'],
  dataPossiblyExposed: ['date_of_birth'],
  dataNotExposed: ['name', 'postal_address', 'annual_income'],
  affectedCount: 28_700,
  advice: { ja: 'ポルシェを名乗るメールにご注意ください。' },
  sensitive: true,
};

describe('admin exposures', () => {
  const prefix = uniquePrefix('admin-exposures');
  let service: TestService;
  let redis: TestRedis;
  let api: ReturnType<typeof admin>;
  let incidentId: string;

  beforeAll(async () => {
    service = await startTestService({ store: 'shared', prefix, env: { ADMIN_API_TOKEN: ADMIN_TOKEN, ...FAST_ARGON2 } });
    redis = newTestRedis();
    api = admin(service.app);
    incidentId = await createIncident(service.app);
  });
  afterAll(async () => {
    redis.disconnect();
    await service.close();
  });

  describe('when an exposure is created with only the required fields', () => {
    it('then it is 201, unpublished, not sensitive, without a list, and GET returns the same', async () => {
      const created = await api.post(`/api/v1/admin/incidents/${incidentId}/exposures`, MINIMAL_EXPOSURE);

      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.stringMatching(/^newsletter-sign-ups-[a-z2-7]{6}$/),
        incidentId,
        title: { en: 'Newsletter sign-ups' },
        dataExposed: ['email_address'],
        dataPossiblyExposed: [],
        dataNotExposed: [],
        sensitive: false,
        published: false,
        list: null,
        createdAt: expect.any(String),
        updatedAt: created.body.createdAt,
      });
      expect(created.headers.location).toBe(`/api/v1/admin/exposures/${created.body.id}`);
      expect((await api.get(created.headers.location as string)).body).toEqual(created.body);
    });
  });

  describe('when an exposure is created with every field', () => {
    it('then all of them are stored, and it is listed under its incident', async () => {
      const created = await api.post(`/api/v1/admin/incidents/${incidentId}/exposures`, FULL_EXPOSURE);

      expect(created.status).toBe(201);
      const fetched = await api.get(`/api/v1/admin/exposures/${created.body.id}`);
      expect(fetched.body).toEqual({
        ...FULL_EXPOSURE,
        description: { en: FULL_EXPOSURE.description },
        id: created.body.id,
        incidentId,
        published: false,
        list: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const listed = await api.get(`/api/v1/admin/incidents/${incidentId}/exposures`);
      expect(listed.status).toBe(200);
      expect(listed.body.exposures).toContainEqual(fetched.body);
    });
  });

  describe('when exposures of one incident are listed', () => {
    it('then only that incident’s exposures appear, oldest first', async () => {
      const otherIncident = await createIncident(service.app);
      const first = await createExposure(service.app, otherIncident, { ...MINIMAL_EXPOSURE, title: 'First' });
      const second = await createExposure(service.app, otherIncident, { ...MINIMAL_EXPOSURE, title: 'Second' });

      const listed = await api.get(`/api/v1/admin/incidents/${otherIncident}/exposures`);

      expect(listed.body.exposures.map((exposure: { id: string }) => exposure.id)).toEqual([first, second]);
    });
  });

  describe('when an exposure is patched', () => {
    it('then only the given fields change, and the result is stored', async () => {
      const id = (await api.post(`/api/v1/admin/incidents/${incidentId}/exposures`, FULL_EXPOSURE)).body.id as string;

      const patched = await api.patch(`/api/v1/admin/exposures/${id}`, {
        title: { en: 'Catalog requests, 2000-2010' },
        window: { to: '2010-12-31' },
        dataNotExposed: ['phone_number'],
        affectedCount: null,
        advice: { en: 'Be wary of phishing.' },
        sensitive: false,
      });

      expect(patched.status).toBe(200);
      const after = (await api.get(`/api/v1/admin/exposures/${id}`)).body;
      expect(after).toEqual(patched.body);
      expect(after).toMatchObject({
        title: { en: 'Catalog requests, 2000-2010', ja: FULL_EXPOSURE.title.ja },
        window: { from: '2000-01-01', to: '2010-12-31' },
        dataExposed: ['email_address'],
        dataNotExposed: ['phone_number'],
        advice: { ja: FULL_EXPOSURE.advice.ja, en: 'Be wary of phishing.' },
        sensitive: false,
        published: false,
      });
      expect(after).not.toHaveProperty('affectedCount');
    });

    it('then blanking an optional text removes it', async () => {
      const id = await createExposure(service.app, incidentId, FULL_EXPOSURE);

      const patched = await api.patch(`/api/v1/admin/exposures/${id}`, { advice: { ja: '' }, description: '' });

      expect(patched.status).toBe(200);
      const after = (await api.get(`/api/v1/admin/exposures/${id}`)).body;
      expect(after).not.toHaveProperty('advice');
      expect(after).not.toHaveProperty('description');
    });

    it('then sending back what GET returned is accepted and changes nothing but the update time', async () => {
      const id = await createExposure(service.app, incidentId, FULL_EXPOSURE);
      const before = (await api.get(`/api/v1/admin/exposures/${id}`)).body;

      const patched = await api.patch(`/api/v1/admin/exposures/${id}`, before);

      expect(patched.status).toBe(200);
      expect(patched.body).toEqual({ ...before, updatedAt: expect.any(String) });
    });

    it.each([
      ['published', { published: true }, /^published is changed only through POST \/api\/v1\/admin\/exposures\/\{exposureId\}\/publish/],
      ['incidentId', { incidentId: 'another-incident' }, /^incidentId cannot be changed/],
      ['id', { id: 'another-id' }, /^id is assigned by the server/],
      ['dataExposed', { dataExposed: [] }, /^dataExposed: must list at least one data class/],
      ['dataNotExposed', { dataNotExposed: ['email_address'] }, /^dataNotExposed\[0\]: "email_address" is also listed in dataExposed$/],
    ])('then a change to %s that is not allowed is 400 naming it, and nothing changes', async (_field, patch, message) => {
      const id = await createExposure(service.app, incidentId);
      const before = (await api.get(`/api/v1/admin/exposures/${id}`)).body;

      const patched = await api.patch(`/api/v1/admin/exposures/${id}`, patch);

      expect(patched.status).toBe(400);
      expect(patched.body.error.code).toBe('invalid_request');
      expect(patched.body.error.message).toMatch(message);
      expect((await api.get(`/api/v1/admin/exposures/${id}`)).body).toEqual(before);
    });
  });

  describe('when the new exposure is invalid', () => {
    it.each([
      ['title is missing', { dataExposed: ['email_address'] }, 'title: is required'],
      ['dataExposed is missing', { title: 'x' }, 'dataExposed: is required'],
      ['dataExposed is a string', { title: 'x', dataExposed: 'email_address' }, 'dataExposed: must be an array of data class codes'],
      ['dataExposed is empty', { title: 'x', dataExposed: [] }, expect.stringMatching(/^dataExposed: must list at least one data class; known: email_address, name, /)],
      ['a data class is unknown', { title: 'x', dataExposed: ['email_address', 'salary'] }, expect.stringMatching(/^dataExposed\[1\]: unknown data class "salary"; known: email_address, name, .*annual_income/)],
      ['a data class is not a string', { title: 'x', dataExposed: [7] }, 'dataExposed[0]: must be a data class code'],
      ['a not-exposed class is unknown', { ...MINIMAL_EXPOSURE, dataNotExposed: ['name', 'shoe_size'] }, expect.stringMatching(/^dataNotExposed\[1\]: unknown data class "shoe_size"/)],
      ['a class is both exposed and not', { ...MINIMAL_EXPOSURE, dataNotExposed: ['email_address'] }, 'dataNotExposed[0]: "email_address" is also listed in dataExposed'],
      ['affectedCount is negative', { ...MINIMAL_EXPOSURE, affectedCount: -1 }, 'affectedCount: must not be negative'],
      ['affectedCount is a fraction', { ...MINIMAL_EXPOSURE, affectedCount: 1.5 }, 'affectedCount: must be a whole number'],
      ['affectedCount is a string', { ...MINIMAL_EXPOSURE, affectedCount: '28700' }, 'affectedCount: must be a whole number'],
      ['sensitive is a string', { ...MINIMAL_EXPOSURE, sensitive: 'yes' }, 'sensitive: must be true or false'],
      ['window ends before it starts', { ...MINIMAL_EXPOSURE, window: { from: '2010-01-01', to: '2009-12-31' } }, 'window.to: must not be before "from" (2010-01-01)'],
      ['description is too long', { ...MINIMAL_EXPOSURE, description: 'd'.repeat(4001) }, 'description.en: must be at most 4000 characters'],
      ['advice is an array', { ...MINIMAL_EXPOSURE, advice: ['x'] }, 'advice: must be a string or an object with "ja" and/or "en" strings'],
      ['it asks to be published', { ...MINIMAL_EXPOSURE, published: true }, expect.stringMatching(/^published is changed only through/)],
      ['it names another incident', { ...MINIMAL_EXPOSURE, incidentId: 'elsewhere' }, expect.stringMatching(/^incidentId cannot be changed/)],
    ])('then, when %s, it is 400 invalid_request naming the field, and nothing is stored', async (_name, body, message) => {
      const before = (await api.get(`/api/v1/admin/incidents/${incidentId}/exposures`)).body.exposures.length;

      const response = await api.post(`/api/v1/admin/incidents/${incidentId}/exposures`, body);

      expect(response.status).toBe(400);
      expect(response.body).toEqual({ error: { code: 'invalid_request', message } });
      expect((await api.get(`/api/v1/admin/incidents/${incidentId}/exposures`)).body.exposures).toHaveLength(before);
    });

    it('then repeated data classes are kept once', async () => {
      const created = await api.post(`/api/v1/admin/incidents/${incidentId}/exposures`, {
        title: 'x',
        dataExposed: ['email_address', 'name', 'email_address'],
      });

      expect(created.status).toBe(201);
      expect(created.body.dataExposed).toEqual(['email_address', 'name']);
    });

    it('then published: false, the default, is accepted', async () => {
      const created = await api.post(`/api/v1/admin/incidents/${incidentId}/exposures`, { ...MINIMAL_EXPOSURE, published: false });

      expect(created.status).toBe(201);
    });
  });

  describe('when the exposure id is unknown or malformed', () => {
    it.each([
      ['an unknown id', 'no-such-exposure'],
      ['upper case', 'Porsche-Japan-2018-Catalog'],
      ['braces', '%7B0000a1%7D'],
      ['an underscore', 'a_b'],
    ])('then GET, PATCH, DELETE, publish and unpublish are 404 for %s', async (_name, id) => {
      const responses = await Promise.all([
        api.get(`/api/v1/admin/exposures/${id}`),
        api.patch(`/api/v1/admin/exposures/${id}`, { sensitive: true }),
        api.delete(`/api/v1/admin/exposures/${id}`),
        api.post(`/api/v1/admin/exposures/${id}/publish`),
        api.post(`/api/v1/admin/exposures/${id}/unpublish`),
      ]);

      for (const response of responses) {
        expect(response.status).toBe(404);
        expect(response.body.error.code).toBe('not_found');
      }
    });
  });

  describe('when an exposure is deleted', () => {
    it('then it is 204, it is gone from GET and from its incident', async () => {
      const id = await createExposure(service.app, incidentId);

      const deleted = await api.delete(`/api/v1/admin/exposures/${id}`);

      expect(deleted.status).toBe(204);
      expect((await api.get(`/api/v1/admin/exposures/${id}`)).status).toBe(404);
      const listed = (await api.get(`/api/v1/admin/incidents/${incidentId}/exposures`)).body.exposures as { id: string }[];
      expect(listed.map((exposure) => exposure.id)).not.toContain(id);
      expect((await api.delete(`/api/v1/admin/exposures/${id}`)).status).toBe(404);
    });

    it('then no key of any version of its hashed list remains', async () => {
      const id = await createExposure(service.app, incidentId);
      const { runtime } = service;
      const hashed = await Promise.all(
        ['someone@example.jp', 'someone.else@example.jp'].map((email) => argon2idOf(normalizeEmail(email), runtime.hashing.profile)),
      );
      // Two versions: one replaced (deleted in the background) and the live one.
      await runtime.lists.service.replaceList(id, runtime.hashing.profile, [hashed]);
      await runtime.lists.service.replaceList(id, runtime.hashing.profile, [hashed.slice(0, 1)]);
      const withList = (await api.get(`/api/v1/admin/exposures/${id}`)).body;
      expect(withList.list).toEqual({ version: 2, profileId: runtime.hashing.profile.id, records: 1, activatedAt: expect.any(String) });
      expect((await keysWithPrefix(redis, prefix)).filter((key) => key.includes(id)).length).toBeGreaterThan(0);

      expect((await api.delete(`/api/v1/admin/exposures/${id}`)).status).toBe(204);

      expect((await keysWithPrefix(redis, prefix)).filter((key) => key.includes(id))).toEqual([]);
      expect((await runtime.stores.lists.liveLists()).filter((list) => list.exposureId === id)).toEqual([]);
      expect((await runtime.stores.lists.unusedVersions()).filter((version) => version.exposureId === id)).toEqual([]);
      // Of list metadata only the counters of versions and live numbers, and the marks of the
      // highest live version (live-version-marks.ts), still name the exposure (ListStore.removeList
      // keeps them; they hold numbers, nothing derived from an address).
      const mentions: string[] = [];
      for (const key of await keysWithPrefix(redis, prefix)) {
        if ((await redis.type(key)) !== 'hash') continue;
        const fields = await redis.hkeys(key);
        if (fields.some((field) => field.includes(id))) mentions.push(key);
      }
      const marks = mentions.filter((key) => /\{lists-mark-\d+\}:highest-live$/.test(key));
      expect(marks).toHaveLength(8);
      expect(mentions.filter((key) => !marks.includes(key)).sort()).toEqual([`${prefix}{lists}:live-numbers`, `${prefix}{lists}:next-version`]);
    });
  });

  describe('when exposures are created under an unknown incident', () => {
    it('then it is 404, even if the body is also invalid', async () => {
      const response = await api.post('/api/v1/admin/incidents/no-such-incident/exposures', { title: 5 });

      expect(response.status).toBe(404);
    });
  });
});
