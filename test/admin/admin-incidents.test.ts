import request from 'supertest';
import { startTestService, type TestService } from '../support/test-app';
import { uniquePrefix } from '../support/test-redis';
import { admin, createExposure, createIncident, ID_PATTERN, MINIMAL_INCIDENT, ADMIN_TOKEN } from './admin-fixtures';

const FULL_INCIDENT = {
  organization: { en: 'Porsche Japan', ja: 'ポルシェ ジャパン株式会社' },
  title: { en: 'Unauthorized access to the website server', ja: 'ウェブサイトサーバーへの不正アクセス' },
  summary: { en: 'Email addresses of about 28,700 customers were taken.' },
  attackWindow: { from: '2018-01-22', to: '2018-02-12' },
  announcedOn: '2018-03-01',
  sources: ['https://www.porsche.com/japan/jp/', 'http://example.jp/press/2018-03-01'],
  status: 'investigating',
};

describe('admin incidents', () => {
  let service: TestService;
  let api: ReturnType<typeof admin>;

  beforeAll(async () => {
    service = await startTestService({
      store: 'shared',
      prefix: uniquePrefix('admin-incidents'),
      env: { ADMIN_API_TOKEN: ADMIN_TOKEN },
    });
    api = admin(service.app);
  });
  afterAll(async () => {
    await service.close();
  });

  describe('when an incident is created with only the required fields', () => {
    it('then it is 201 with a URL-safe id, defaults, timestamps and a Location, and GET returns the same', async () => {
      const created = await api.post('/api/v1/admin/incidents', MINIMAL_INCIDENT);

      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.stringMatching(/^example-motors-[a-z2-7]{6}$/),
        organization: { en: 'Example Motors' },
        title: { en: 'Website server breach' },
        sources: [],
        status: 'announced',
        createdAt: expect.any(String),
        updatedAt: created.body.createdAt,
      });
      expect(created.headers.location).toBe(`/api/v1/admin/incidents/${created.body.id}`);
      const fetched = await api.get(created.headers.location as string);
      expect(fetched.status).toBe(200);
      expect(fetched.body).toEqual(created.body);
    });
  });

  describe('when an incident is created with every field', () => {
    it('then all of them are stored and the id carries the organization and year', async () => {
      const created = await api.post('/api/v1/admin/incidents', FULL_INCIDENT);

      expect(created.status).toBe(201);
      expect(created.body.id).toMatch(/^porsche-japan-2018-[a-z2-7]{6}$/);
      const fetched = await api.get(`/api/v1/admin/incidents/${created.body.id}`);
      expect(fetched.body).toEqual({
        ...FULL_INCIDENT,
        id: created.body.id,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
    });
  });

  describe('when texts are given as plain strings', () => {
    it('then Japanese text is filed under ja, other text under en, and both are trimmed', async () => {
      const created = await api.post('/api/v1/admin/incidents', {
        organization: '  トヨタ東京販売ホールディングス ',
        title: ' Unauthorized access to dealer servers ',
        summary: 'サーバーが不正アクセスを受けました。',
      });

      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        organization: { ja: 'トヨタ東京販売ホールディングス' },
        title: { en: 'Unauthorized access to dealer servers' },
        summary: { ja: 'サーバーが不正アクセスを受けました。' },
      });
      // No English organization: the id falls back to the English title.
      expect(created.body.id).toMatch(/^unauthorized-access-to-dealer-servers-[a-z2-7]{6}$/);
    });

    it('then an incident described only in Japanese still gets a URL-safe id', async () => {
      const created = await api.post('/api/v1/admin/incidents', { organization: 'トヨタ', title: '不正アクセス' });

      expect(created.status).toBe(201);
      expect(created.body.id).toMatch(/^incident-[a-z2-7]{6}$/);
    });
  });

  describe('when long bilingual texts are sent', () => {
    it('then a body above the public 8 kB limit but within the field limits is accepted', async () => {
      const created = await api.post('/api/v1/admin/incidents', {
        ...MINIMAL_INCIDENT,
        summary: { ja: '漏'.repeat(4000), en: 'e'.repeat(4000) },
      });

      expect(created.status).toBe(201);
      expect(created.body.summary.ja).toHaveLength(4000);
    });
  });

  describe('when incidents are listed', () => {
    it('then unpublished incidents are included for admins but not in the public catalogue', async () => {
      const id = await createIncident(service.app);

      const listed = await api.get('/api/v1/admin/incidents');
      const publicList = await request(service.app).get('/api/v1/incidents');

      expect(listed.status).toBe(200);
      expect(listed.body.incidents.map((incident: { id: string }) => incident.id)).toContain(id);
      expect(publicList.body.incidents.map((incident: { id: string }) => incident.id)).not.toContain(id);
    });
  });

  describe('when an incident is patched', () => {
    it('then only the given fields change, objects merge, null removes, and the result is stored', async () => {
      const id = (await api.post('/api/v1/admin/incidents', FULL_INCIDENT)).body.id as string;
      const before = (await api.get(`/api/v1/admin/incidents/${id}`)).body;

      const patched = await api.patch(`/api/v1/admin/incidents/${id}`, {
        title: { ja: '新しい件名' },
        summary: null,
        attackWindow: { to: '2018-02-20' },
        status: 'resolved',
        sources: [],
      });

      expect(patched.status).toBe(200);
      const after = (await api.get(`/api/v1/admin/incidents/${id}`)).body;
      expect(after).toEqual(patched.body);
      expect(after).toEqual({
        id,
        organization: FULL_INCIDENT.organization,
        title: { en: FULL_INCIDENT.title.en, ja: '新しい件名' },
        attackWindow: { from: '2018-01-22', to: '2018-02-20' },
        announcedOn: '2018-03-01',
        sources: [],
        status: 'resolved',
        createdAt: before.createdAt,
        updatedAt: expect.any(String),
      });
      expect(after.updatedAt >= before.updatedAt).toBe(true);
    });

    it('then a plain string replaces the whole text', async () => {
      const id = (await api.post('/api/v1/admin/incidents', FULL_INCIDENT)).body.id as string;

      const patched = await api.patch(`/api/v1/admin/incidents/${id}`, { title: 'Only English now' });

      expect(patched.status).toBe(200);
      expect((await api.get(`/api/v1/admin/incidents/${id}`)).body.title).toEqual({ en: 'Only English now' });
    });

    it('then sending back what GET returned changes nothing but the update time', async () => {
      const id = (await api.post('/api/v1/admin/incidents', FULL_INCIDENT)).body.id as string;
      const before = (await api.get(`/api/v1/admin/incidents/${id}`)).body;

      const patched = await api.patch(`/api/v1/admin/incidents/${id}`, before);

      expect(patched.status).toBe(200);
      expect(patched.body).toEqual({ ...before, updatedAt: expect.any(String) });
    });

    it('then an invalid value is 400 naming the field, and nothing changes', async () => {
      const id = (await api.post('/api/v1/admin/incidents', FULL_INCIDENT)).body.id as string;
      const before = (await api.get(`/api/v1/admin/incidents/${id}`)).body;

      const patched = await api.patch(`/api/v1/admin/incidents/${id}`, {
        status: 'open',
        title: { en: 'Would be fine' },
      });

      expect(patched.status).toBe(400);
      expect(patched.body.error.code).toBe('invalid_request');
      expect(patched.body.error.message).toMatch(/^status: must be one of investigating, announced, resolved/);
      expect((await api.get(`/api/v1/admin/incidents/${id}`)).body).toEqual(before);
    });

    it('then removing a required field is 400 naming it', async () => {
      const id = await createIncident(service.app);

      const patched = await api.patch(`/api/v1/admin/incidents/${id}`, { organization: null });

      expect(patched.status).toBe(400);
      expect(patched.body.error.message).toBe('organization: is required');
    });

    it('then changing the id is refused', async () => {
      const id = await createIncident(service.app);

      const patched = await api.patch(`/api/v1/admin/incidents/${id}`, { id: 'another-id' });

      expect(patched.status).toBe(400);
      expect(patched.body.error.message).toMatch(/^id is assigned by the server/);
      expect((await api.get(`/api/v1/admin/incidents/${id}`)).status).toBe(200);
    });
  });

  describe('when an incident is deleted', () => {
    it('then it is 204 and the incident is gone', async () => {
      const id = await createIncident(service.app);

      const deleted = await api.delete(`/api/v1/admin/incidents/${id}`);

      expect(deleted.status).toBe(204);
      expect((await api.get(`/api/v1/admin/incidents/${id}`)).status).toBe(404);
      const listed = (await api.get('/api/v1/admin/incidents')).body.incidents as { id: string }[];
      expect(listed.map((incident) => incident.id)).not.toContain(id);
    });

    it('then, while it has exposures, it is 409 incident_has_exposures and both stay', async () => {
      const id = await createIncident(service.app);
      const exposureId = await createExposure(service.app, id);

      const refused = await api.delete(`/api/v1/admin/incidents/${id}`);

      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('incident_has_exposures');
      expect(refused.body.error.message).toContain(exposureId);
      expect((await api.get(`/api/v1/admin/incidents/${id}`)).status).toBe(200);
      expect((await api.get(`/api/v1/admin/exposures/${exposureId}`)).status).toBe(200);

      expect((await api.delete(`/api/v1/admin/exposures/${exposureId}`)).status).toBe(204);
      expect((await api.delete(`/api/v1/admin/incidents/${id}`)).status).toBe(204);
    });
  });

  describe('when the incident id is unknown or malformed', () => {
    it.each([
      ['an unknown id', 'no-such-incident'],
      ['upper case', 'Porsche-Japan'],
      ['braces', '%7Blists%7D'],
      ['a colon', 'a%3Ab'],
      ['an encoded slash', 'a%2Fb'],
      ['an over-long id', 'a'.repeat(101)],
    ])('then GET, PATCH, DELETE and its exposures are 404 for %s', async (_name, id) => {
      const responses = await Promise.all([
        api.get(`/api/v1/admin/incidents/${id}`),
        api.patch(`/api/v1/admin/incidents/${id}`, { status: 'resolved' }),
        api.delete(`/api/v1/admin/incidents/${id}`),
        api.get(`/api/v1/admin/incidents/${id}/exposures`),
        api.post(`/api/v1/admin/incidents/${id}/exposures`, { title: 'x', dataExposed: ['email_address'] }),
      ]);

      for (const response of responses) {
        expect(response.status).toBe(404);
        expect(response.body.error.code).toBe('not_found');
      }
    });
  });

  describe('when the new incident is invalid', () => {
    it.each([
      ['organization is missing', { title: 'x' }, 'organization: is required'],
      ['title is missing', { organization: 'x' }, 'title: is required'],
      ['title is a number', { ...MINIMAL_INCIDENT, title: 42 }, 'title: must be a string or an object with "ja" and/or "en" strings'],
      ['title is blank', { ...MINIMAL_INCIDENT, title: '   ' }, 'title: must not be empty'],
      ['title has only empty languages', { ...MINIMAL_INCIDENT, title: { ja: '', en: ' ' } }, 'title: must not be empty'],
      ['a language is not a string', { ...MINIMAL_INCIDENT, title: { en: ['x'] } }, 'title.en: must be a string'],
      ['title is too long', { ...MINIMAL_INCIDENT, title: 't'.repeat(201) }, 'title.en: must be at most 200 characters'],
      ['summary is too long', { ...MINIMAL_INCIDENT, summary: { ja: 's'.repeat(4001) } }, 'summary.ja: must be at most 4000 characters'],
      ['announcedOn is not a date', { ...MINIMAL_INCIDENT, announcedOn: '29 March 2019' }, 'announcedOn: must be a date as YYYY-MM-DD'],
      ['announcedOn does not exist', { ...MINIMAL_INCIDENT, announcedOn: '2019-02-29' }, 'announcedOn: is not a real calendar date'],
      ['attackWindow is a string', { ...MINIMAL_INCIDENT, attackWindow: '2018' }, 'attackWindow: must be an object with "from" and/or "to" dates (YYYY-MM-DD)'],
      ['attackWindow ends before it starts', { ...MINIMAL_INCIDENT, attackWindow: { from: '2018-02-12', to: '2018-01-22' } }, 'attackWindow.to: must not be before "from" (2018-02-12)'],
      ['attackWindow.from is a timestamp', { ...MINIMAL_INCIDENT, attackWindow: { from: '2018-01-22T10:00:00Z' } }, 'attackWindow.from: must be a date as YYYY-MM-DD'],
      ['sources is a string', { ...MINIMAL_INCIDENT, sources: 'https://example.jp' }, 'sources: must be an array of URLs'],
      ['a source is not http(s)', { ...MINIMAL_INCIDENT, sources: ['https://example.jp', 'javascript:alert(1)'] }, 'sources[1]: must be an http:// or https:// URL'],
      ['a source is not a URL', { ...MINIMAL_INCIDENT, sources: ['example.jp/press'] }, 'sources[0]: must be an http:// or https:// URL'],
      ['status is unknown', { ...MINIMAL_INCIDENT, status: 'closed' }, 'status: must be one of investigating, announced, resolved'],
      ['an id is given', { ...MINIMAL_INCIDENT, id: 'my-id' }, 'id is assigned by the server and cannot be changed'],
    ])('then, when %s, it is 400 invalid_request naming the field', async (_name, body, message) => {
      const response = await api.post('/api/v1/admin/incidents', body);

      expect(response.status).toBe(400);
      expect(response.body).toEqual({ error: { code: 'invalid_request', message } });
    });

    it('then several problems are reported together, and nothing is stored', async () => {
      const before = (await api.get('/api/v1/admin/incidents')).body.incidents.length;

      const response = await api.post('/api/v1/admin/incidents', { title: 7, status: 'x' });

      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain('organization: is required');
      expect(response.body.error.message).toContain('title: must be a string');
      expect(response.body.error.message).toContain('status: must be one of');
      expect((await api.get('/api/v1/admin/incidents')).body.incidents).toHaveLength(before);
    });

    it('then a blank optional text means no text, not an error', async () => {
      const created = await api.post('/api/v1/admin/incidents', { ...MINIMAL_INCIDENT, summary: '  ' });

      expect(created.status).toBe(201);
      expect(created.body).not.toHaveProperty('summary');
    });

    it('then unknown fields are ignored, not stored', async () => {
      const created = await api.post('/api/v1/admin/incidents', { ...MINIMAL_INCIDENT, colour: 'red' });

      expect(created.status).toBe(201);
      expect(created.body).not.toHaveProperty('colour');
    });

    it('then a JSON array is 400 invalid_request', async () => {
      const response = await api.post('/api/v1/admin/incidents').set('Content-Type', 'application/json').send('[]');

      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        error: { code: 'invalid_request', message: 'The request body must be a JSON object.' },
      });
    });

    it.each(['"incident"', 'null', '42'])('then the JSON body %s is 400 (only objects and arrays parse)', async (body) => {
      const response = await api.post('/api/v1/admin/incidents').set('Content-Type', 'application/json').send(body);

      expect(response.status).toBe(400);
    });

    it('then malformed JSON is 400 malformed_json and a form body is 415', async () => {
      const malformed = await api.post('/api/v1/admin/incidents').set('Content-Type', 'application/json').send('{"title":');
      const form = await api.post('/api/v1/admin/incidents').type('form').send({ organization: 'x', title: 'y' });

      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe('malformed_json');
      expect(form.status).toBe(415);
    });

    it('then a body over the admin size limit is 413', async () => {
      const response = await api.post('/api/v1/admin/incidents', { ...MINIMAL_INCIDENT, summary: 'x'.repeat(300_000) });

      expect(response.status).toBe(413);
    });
  });

  it('when ids are generated for many incidents of one organization, then they are distinct and URL-safe', async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, () => createIncident(service.app)));

    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(ID_PATTERN);
  });
});
