import { startTestService, type TestService } from '../support/test-app';
import { keysWithPrefix, newTestRedis, type TestRedis, uniquePrefix } from '../support/test-redis';
import { ADMIN_TOKEN, FAST_ARGON2, admin, createIncident } from './admin-fixtures';

/*
 * Issue 14: each data class of an exposure is in one of three states: confirmed exposed, may have
 * been exposed (still being investigated), confirmed not exposed. On Redis, through the admin API.
 */
const THREE_STATES = {
  title: 'Dealer customers',
  dataExposed: ['email_address'],
  dataPossiblyExposed: ['name', 'date_of_birth', 'vehicles_owned'],
  dataNotExposed: ['payment_card'],
};

describe('admin exposures: three states per data class', () => {
  const prefix = uniquePrefix('admin-data-states');
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

  const create = (body: object) => api.post(`/api/v1/admin/incidents/${incidentId}/exposures`, body);

  describe('when an exposure is created with all three states', () => {
    it('then each list is stored as sent and GET returns them', async () => {
      const created = await create(THREE_STATES);

      expect(created.status).toBe(201);
      const fetched = (await api.get(`/api/v1/admin/exposures/${created.body.id}`)).body;
      expect(fetched).toMatchObject({
        dataExposed: ['email_address'],
        dataPossiblyExposed: ['name', 'date_of_birth', 'vehicles_owned'],
        dataNotExposed: ['payment_card'],
      });
    });
  });

  describe('when an exposure is patched to move classes between the states', () => {
    it('then the lists are replaced, and a class confirmed later leaves "may have been exposed"', async () => {
      const id = (await create(THREE_STATES)).body.id as string;

      const patched = await api.patch(`/api/v1/admin/exposures/${id}`, {
        dataExposed: ['email_address', 'name'],
        dataPossiblyExposed: ['date_of_birth'],
        dataNotExposed: ['payment_card', 'vehicles_owned'],
      });

      expect(patched.status).toBe(200);
      expect((await api.get(`/api/v1/admin/exposures/${id}`)).body).toMatchObject({
        dataExposed: ['email_address', 'name'],
        dataPossiblyExposed: ['date_of_birth'],
        dataNotExposed: ['payment_card', 'vehicles_owned'],
      });
    });

    it('then a patch that leaves a class in two lists is refused with 400 naming the field, and nothing changes', async () => {
      const id = (await create(THREE_STATES)).body.id as string;
      const before = (await api.get(`/api/v1/admin/exposures/${id}`)).body;

      const patched = await api.patch(`/api/v1/admin/exposures/${id}`, { dataNotExposed: ['name'] });

      expect(patched.status).toBe(400);
      expect(patched.body).toEqual({
        error: { code: 'invalid_request', message: 'dataNotExposed[0]: "name" is also listed in dataPossiblyExposed' },
      });
      expect((await api.get(`/api/v1/admin/exposures/${id}`)).body).toEqual(before);
    });
  });

  describe('when a new exposure lists a class in two states', () => {
    it.each([
      ['exposed and may have been', { dataPossiblyExposed: ['email_address'] }, 'dataPossiblyExposed[0]: "email_address" is also listed in dataExposed'],
      ['may have been and not', { dataPossiblyExposed: ['name'], dataNotExposed: ['phone_number', 'name'] }, 'dataNotExposed[1]: "name" is also listed in dataPossiblyExposed'],
      ['exposed and not', { dataNotExposed: ['email_address'] }, 'dataNotExposed[0]: "email_address" is also listed in dataExposed'],
      ['an unknown class may have been', { dataPossiblyExposed: ['shoe_size'] }, expect.stringMatching(/^dataPossiblyExposed\[0\]: unknown data class "shoe_size"/)],
      ['the list is not an array', { dataPossiblyExposed: 'name' }, 'dataPossiblyExposed: must be an array of data class codes'],
    ])('then, when %s, it is 400 invalid_request naming the field, and nothing is stored', async (_name, lists, message) => {
      const before = (await api.get(`/api/v1/admin/incidents/${incidentId}/exposures`)).body.exposures.length;

      const response = await create({ title: 'x', dataExposed: ['email_address'], ...lists });

      expect(response.status).toBe(400);
      expect(response.body).toEqual({ error: { code: 'invalid_request', message } });
      expect((await api.get(`/api/v1/admin/incidents/${incidentId}/exposures`)).body.exposures).toHaveLength(before);
    });
  });

  describe('when an exposure was stored before the third state existed', () => {
    let id: string;

    beforeAll(async () => {
      id = (await create({ title: 'Old', dataExposed: ['email_address', 'name'], dataNotExposed: ['password'] })).body.id as string;
      // Rewrite it in Redis as the previous release saved it: no dataPossiblyExposed at all.
      const [key] = (await keysWithPrefix(redis, prefix)).filter((name) => name.endsWith('catalog:exposures'));
      if (key === undefined) throw new Error('no exposures hash in Redis');
      const stored = JSON.parse((await redis.hget(key, id)) as string) as Record<string, unknown>;
      delete stored.dataPossiblyExposed;
      await redis.hset(key, id, JSON.stringify(stored));
      expect(await redis.hget(key, id)).not.toContain('dataPossiblyExposed');
    });

    it('then it reads with its exposed data still confirmed and nothing under investigation', async () => {
      const fetched = await api.get(`/api/v1/admin/exposures/${id}`);
      const listed = await api.get(`/api/v1/admin/incidents/${incidentId}/exposures`);

      expect(fetched.status).toBe(200);
      expect(fetched.body).toMatchObject({
        dataExposed: ['email_address', 'name'],
        dataPossiblyExposed: [],
        dataNotExposed: ['password'],
      });
      expect(listed.body.exposures).toContainEqual(fetched.body);
    });

    it('then a PATCH of another field keeps its meaning, and one adding a class under investigation works', async () => {
      const renamed = await api.patch(`/api/v1/admin/exposures/${id}`, { title: 'Old, renamed' });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ dataExposed: ['email_address', 'name'], dataPossiblyExposed: [], dataNotExposed: ['password'] });

      const investigated = await api.patch(`/api/v1/admin/exposures/${id}`, { dataPossiblyExposed: ['phone_number'] });
      expect(investigated.status).toBe(200);
      expect((await api.get(`/api/v1/admin/exposures/${id}`)).body.dataPossiblyExposed).toEqual(['phone_number']);
    });
  });
});
