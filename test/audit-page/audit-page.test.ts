import request from 'supertest';
import type { AuditEvent } from '../../src/audit/audit-event';
import type { Actor } from '../../src/actor/actor';
import type { StaffMember } from '../../src/actor/staff-member';
import { auditPageQuery, auditFilterValuesOf } from '../../src/audit/audit-page-view';
import { localDate, localDateTime } from '../../src/shared/time-zone';
import { ADMIN_TOKEN } from '../admin/admin-fixtures';
import { newStaff, signedIn, startStaffService, type StaffTestService } from '../staff/staff-fixtures';
import { postCheck, startSeededStaffService } from '../support-console/support-console-fixtures';

const CHECKED = ['taro.yamada@example.jp', 'hanako.suzuki@example.jp'];
const BULK: Actor = { kind: 'staff', staffId: 'st-bulk', username: 'bulk.editor', role: 'admin' };
const BULK_EVENTS = 55;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The Japan-time day of an instant, as the page's date filters read it. */
function jstDay(iso: string, offsetDays = 0): string {
  return new Date(Date.parse(iso) + 9 * 60 * 60 * 1000 + offsetDays * DAY_MS).toISOString().slice(0, 10);
}

const rowsOf = (html: string): number => html.match(/<tr id="event-/g)?.length ?? 0;

describe('the admin console\'s audit log page', () => {
  let service: StaffTestService;
  let admin: StaffMember;
  let support: StaffMember;
  let adminAgent: request.Agent;
  let firstCheck: AuditEvent;

  beforeAll(async () => {
    service = await startSeededStaffService({ ADMIN_API_TOKEN: ADMIN_TOKEN });
    admin = await newStaff(service.runtime, 'admin');
    support = await newStaff(service.runtime, 'support');
    adminAgent = await signedIn(service.app, admin.username);
    for (let index = 0; index < BULK_EVENTS; index += 1) {
      await service.runtime.audit.service.record({ actor: BULK, action: 'incident.update', target: { incidentId: `inc-${index}` } });
    }
    await service.runtime.audit.service.record({ actor: BULK, action: 'staff.role', target: { staffId: support.id }, details: { role: 'support' } });
    const supportAgent = await signedIn(service.app, support.username);
    for (const [index, email] of CHECKED.entries()) {
      expect((await postCheck(supportAgent, { ticketRef: `AUD-${index + 1}`, email })).status).toBe(200);
    }
    const created = await request(service.app)
      .post('/api/v1/admin/incidents')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .send({ organization: 'Example Motors', title: 'Audit page test incident' });
    expect(created.status).toBe(201);
    [firstCheck] = (await service.runtime.audit.service.query({ ticketRef: 'AUD-1' })).events as [AuditEvent];
  });
  afterAll(async () => {
    await service.close();
  });

  const page = (query = '') => adminAgent.get(`/admin/audit?lang=en${query}`);

  describe('when support staff or nobody ask for it', () => {
    it('then support staff get 403 and nobody is sent to sign in', async () => {
      const supportAgent = await signedIn(service.app, support.username);

      const forbidden = await supportAgent.get('/admin/audit');
      const anonymous = await request(service.app).get('/admin/audit');

      expect(forbidden.status).toBe(403);
      expect(forbidden.text).not.toContain('AUD-1');
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.location).toBe('/staff/login');
    });
  });

  describe('when an admin opens it without filters', () => {
    let html: string;
    beforeAll(async () => {
      const response = await page();
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      html = response.text;
    });

    it('then the newest events come first, each actor and action in words', () => {
      expect(rowsOf(html)).toBe(50);
      const breakGlass = html.indexOf('Break-glass token');
      const secondCheck = html.indexOf('AUD-2');
      const firstCheckAt = html.indexOf('>AUD-1<');
      expect(breakGlass).toBeGreaterThan(0);
      expect(breakGlass).toBeLessThan(secondCheck);
      expect(secondCheck).toBeLessThan(firstCheckAt);
      expect(html).toContain('Created an incident');
      expect(html).toContain('Checked an address for a caller');
      expect(html).toContain(support.username);
    });

    it('then the page says its times and dates are Japan time, the default zone', () => {
      expect(html).toContain('Times are in Japan time (Asia/Tokyo); the UTC time is in each time&#39;s tooltip.');
      expect(html).toContain('Time (Japan time)');
      expect(html).toContain('From (date, Japan time)');
      expect(html).toContain('Dates are whole days in Japan time; both ends are included.');
    });

    it('then a check shows its ticket, its matched exposure ids and its time in Japan time with UTC beside it', () => {
      const row = new RegExp(`<tr id="event-${firstCheck.id}">[^]*?</tr>`).exec(html)?.[0] ?? '';
      expect(row).toContain('<code>porsche-japan-2018-catalog</code>');
      expect(row).toContain('>AUD-1</a>');
      expect(row).toContain(`datetime="${firstCheck.at}"`);
      expect(row).toContain(`title="UTC: ${firstCheck.at}"`);
      expect(row).toMatch(/>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} JST</);
      expect(row).toContain('Support');
    });

    it('then no checked address is anywhere in the page', () => {
      for (const address of CHECKED) {
        expect(html).not.toContain(address);
        expect(html).not.toContain(address.split('@')[0]);
      }
    });

    it('then an event about a staff account names it by username', async () => {
      const response = await page(`&action=staff.role`);
      expect(rowsOf(response.text)).toBe(1);
      expect(response.text).toContain(`Staff: <code>${support.username}</code>`);
      expect(response.text).toContain(`(${support.id})`);
      expect(response.text).toContain('role: support');
    });
  });

  describe('when filters are given', () => {
    it('then the username narrows to that staff member\'s events', async () => {
      const response = await page(`&actorUsername=${support.username.toUpperCase()}`);
      // Its two checks and its sign-ins (one more when the 403 test above has run).
      const own = (await service.runtime.audit.service.query({ actorUsername: support.username })).events;

      expect(own.map(({ action }) => action).sort()).toEqual(
        expect.arrayContaining(['staff.login', 'support.check', 'support.check']),
      );
      expect(rowsOf(response.text)).toBe(own.length);
      expect(response.text).toContain('AUD-1');
      expect(response.text).toContain('AUD-2');
      expect(response.text).not.toContain('Break-glass token');
      expect(response.text).not.toContain('bulk.editor');
      expect(response.text).toContain(`value="${support.username.toUpperCase()}"`);
    });

    it('then the action narrows to that action, and stays selected', async () => {
      const response = await page('&action=incident.create');

      expect(rowsOf(response.text)).toBe(1);
      expect(response.text).toContain('Break-glass token');
      expect(response.text).toContain('<option value="incident.create" selected>Created an incident</option>');
    });

    it('then the ticket reference narrows to that ticket\'s checks', async () => {
      const response = await page('&ticketRef=aud-2');

      expect(rowsOf(response.text)).toBe(1);
      expect(response.text).toContain('<code>porsche-japan-2018-promotion</code>');
      expect(response.text).not.toContain('porsche-japan-2018-catalog');
    });

    it('then dates (Japan-time days) include the day of the events and exclude the days around it', async () => {
      const day = jstDay(firstCheck.at);

      const sameDay = await page(`&ticketRef=AUD-1&from=${day}&to=${day}`);
      const fromNextDay = await page(`&ticketRef=AUD-1&from=${jstDay(firstCheck.at, 1)}`);
      const toDayBefore = await page(`&ticketRef=AUD-1&to=${jstDay(firstCheck.at, -1)}`);

      expect(rowsOf(sameDay.text)).toBe(1);
      expect(rowsOf(fromNextDay.text)).toBe(0);
      expect(fromNextDay.text).toContain('No events match these filters.');
      expect(rowsOf(toDayBefore.text)).toBe(0);
    });

    it('then an impossible date is a 400 page that says which filter is wrong, and keeps the others', async () => {
      const response = await page('&from=2026-02-31&action=support.check');

      expect(response.status).toBe(400);
      expect(response.text).toContain('Enter the &quot;from&quot; date as a date (YYYY-MM-DD).');
      expect(response.text).toContain('<option value="support.check" selected>');
      expect(rowsOf(response.text)).toBe(0);
    });

    it('then a "to" date before the "from" date is refused', async () => {
      const response = await page('&from=2026-05-02&to=2026-05-01');

      expect(response.status).toBe(400);
      expect(response.text).toContain('The &quot;to&quot; date is before the &quot;from&quot; date.');
    });
  });

  describe('when there are more events than one page holds', () => {
    it('then "Older events" leads to the rest, with the same filter, and the last page has no such link', async () => {
      const first = await page('&actorUsername=bulk.editor');
      const older = /<a href="([^"]+)" rel="next">Older events<\/a>/.exec(first.text)?.[1]?.replace(/&amp;/g, '&');

      expect(rowsOf(first.text)).toBe(50);
      expect(older).toMatch(/^\/admin\/audit\?actorUsername=bulk.editor&before=\d+-\d+$/);
      const second = await adminAgent.get(`${older}&lang=en`);
      expect(second.status).toBe(200);
      // 55 updates and the role change, all by bulk.editor.
      expect(rowsOf(second.text)).toBe(BULK_EVENTS + 1 - 50);
      expect(second.text).not.toContain('rel="next"');
      expect(second.text).toContain('Back to the newest events');
      const firstIds = new Set([...first.text.matchAll(/<tr id="event-([^"]+)"/g)].map((match) => match[1]));
      const secondIds = [...second.text.matchAll(/<tr id="event-([^"]+)"/g)].map((match) => match[1]);
      expect(secondIds.filter((id) => firstIds.has(id))).toEqual([]);
    });
  });

  describe('when the page is read in Japanese', () => {
    it('then actions and headings are in Japanese', async () => {
      const response = await adminAgent.get('/admin/audit?lang=ja&action=support.check');

      expect(response.text).toContain('<html lang="ja">');
      expect(response.text).toContain('監査ログ');
      expect(response.text).toContain('お客様のアドレスを照会');
    });
  });
});

