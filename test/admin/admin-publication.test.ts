import request from 'supertest';
import { startTestService, type TestService } from '../support/test-app';
import { uniquePrefix } from '../support/test-redis';
import { ADMIN_TOKEN, FAST_ARGON2, admin, createExposure, createIncident } from './admin-fixtures';

// From the demo dataset: taro.yamada@example.jp is only in the catalog-requests list.
const CATALOG = 'porsche-japan-2018-catalog';
const PROMOTION = 'porsche-japan-2018-promotion';
const PORSCHE = 'porsche-japan-2018';
const TARO = 'taro.yamada@example.jp';

interface Listed {
  id: string;
  exposures?: Listed[];
}

describe('publishing exposures', () => {
  let service: TestService;
  let api: ReturnType<typeof admin>;

  beforeAll(async () => {
    service = await startTestService({
      store: 'shared',
      prefix: uniquePrefix('admin-publication'),
      seed: true,
      env: { ADMIN_API_TOKEN: ADMIN_TOKEN, ...FAST_ARGON2 },
    });
    api = admin(service.app);
  });
  afterAll(async () => {
    await service.close();
  });

  async function check(email: string) {
    const response = await request(service.app).post('/api/v1/check').send({ email });
    expect(response.status).toBe(200);
    const ids = (list: Listed[]) => list.map((exposure) => exposure.id);
    return {
      affected: response.body.affected as boolean,
      exposures: ids(response.body.exposures),
      checked: ids(response.body.checked),
      notCheckableByEmail: ids(response.body.notCheckableByEmail),
    };
  }

  async function publicCatalogue(): Promise<Map<string, string[]>> {
    const response = await request(service.app).get('/api/v1/incidents');
    expect(response.status).toBe(200);
    const incidents = response.body.incidents as Listed[];
    return new Map(incidents.map((incident) => [incident.id, (incident.exposures ?? []).map((exposure) => exposure.id)]));
  }

  async function restoreCatalog(): Promise<void> {
    expect((await api.patch(`/api/v1/admin/exposures/${CATALOG}`, { sensitive: false })).status).toBe(200);
    expect((await api.post(`/api/v1/admin/exposures/${CATALOG}/publish`)).status).toBe(200);
  }

  describe('when the demo exposure holding an address is published', () => {
    it('then a check finds the address in it', async () => {
      await restoreCatalog();

      const result = await check(TARO);

      expect(result.affected).toBe(true);
      expect(result.exposures).toEqual([CATALOG]);
    });
  });

  describe('when that exposure is unpublished', () => {
    afterEach(restoreCatalog);

    it('then it is 200 with the exposure, and the address is no longer affected', async () => {
      const response = await api.post(`/api/v1/admin/exposures/${CATALOG}/unpublish`);

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: CATALOG, published: false, list: { records: expect.any(Number) } });
      expect((await api.get(`/api/v1/admin/exposures/${CATALOG}`)).body.published).toBe(false);
      const result = await check(TARO);
      expect(result.affected).toBe(false);
      expect(result.checked).not.toContain(CATALOG);
      expect(result.notCheckableByEmail).not.toContain(CATALOG);
    });

    it('then the public catalogue leaves it out but keeps the incident for its other published exposure', async () => {
      await api.post(`/api/v1/admin/exposures/${CATALOG}/unpublish`);

      const catalogue = await publicCatalogue();

      expect(catalogue.get(PORSCHE)).toEqual([PROMOTION]);
    });

    it('then unpublishing again is harmless, and publishing again makes the address affected again', async () => {
      await api.post(`/api/v1/admin/exposures/${CATALOG}/unpublish`);
      expect((await api.post(`/api/v1/admin/exposures/${CATALOG}/unpublish`)).status).toBe(200);

      const published = await api.post(`/api/v1/admin/exposures/${CATALOG}/publish`);

      expect(published.status).toBe(200);
      expect(published.body.published).toBe(true);
      expect((await check(TARO)).exposures).toEqual([CATALOG]);
      expect((await publicCatalogue()).get(PORSCHE)).toEqual([CATALOG, PROMOTION]);
    });
  });

  describe('when that exposure is marked sensitive while published', () => {
    afterEach(restoreCatalog);

    it('then the address is not affected publicly and the exposure leaves the public catalogue, yet admins still see it', async () => {
      const patched = await api.patch(`/api/v1/admin/exposures/${CATALOG}`, { sensitive: true });

      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ sensitive: true, published: true });
      const result = await check(TARO);
      expect(result.affected).toBe(false);
      expect(result.checked).not.toContain(CATALOG);
      expect((await publicCatalogue()).get(PORSCHE)).toEqual([PROMOTION]);
      expect((await api.get(`/api/v1/admin/exposures/${CATALOG}`)).body.sensitive).toBe(true);
    });
  });

  describe('when every exposure of an incident is unpublished', () => {
    afterEach(async () => {
      await restoreCatalog();
      await api.post(`/api/v1/admin/exposures/${PROMOTION}/publish`);
    });

    it('then the incident leaves the public catalogue but stays in the admin list', async () => {
      await api.post(`/api/v1/admin/exposures/${CATALOG}/unpublish`);
      await api.post(`/api/v1/admin/exposures/${PROMOTION}/unpublish`);

      expect((await publicCatalogue()).has(PORSCHE)).toBe(false);
      const adminList = (await api.get('/api/v1/admin/incidents')).body.incidents as Listed[];
      expect(adminList.map((incident) => incident.id)).toContain(PORSCHE);
    });
  });

  describe('when a new incident gets an exposure', () => {
    it('then neither is public until the exposure is published, and then both are', async () => {
      const incidentId = await createIncident(service.app, { organization: 'Example Motors', title: 'Breach' });
      const exposureId = await createExposure(service.app, incidentId, { title: 'Customers', dataExposed: ['name'] });
      expect((await publicCatalogue()).has(incidentId)).toBe(false);
      expect((await check(TARO)).notCheckableByEmail).not.toContain(exposureId);

      const published = await api.post(`/api/v1/admin/exposures/${exposureId}/publish`);

      expect(published.status).toBe(200);
      expect(published.body).toMatchObject({ id: exposureId, published: true, list: null });
      expect((await publicCatalogue()).get(incidentId)).toEqual([exposureId]);
      // Without a list it cannot be checked by email, and says so instead of answering "not affected".
      const result = await check(TARO);
      expect(result.notCheckableByEmail).toContain(exposureId);
      expect(result.exposures).toEqual([CATALOG]);
    });

    it('then a sensitive exposure stays out of public view even when published', async () => {
      const incidentId = await createIncident(service.app);
      const exposureId = await createExposure(service.app, incidentId, {
        title: 'Health survey respondents',
        dataExposed: ['email_address'],
        sensitive: true,
      });

      expect((await api.post(`/api/v1/admin/exposures/${exposureId}/publish`)).status).toBe(200);

      expect((await publicCatalogue()).has(incidentId)).toBe(false);
      expect((await check(TARO)).notCheckableByEmail).not.toContain(exposureId);
    });
  });

  describe('when a published exposure is deleted', () => {
    it('then it and its list answer no more public checks', async () => {
      const incidentId = await createIncident(service.app);
      const exposureId = await createExposure(service.app, incidentId);
      await api.post(`/api/v1/admin/exposures/${exposureId}/publish`);
      expect((await check(TARO)).notCheckableByEmail).toContain(exposureId);

      expect((await api.delete(`/api/v1/admin/exposures/${exposureId}`)).status).toBe(204);

      const result = await check(TARO);
      expect(result.notCheckableByEmail).not.toContain(exposureId);
      expect((await publicCatalogue()).has(incidentId)).toBe(false);
    });
  });
});
