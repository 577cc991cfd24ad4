import request from 'supertest';
import { argon2idOf, normalizeEmail } from '../../src/hashing';
import { newStaff, signedIn, startStaffService, type StaffTestService } from '../staff/staff-fixtures';
import { postCheck } from '../support-console/support-console-fixtures';
import { EXPOSURE_FORM, INCIDENT_FORM, redirectedId, signedInAdmin, submitForm, type AdminBrowser } from './admin-console-fixtures';

/*
 * Issue 14, end to end: an admin describes, in the console, an incident with contacts and an
 * exposure with all three data states and a count stated "up to"; once it is published with a
 * list, the customer's result page and the support console show all of it, in both languages.
 */
const LISTED = 'kenta.ito@example.jp';
const CONTACT_FIELDS = {
  phone: '０１２０－９８７－６５４',
  hours_ja: '平日 9:00〜18:00（土日祝を除く）',
  hours_en: 'Weekdays 9:00-18:00 (Japan time)',
  formUrl: 'https://support.example.jp/form',
  announcementUrl: 'https://www.example.jp/news/2026/1202',
};

describe('admin console to customer page: contacts and three data states', () => {
  let service: StaffTestService;
  let admin: AdminBrowser;
  let incidentId: string;
  let exposureId: string;

  beforeAll(async () => {
    service = await startStaffService();
    admin = await signedInAdmin(service);
    incidentId = redirectedId(await submitForm(admin.agent, '/admin/incidents', { ...INCIDENT_FORM, ...CONTACT_FIELDS }), 'incidents');
    exposureId = redirectedId(
      await submitForm(
        admin.agent,
        `/admin/incidents/${incidentId}`,
        {
          ...EXPOSURE_FORM,
          dataExposed: ['email_address'],
          dataPossiblyExposed: ['name', 'date_of_birth'],
          dataNotExposed: ['payment_card'],
          affectedCount: '3,100,000',
          affectedCountQualifier: 'upTo',
        },
        `/admin/incidents/${incidentId}/exposures`,
      ),
      'exposures',
    );
    const { runtime } = service;
    const row = await argon2idOf(normalizeEmail(LISTED), runtime.hashing.profile);
    await runtime.lists.service.replaceList(exposureId, runtime.hashing.profile, [[row]]);
    const published = await submitForm(admin.agent, `/admin/exposures/${exposureId}`, {}, `/admin/exposures/${exposureId}/publish`);
    expect(published.status).toBe(303);
  });
  afterAll(async () => {
    await service.close();
  });

  it('when the console saved the forms, then the incident has its contacts (the hotline in ASCII) and the exposure its stated count', async () => {
    expect((await service.runtime.catalog.admin.getIncident(incidentId)).contacts).toEqual({
      phone: '0120-987-654',
      hours: { ja: CONTACT_FIELDS.hours_ja, en: CONTACT_FIELDS.hours_en },
      formUrl: CONTACT_FIELDS.formUrl,
      announcementUrl: CONTACT_FIELDS.announcementUrl,
    });
    expect(await service.runtime.catalog.admin.getExposure(exposureId)).toMatchObject({
      affectedCount: 3_100_000,
      affectedCountQualifier: 'upTo',
      dataPossiblyExposed: ['name', 'date_of_birth'],
      published: true,
    });
  });

  it('when the incident page is opened again, then the contact fields show what was saved', async () => {
    const page = (await admin.agent.get(`/admin/incidents/${incidentId}?lang=ja`)).text;

    expect(page).toContain('お客様向けのお問い合わせ先');
    expect(page).toContain('value="0120-987-654"');
    expect(page).toContain(`value="${CONTACT_FIELDS.formUrl}"`);
    expect(page).toContain(CONTACT_FIELDS.hours_ja);
  });

  it.each([
    ['en', 'Weekdays 9:00-18:00 (Japan time)', 'Up to 3,100,000 people'],
    ['ja', '平日 9:00〜18:00（土日祝を除く）', '最大3,100,000人'],
  ])('when a customer checks a listed address in %s, then the card shows the three states, the stated count and the contacts', async (lang, hours, people) => {
    const response = await request(service.app).post('/check').type('form').send({ email: LISTED, lang });

    expect(response.status).toBe(200);
    const start = response.text.indexOf(`id="hit-${exposureId}"`);
    expect(start).toBeGreaterThan(-1);
    const card = response.text.slice(start);
    expect(card).toContain('data-exposed');
    expect(card).toContain('data-possibly-exposed');
    expect(card).toContain('data-not-exposed');
    expect(card).toContain(people);
    expect(card).toContain('href="tel:0120987654"');
    expect(card).toContain(hours);
    expect(card).toContain(`href="${CONTACT_FIELDS.formUrl}"`);
    expect(card).toContain(`href="${CONTACT_FIELDS.announcementUrl}"`);
  });

  it('when support staff check the address, then their result shows the contacts and the stated count too', async () => {
    const support = await newStaff(service.runtime, 'support');
    const agent = await signedIn(service.app, support.username);

    const response = await postCheck(agent, { ticketRef: 'ZD-53001', email: LISTED });

    expect(response.status).toBe(200);
    expect(response.text).toContain('<a href="tel:0120987654">0120-987-654</a>');
    expect(response.text).toContain('Weekdays 9:00-18:00 (Japan time)');
    expect(response.text).toContain('Up to 3,100,000 people');
  });
});