describe('the audit log page in a configured time zone (TIME_ZONE)', () => {
  // São Paulo: UTC-3 all year (no daylight saving since 2019), so neither Japan time nor UTC.
  const ZONE = 'America/Sao_Paulo';
  let service: StaffTestService;
  let adminAgent: request.Agent;
  let event: AuditEvent;

  beforeAll(async () => {
    service = await startStaffService({ env: { TIME_ZONE: ZONE } });
    adminAgent = await signedIn(service.app, (await newStaff(service.runtime, 'admin')).username);
    event = await service.runtime.audit.service.record({
      actor: BULK,
      action: 'incident.update',
      target: { incidentId: 'inc-zoned' },
      ticketRef: 'ZONE-1',
    });
  });
  afterAll(async () => {
    await service.close();
  });

  it('then times are shown in that zone, and the page names it', async () => {
    const response = await adminAgent.get('/admin/audit?lang=en&ticketRef=ZONE-1');

    expect(response.status).toBe(200);
    const local = `${localDateTime(new Date(event.at), ZONE)} GMT-3`;
    expect(local).toBe(`${new Date(Date.parse(event.at) - 3 * 60 * 60 * 1000).toISOString().slice(0, 19).replace('T', ' ')} GMT-3`);
    expect(response.text).toContain(`title="UTC: ${event.at}">${local}</time>`);
    expect(response.text).toContain(`Times are in ${ZONE}; the UTC time is in each time&#39;s tooltip.`);
    expect(response.text).toContain(`Time (${ZONE})`);
    expect(response.text).toContain(`Dates are whole days in ${ZONE}; both ends are included.`);
  });

  it('then its date filters are days of that zone', async () => {
    const day = localDate(new Date(event.at), ZONE);
    const next = localDate(new Date(Date.parse(event.at) + DAY_MS), ZONE);
    const rows = async (query: string) => rowsOf((await adminAgent.get(`/admin/audit?lang=en&ticketRef=ZONE-1${query}`)).text);

    expect(await rows(`&from=${day}&to=${day}`)).toBe(1);
    expect(await rows(`&from=${next}`)).toBe(0);
  });

  it('then a day filter runs from that zone\'s midnight to the next', () => {
    const values = { ...auditFilterValuesOf({}), from: '2026-11-21', to: '2026-11-21' };

    const zoned = auditPageQuery(values, undefined, ZONE).query;
    const tokyo = auditPageQuery(values, undefined, 'Asia/Tokyo').query;

    expect([zoned?.from?.toISOString(), zoned?.to?.toISOString()]).toEqual(['2026-11-21T03:00:00.000Z', '2026-11-22T02:59:59.999Z']);
    expect([tokyo?.from?.toISOString(), tokyo?.to?.toISOString()]).toEqual(['2026-11-20T15:00:00.000Z', '2026-11-21T14:59:59.999Z']);
  });
});
