import request from 'supertest';
import type { StaffMember } from '../../src/actor/staff-member';
import { newStaff, signedIn, type StaffTestService } from '../staff/staff-fixtures';
import { postCheck, startSeededStaffService } from './support-console-fixtures';

/*
 * Issue 14: the support console shows the incident's contacts as the customer's card does (so staff
 * can repeat them), and the count as the source states it. On the seeded demo data, Porsche's
 * incident given contacts here.
 */
const INCIDENT = 'porsche-japan-2018';
const PROMOTION = 'porsche-japan-2018-promotion';
const LISTED = 'hanako.suzuki@example.jp';

describe('the support console: incident contacts and stated counts', () => {
  let service: StaffTestService;
  let support: StaffMember;
  let agent: request.Agent;

  beforeAll(async () => {
    service = await startSeededStaffService();
    support = await newStaff(service.runtime, 'support');
    agent = await signedIn(service.app, support.username);
    await service.runtime.catalog.admin.updateIncident(INCIDENT, {
      contacts: {
        phone: '0120-555-010',
        hours: { ja: '平日 10:00〜17:00', en: 'Weekdays 10:00-17:00' },
        formUrl: 'https://contact.example.jp/form',
        announcementUrl: 'https://www.example.jp/news/2018-03',
      },
    });
    await service.runtime.catalog.admin.updateExposure(PROMOTION, { affectedCount: 5_568, affectedCountQualifier: 'about' });
  });
  afterAll(async () => {
    await service.close();
  });

  const cardOf = (html: string, id: string): string => {
    const start = html.indexOf(`id="hit-${id}"`);
    expect(start).toBeGreaterThan(-1);
    return html.slice(start, html.indexOf('</section>', start));
  };

  it('when staff check a listed address, then its card shows the hotline as a tel: link, the hours, the form and the announcement', async () => {
    const response = await postCheck(agent, { ticketRef: 'ZD-52001', email: LISTED });

    expect(response.status).toBe(200);
    const card = cardOf(response.text, PROMOTION);
    expect(card).toContain('Contacts the customer is given');
    expect(card).toContain('<a href="tel:0120555010">0120-555-010</a>');
    expect(card).toContain('Weekdays 10:00-17:00');
    expect(card).toContain('<a href="https://contact.example.jp/form" rel="noopener noreferrer">');
    expect(card).toContain('(www.example.jp)');
    expect(card).toContain('About 5,568 people');
  });

  it('when the console is in Japanese, then the labels, the hours and the count are in Japanese', async () => {
    const card = cardOf((await postCheck(agent, { ticketRef: 'ZD-52002', email: LISTED, lang: 'ja' })).text, PROMOTION);

    expect(card).toContain('お客様にご案内しているお問い合わせ先');
    expect(card).toContain('平日 10:00〜17:00');
    expect(card).toContain('約5,568人');
  });

  it('when an incident names no contact, then the card says so rather than showing an empty list', async () => {
    const response = await postCheck(agent, { ticketRef: 'ZD-52003', email: LISTED });
    const toyota = response.text.slice(response.text.indexOf('id="maybe-toyota-tokyo-dealers-2019-customers"'));

    expect(toyota).toContain('This incident names no hotline, contact form or announcement.');
  });
});
