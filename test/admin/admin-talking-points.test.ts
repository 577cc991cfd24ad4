import request from 'supertest';
import { startTestService, type TestService } from '../support/test-app';
import { uniquePrefix } from '../support/test-redis';
import { ADMIN_TOKEN, FAST_ARGON2, admin, createIncident, MINIMAL_EXPOSURE } from './admin-fixtures';

const CATALOG = 'porsche-japan-2018-catalog';
// Words no public text of the demo catalogue contains, so finding them anywhere means a leak.
const TALKING_POINTS = {
  en: 'Staff-only marker ZEBRA-TALK: apologise, confirm the window, offer the hotline.',
  ja: '社内限定マーカー 縞馬トーク：お詫びし、期間を確認し、専用窓口をご案内ください。',
};

describe('talking points on exposures', () => {
  let service: TestService;
  let api: ReturnType<typeof admin>;

  beforeAll(async () => {
    service = await startTestService({
      store: 'shared',
      prefix: uniquePrefix('talking-points'),
      seed: true,
      env: { ADMIN_API_TOKEN: ADMIN_TOKEN, ...FAST_ARGON2 },
    });
    api = admin(service.app);
  });
  afterAll(async () => {
    await service.close();
  });

  describe('when an exposure is created with talking points in both languages', () => {
    it('then they are stored and returned by the admin API', async () => {
      const incidentId = await createIncident(service.app);
      const created = await api.post(`/api/v1/admin/incidents/${incidentId}/exposures`, {
        ...MINIMAL_EXPOSURE,
        talkingPoints: TALKING_POINTS,
      });

      expect(created.status).toBe(201);
      expect(created.body.talkingPoints).toEqual(TALKING_POINTS);
      expect((await api.get(`/api/v1/admin/exposures/${created.body.id}`)).body.talkingPoints).toEqual(TALKING_POINTS);
      const listed = await api.get(`/api/v1/admin/incidents/${incidentId}/exposures`);
      expect(listed.body.exposures[0].talkingPoints).toEqual(TALKING_POINTS);
    });
  });

  describe('when talking points are patched', () => {
    let exposureId: string;
    beforeAll(async () => {
      const incidentId = await createIncident(service.app);
      const created = await api.post(`/api/v1/admin/incidents/${incidentId}/exposures`, MINIMAL_EXPOSURE);
      exposureId = created.body.id;
    });

    it('then a plain string is filed under its language, an object updates only the languages it names, and null removes them', async () => {
      const path = `/api/v1/admin/exposures/${exposureId}`;

      const japanese = await api.patch(path, { talkingPoints: 'お詫びのうえ、専用窓口をご案内ください。' });
      expect(japanese.status).toBe(200);
      expect(japanese.body.talkingPoints).toEqual({ ja: 'お詫びのうえ、専用窓口をご案内ください。' });

      const english = await api.patch(path, { talkingPoints: { en: 'Apologise, then offer the hotline.' } });
      expect(english.body.talkingPoints).toEqual({
        ja: 'お詫びのうえ、専用窓口をご案内ください。',
        en: 'Apologise, then offer the hotline.',
      });

      const removed = await api.patch(path, { talkingPoints: null });
      expect(removed.status).toBe(200);
      expect(removed.body).not.toHaveProperty('talkingPoints');
      expect((await api.get(path)).body).not.toHaveProperty('talkingPoints');
    });

    it.each([
      ['longer than 4000 characters', { en: 'x'.repeat(4001) }, /talkingPoints\.en: must be at most 4000 characters/],
      ['a number', 42, /talkingPoints: must be a string or an object/],
      ['an object with a non-string language', { ja: 7 }, /talkingPoints\.ja: must be a string/],
    ])('then talking points %s are a 400 naming the field, and nothing changes', async (_what, talkingPoints, message) => {
      const path = `/api/v1/admin/exposures/${exposureId}`;
      const before = (await api.get(path)).body;

      const response = await api.patch(path, { talkingPoints });

      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('invalid_request');
      expect(response.body.error.message).toMatch(message);
      expect((await api.get(path)).body).toEqual(before);
    });

    it('then blank talking points mean none, as for the other optional texts', async () => {
      const response = await api.patch(`/api/v1/admin/exposures/${exposureId}`, { talkingPoints: { ja: '  ', en: '' } });
      expect(response.status).toBe(200);
      expect(response.body).not.toHaveProperty('talkingPoints');
    });
  });

  describe('when a published exposure with a live list has talking points', () => {
    beforeAll(async () => {
      const response = await api.patch(`/api/v1/admin/exposures/${CATALOG}`, { talkingPoints: TALKING_POINTS });
      if (response.status !== 200) throw new Error(`patching the demo exposure failed: ${response.status}`);
    });

    const leaks = (text: string) =>
      [TALKING_POINTS.en, TALKING_POINTS.ja, 'ZEBRA-TALK', '縞馬トーク', 'talkingPoints'].filter((needle) => text.includes(needle));

    it('then support staff see them in a check on a caller\'s behalf (the search below can find them)', async () => {
      const answer = await service.runtime.support.service.checkForCaller({
        actor: { kind: 'staff', staffId: 'st-1', username: 'sato.support', role: 'support' },
        ticketRef: 'ZD-TALK-1',
        email: 'taro.yamada@example.jp',
      });

      expect(answer.exposures.map(({ exposure }) => exposure.talkingPoints)).toEqual([TALKING_POINTS]);
      expect(leaks(JSON.stringify(answer))).not.toEqual([]);
    });

    it('then the public catalogue API does not contain them', async () => {
      const response = await request(service.app).get('/api/v1/incidents');

      expect(response.status).toBe(200);
      expect(response.text).toContain(CATALOG);
      expect(leaks(response.text)).toEqual([]);
    });

    it('then a public check through the API that matches it does not contain them', async () => {
      const response = await request(service.app).post('/api/v1/check').send({ email: 'taro.yamada@example.jp' });

      expect(response.status).toBe(200);
      expect(response.body.exposures.map((exposure: { id: string }) => exposure.id)).toEqual([CATALOG]);
      expect(leaks(response.text)).toEqual([]);
    });

    it.each(['ja', 'en'])('then the result page (%s) of a matching check does not contain them', async (lang) => {
      const response = await request(service.app).post('/check').type('form').send({ email: 'taro.yamada@example.jp', lang });

      expect(response.status).toBe(200);
      expect(leaks(response.text)).toEqual([]);
    });

    it('then the front page and the OpenAPI document\'s public schemas do not contain them', async () => {
      const page = await request(service.app).get('/');
      const openApi = await request(service.app).get('/api/v1/openapi.json');
      const schemas = openApi.body.components.schemas;

      expect(leaks(page.text)).toEqual([]);
      expect(Object.keys(schemas.Exposure.properties)).not.toContain('talkingPoints');
      expect(Object.keys(schemas.ExposureInput.properties)).toContain('talkingPoints');
      expect(Object.keys(schemas.AdminExposure.properties)).toContain('talkingPoints');
    });
  });
});
