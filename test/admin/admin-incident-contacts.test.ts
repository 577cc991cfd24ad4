import request from 'supertest';
import { startTestService, type TestService } from '../support/test-app';
import { ADMIN_TOKEN, FAST_ARGON2, admin, createExposure, createIncident } from './admin-fixtures';

/*
 * Issue 14: an incident names where a customer reaches a person (hotline, hours, contact form,
 * announcement), and an exposure says how the source states its count ("up to 3.1 million").
 * On Redis, through the admin API; the public catalogue carries both.
 */
const CONTACTS = {
  phone: '0120-123-456',
  hours: { ja: '平日 9:00〜18:00', en: 'Weekdays 9:00-18:00 (Japan time)' },
  formUrl: 'https://example.jp/contact',
  announcementUrl: 'https://example.jp/news/2019/0329',
};

describe('admin incidents: contacts for customers', () => {
  let service: TestService;
  let api: ReturnType<typeof admin>;

  beforeAll(async () => {
    service = await startTestService({ store: 'shared', env: { ADMIN_API_TOKEN: ADMIN_TOKEN, ...FAST_ARGON2 } });
    api = admin(service.app);
  });
  afterAll(async () => {
    await service.close();
  });

  const incident = (body: object) => api.post('/api/v1/admin/incidents', { organization: 'Example Motors', title: 'Breach', ...body });

  it('when an incident is created with contacts, then GET returns them as sent', async () => {
    const created = await incident({ contacts: CONTACTS });

    expect(created.status).toBe(201);
    expect((await api.get(`/api/v1/admin/incidents/${created.body.id}`)).body.contacts).toEqual(CONTACTS);
  });

  it('when the hotline is typed in full-width digits, then it is stored in ASCII', async () => {
    const created = await incident({ contacts: { phone: '０１２０－１２３－４５６' } });

    expect(created.status).toBe(201);
    expect(created.body.contacts).toEqual({ phone: '0120-123-456' });
  });

  it('when a patch names one part, then the others stay; null removes a part; blank parts leave no contacts', async () => {
    const id = (await incident({ contacts: CONTACTS })).body.id as string;

    const merged = await api.patch(`/api/v1/admin/incidents/${id}`, { contacts: { phone: '+81 3-1234-5678', formUrl: null } });
    expect(merged.status).toBe(200);
    const { formUrl: _removed, ...rest } = CONTACTS;
    expect(merged.body.contacts).toEqual({ ...rest, phone: '+81 3-1234-5678' });

    const cleared = await api.patch(`/api/v1/admin/incidents/${id}`, {
      contacts: { phone: '', hours: { ja: '', en: '' }, announcementUrl: null },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body).not.toHaveProperty('contacts');
  });

  it.each([
    ['a phone number with letters', { phone: '0120-ABC-456' }, 'contacts.phone: must be a phone number'],
    ['a phone number too short', { phone: '12' }, 'contacts.phone: must be a phone number'],
    ['a phone number too long', { phone: '+1234567890123456' }, 'contacts.phone: must be a phone number'],
    ['a form that is not http(s)', { formUrl: 'javascript:alert(1)' }, 'contacts.formUrl: must be an http:// or https:// URL'],
    ['an announcement that is no URL', { announcementUrl: 'example.jp/news' }, 'contacts.announcementUrl: must be an http:// or https:// URL'],
    ['hours that are not text', { hours: 9 }, 'contacts.hours: must be a string or an object'],
    ['contacts that are not an object', 'call us', 'contacts: must be an object with phone, hours, formUrl and/or announcementUrl'],
  ])('when the contacts hold %s, then it is 400 naming the part, and nothing is stored', async (_name, contacts, message) => {
    const before = (await api.get('/api/v1/admin/incidents')).body.incidents.length;

    const response = await incident({ contacts });

    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_request');
    expect(response.body.error.message).toContain(message);
    expect((await api.get('/api/v1/admin/incidents')).body.incidents).toHaveLength(before);
  });

  describe('when a published exposure of an incident with contacts is in the public catalogue', () => {
    let incidentId: string;
    let exposureId: string;

    beforeAll(async () => {
      incidentId = await createIncident(service.app, { organization: 'Example Motors', title: 'Dealers', contacts: CONTACTS });
      exposureId = await createExposure(service.app, incidentId, {
        title: 'Dealer customers',
        dataExposed: ['email_address'],
        dataPossiblyExposed: ['name'],
        dataNotExposed: ['payment_card'],
        affectedCount: 3_100_000,
        affectedCountQualifier: 'upTo',
      });
      expect((await api.post(`/api/v1/admin/exposures/${exposureId}/publish`)).status).toBe(200);
    });

    it('then the catalogue and the check answer carry the contacts and the count as stated', async () => {
      const catalogue = await request(service.app).get('/api/v1/incidents');
      const check = await request(service.app).post('/api/v1/check').send({ email: 'someone@example.jp' });

      const published = catalogue.body.incidents.find((item: { id: string }) => item.id === incidentId);
      expect(published.contacts).toEqual(CONTACTS);
      expect(published.exposures[0]).toMatchObject({ affectedCount: 3_100_000, affectedCountQualifier: 'upTo' });
      expect(check.status).toBe(200);
      const notCheckable = check.body.notCheckableByEmail.find((item: { id: string }) => item.id === exposureId);
      expect(notCheckable.incident.contacts).toEqual(CONTACTS);
      expect(notCheckable.affectedCountQualifier).toBe('upTo');
    });
  });
});

describe('admin exposures: how the source states the count', () => {
  let service: TestService;
  let api: ReturnType<typeof admin>;
  let incidentId: string;

  beforeAll(async () => {
    service = await startTestService({ store: 'shared', env: { ADMIN_API_TOKEN: ADMIN_TOKEN, ...FAST_ARGON2 } });
    api = admin(service.app);
    incidentId = await createIncident(service.app);
  });
  afterAll(async () => {
    await service.close();
  });

  const create = (body: object) =>
    api.post(`/api/v1/admin/incidents/${incidentId}/exposures`, { title: 'Group', dataExposed: ['email_address'], ...body });

  it.each(['exactly', 'about', 'upTo'])('when the count is stated %s, then it is stored so', async (qualifier) => {
    const created = await create({ affectedCount: 28_700, affectedCountQualifier: qualifier });

    expect(created.status).toBe(201);
    expect((await api.get(`/api/v1/admin/exposures/${created.body.id}`)).body).toMatchObject({
      affectedCount: 28_700,
      affectedCountQualifier: qualifier,
    });
  });

  it('when a qualifier comes without a count, then it is 400 naming it', async () => {
    const response = await create({ affectedCountQualifier: 'about' });

    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('affectedCountQualifier: is only meaningful with affectedCount');
  });

  it('when the qualifier is not one of the three, then it is 400 listing them', async () => {
    const response = await create({ affectedCount: 10, affectedCountQualifier: 'roughly' });

    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('affectedCountQualifier: must be one of exactly, about, upTo');
  });
});
