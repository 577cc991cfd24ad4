import request from 'supertest';
import type { AuditEvent } from '../../src/audit/audit-event';
import type { StaffMember } from '../../src/actor/staff-member';
import { STAFF_CHECK_RULE } from '../../src/support/staff-check-service';
import { newStaff, signedIn, type StaffTestService } from '../staff/staff-fixtures';
import { inputValue, postCheck, startSeededStaffService } from './support-console-fixtures';

const CATALOG = 'porsche-japan-2018-catalog';
const PROMOTION = 'porsche-japan-2018-promotion';
/** In the catalog-request list only. */
const LISTED = 'taro.yamada@example.jp';
/** In the promotion list only. */
const PROMOTION_ONLY = 'hanako.suzuki@example.jp';
// Marker words no demo text contains: finding them proves the talking points are on the page.
const TALKING_POINTS = {
  en: 'Apologise first. Marker OKAPI-LINE: confirm the catalog request, offer the hotline 0120-000-000.',
  ja: 'まずお詫びします。マーカー オカピ：カタログ請求を確認し、専用窓口 0120-000-000 をご案内ください。',
};

describe('the support console: checking an address for a caller', () => {
  let service: StaffTestService;
  let support: StaffMember;
  let admin: StaffMember;
  let supportAgent: request.Agent;

  beforeAll(async () => {
    service = await startSeededStaffService();
    support = await newStaff(service.runtime, 'support');
    admin = await newStaff(service.runtime, 'admin');
    supportAgent = await signedIn(service.app, support.username);
    await service.runtime.catalog.admin.updateExposure(CATALOG, { talkingPoints: TALKING_POINTS });
  });
  afterAll(async () => {
    await service.close();
  });

  const checkEvents = async (ticketRef: string): Promise<AuditEvent[]> =>
    (await service.runtime.audit.service.query({ action: 'support.check', ticketRef })).events;

  describe('when nobody is signed in', () => {
    it('then the form leads to the sign-in page, a posted check is refused, and nothing is checked', async () => {
      const form = await request(service.app).get('/support');
      // A visitor without a session has no CSRF token either: the post stops there.
      const check = await request(service.app).post('/support/check').type('form').send({ ticketRef: 'ANON-1', email: LISTED });

      expect(form.status).toBe(303);
      expect(form.headers.location).toBe('/staff/login');
      expect(check.status).toBe(403);
      expect(check.text).not.toContain(LISTED);
      expect(await checkEvents('ANON-1')).toEqual([]);
    });
  });

  describe('when support staff open /support', () => {
    it('then they get the form: labelled ticket and address fields, autocomplete off, an email keyboard, the CSRF field, not cached', async () => {
      const response = await supportAgent.get('/support?lang=en');

      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      const html = response.text;
      expect(html).toContain('<label for="ticketRef">Ticket reference</label>');
      expect(html).toContain('<label for="email">Caller&#39;s email address</label>');
      expect(html).toMatch(/<form method="post" action="\/support\/check"[^>]*autocomplete="off"/);
      expect(html).toMatch(/<input id="email" name="email" type="email" inputmode="email" autocomplete="off"[^>]*required/);
      expect(html).toMatch(/<input id="ticketRef" name="ticketRef" type="text" value="" autocomplete="off"[^>]*required/);
      expect(html).toMatch(/<form method="post" action="\/support\/check"[^]*name="_csrf" value="[^"]+"/);
      expect(inputValue(html, 'email')).toBeUndefined();
    });

    it('then the Japanese page labels the same fields in Japanese', async () => {
      const response = await supportAgent.get('/support?lang=ja');

      expect(response.text).toContain('<label for="ticketRef">チケット番号</label>');
      expect(response.text).toContain('<label for="email">お客様のメールアドレス</label>');
      expect(response.text).toContain('<html lang="ja">');
    });
  });

  describe('when an admin opens /support', () => {
    it('then they get the same form', async () => {
      const agent = await signedIn(service.app, admin.username);

      const response = await agent.get('/support?lang=en');

      expect(response.status).toBe(200);
      expect(response.text).toContain('Check an address for a caller');
    });
  });

  describe('when the form is posted without the session\'s CSRF token', () => {
    it('then it is refused with 403 and nothing is checked or audited', async () => {
      const response = await supportAgent.post('/support/check').type('form').send({ ticketRef: 'CSRF-1', email: LISTED, lang: 'en' });

      expect(response.status).toBe(403);
      expect(response.text).toContain('The form has expired');
      expect(response.text).not.toContain(LISTED);
      expect(await checkEvents('CSRF-1')).toEqual([]);
    });
  });

  describe('when support staff check a listed address with a ticket reference', () => {
    let response: request.Response;
    let events: AuditEvent[];

    beforeAll(async () => {
      response = await postCheck(supportAgent, { ticketRef: 'ZD-48213', email: LISTED });
      events = await checkEvents('ZD-48213');
    });

    it('then the page says the address is in its exposure, with the incident and what was and was not exposed', () => {
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      const html = response.text;
      expect(html).toContain('The address you entered is in 1 exposure');
      expect(html).toContain('Catalog requests on the website, 2000-2009');
      expect(html).toContain('Porsche Japan');
      expect(html).toContain('Unauthorized access to the Porsche Japan website server');
      // ICU puts thin spaces around the dash of a range.
      expect(html).toMatch(/22 January\s–\s12 February 2018/);
      expect(html).toMatch(/<h4>Exposed<\/h4>\s*<ul><li>Email address<\/li><\/ul>/);
      expect(html).toMatch(/<h4>Confirmed NOT exposed<\/h4>\s*<ul><li>Name<\/li><li>Home address<\/li>/);
      expect(html).toContain('Be wary of emails that claim to come from Porsche Japan');
    });

    it('then the exposure\'s talking points are there, in the staff member\'s language', () => {
      expect(response.text).toContain('<h4>Talking points</h4>');
      expect(response.text).toContain(TALKING_POINTS.en);
      expect(response.text).not.toContain(TALKING_POINTS.ja);
    });

    it('then the page lists the lists checked and the ticket reference with the audit event\'s id', () => {
      const [event] = events;
      expect(response.text).toContain('Lists checked');
      expect(response.text).toContain('Promotion campaign sign-ups, July 2015');
      expect(response.text).toContain('<strong class="ticket-ref">ZD-48213</strong>');
      expect(response.text).toContain(`Recorded in the audit log as #${event?.id}.`);
    });

    it('then the address is shown only masked, so that a typo can be noticed, and the page offers to check another', () => {
      expect(response.text).not.toContain(LISTED);
      expect(response.text).not.toContain('taro.yamada');
      expect(response.text).not.toContain('taro');
      expect(response.text).toContain('<p class="address-checked">Address checked: <bdi dir="ltr"><strong>t•••@example.jp</strong></bdi></p>');
      expect(response.text).toContain('for example because of a typo, check again with the right address.');
      expect(response.text).toContain('The address you entered is in 1 exposure');
      expect(response.text).toContain('<a class="button button-secondary" href="/support">Check another address</a>');
      expect(response.text).toContain('href="/support?ticketRef=ZD-48213"');
    });

    it('then one audit event records who, the ticket and the matched exposure, and nothing of the address', () => {
      expect(events).toEqual([
        {
          id: expect.any(String),
          at: expect.any(String),
          actor: { kind: 'staff', staffId: support.id, username: support.username, role: 'support' },
          action: 'support.check',
          ticketRef: 'ZD-48213',
          matchedExposureIds: [CATALOG],
        },
      ]);
      const stored = JSON.stringify(events);
      expect(stored).not.toContain('@');
      expect(stored).not.toContain('taro');
      expect(stored).not.toContain('yamada');
    });
  });

  describe('when the check page is asked for with GET (a reload or a bookmark)', () => {
    it('then it leads back to the empty form', async () => {
      const response = await supportAgent.get('/support/check');

      expect(response.status).toBe(303);
      expect(response.headers.location).toBe('/support');
    });
  });

  describe('when the talking points exist only in Japanese and the staff member reads English', () => {
    it('then the Japanese text is shown, marked as Japanese', async () => {
      await service.runtime.catalog.admin.updateExposure(PROMOTION, { talkingPoints: { ja: TALKING_POINTS.ja, en: null } });

      const response = await postCheck(supportAgent, { ticketRef: 'ZD-LANG-1', email: PROMOTION_ONLY, lang: 'en' });

      expect(response.status).toBe(200);
      expect(response.text).toContain(`<p class="multiline" lang="ja">${TALKING_POINTS.ja}</p>`);
    });
  });

  describe('when the result is asked for in Japanese', () => {
    it('then the whole page is in Japanese, the talking points included', async () => {
      const response = await postCheck(supportAgent, { ticketRef: 'ZD-JA-1', email: LISTED, lang: 'ja' });

      expect(response.text).toContain('<html lang="ja">');
      expect(response.text).toContain('入力されたメールアドレスは、1件の対象グループに含まれています');
      expect(response.text).toContain('流出していないことが確認された情報');
      expect(response.text).toContain(TALKING_POINTS.ja);
      expect(response.text).toContain('2018年1月22日～2018年2月12日');
      expect(response.text).toContain('確認したメールアドレス：<bdi dir="ltr"><strong>t•••@example.jp</strong></bdi>');
      expect(response.text).not.toContain('taro');
    });

    it('then an address typed in full width is shown masked as the check normalized it, and the event holds nothing of it', async () => {
      const response = await postCheck(supportAgent, { ticketRef: 'ZD-JA-2', email: 'ＴＡＲＯ．ＹＡＭＡＤＡ＠ＥＸＡＭＰＬＥ．ＪＰ', lang: 'ja' });

      expect(response.text).toContain('入力されたメールアドレスは、1件の対象グループに含まれています');
      expect(response.text).toContain('確認したメールアドレス：<bdi dir="ltr"><strong>t•••@example.jp</strong></bdi>');
      expect(response.text).not.toContain('ＴＡＲＯ');
      const stored = JSON.stringify(await checkEvents('ZD-JA-2'));
      expect(stored).not.toContain('•');
      expect(stored).not.toContain('example');
    });
  });

  describe('when the address is in a sensitive exposure', () => {
    it('then staff see it, marked sensitive in words, though the public check does not', async () => {
      await service.runtime.catalog.admin.updateExposure(PROMOTION, { sensitive: true });
      try {
        const response = await postCheck(supportAgent, { ticketRef: 'ZD-SENS-1', email: PROMOTION_ONLY });
        const publicAnswer = await request(service.app).post('/api/v1/check').send({ email: PROMOTION_ONLY });

        expect(response.text).toContain('The address you entered is in 1 exposure');
        expect(response.text).toContain('Promotion campaign sign-ups, July 2015');
        expect(response.text).toContain('<span class="badge badge-sensitive">Sensitive</span>');
        expect(response.text).toContain('customers never see it on the public page');
        expect((await checkEvents('ZD-SENS-1'))[0]?.matchedExposureIds).toEqual([PROMOTION]);
        expect(publicAnswer.body.affected).toBe(false);
      } finally {
        await service.runtime.catalog.admin.updateExposure(PROMOTION, { sensitive: false });
      }
    });
  });

  describe('when the address is in no list', () => {
    it('then the page says "not in the lists held here", not "safe", and the event records no matches', async () => {
      const response = await postCheck(supportAgent, { ticketRef: 'ZD-MISS-1', email: 'nobody.here@example.com' });

      expect(response.status).toBe(200);
      expect(response.text).toContain('The address you entered is not in the lists held here');
      expect(response.text).toContain('This does not mean the caller is safe');
      expect(response.text).not.toContain('nobody.here');
      expect(response.text).toContain('Address checked: <bdi dir="ltr"><strong>n•••@example.com</strong></bdi>');
      expect((await checkEvents('ZD-MISS-1'))[0]?.matchedExposureIds).toEqual([]);
    });
  });

  describe('when the ticket reference is missing', () => {
    it('then the form comes back with 400 and the message, the address not echoed, and nothing audited', async () => {
      const before = (await service.runtime.audit.service.query({ action: 'support.check', limit: 500 })).events.length;

      const response = await postCheck(supportAgent, { ticketRef: '  ', email: LISTED });

      expect(response.status).toBe(400);
      expect(response.text).toContain('Enter the ticket reference of this call or message');
      expect(response.text).toMatch(/<input id="ticketRef"[^>]*aria-invalid="true"/);
      expect(response.text).not.toContain(LISTED);
      expect(response.text).not.toContain('taro.yamada');
      expect(inputValue(response.text, 'email')).toBeUndefined();
      expect((await service.runtime.audit.service.query({ action: 'support.check', limit: 500 })).events).toHaveLength(before);
    });
  });

  describe('when an address is typed into the ticket reference field', () => {
    it('then it is refused and not put back in the field', async () => {
      const response = await postCheck(supportAgent, { ticketRef: LISTED, email: LISTED });

      expect(response.status).toBe(400);
      expect(response.text).toContain('A ticket reference must not contain &quot;@&quot;');
      expect(response.text).not.toContain(LISTED);
      expect(inputValue(response.text, 'ticketRef')).toBe('');
    });
  });

  describe.each([
    ['URL-encoded', 'taro.yamada%40example.jp'],
    ['URL-encoded twice', 'taro.yamada%2540example.jp'],
    ['URL-encoded in full-width characters', 'taro.yamada％４０example.jp'],
  ])('when an address %s is typed into the ticket reference field', (_how, typed) => {
    it('then it is refused with 400, in the console\'s language, not put back in the field, and nothing is audited', async () => {
      const before = (await service.runtime.audit.service.query({ limit: 500 })).events.length;

      const english = await postCheck(supportAgent, { ticketRef: typed, email: LISTED });
      const japanese = await postCheck(supportAgent, { ticketRef: typed, email: LISTED, lang: 'ja' });

      expect(english.status).toBe(400);
      expect(english.text).toContain('A ticket reference must not contain &quot;%&quot;');
      expect(japanese.status).toBe(400);
      expect(japanese.text).toContain('チケット番号に「%」は使えません');
      for (const response of [english, japanese]) {
        expect(inputValue(response.text, 'ticketRef')).toBe('');
        expect(response.text).not.toContain('taro.yamada');
      }
      expect(JSON.stringify((await service.runtime.audit.service.query({ limit: 500 })).events.slice(0, 5))).not.toMatch(/%|％|taro/);
      expect((await service.runtime.audit.service.query({ limit: 500 })).events).toHaveLength(before);
    });
  });

  describe('when the address is not a valid address', () => {
    it('then the form comes back with 400 and the message, the ticket reference kept and the address not', async () => {
      const typed = 'taro.yamada-at-example.jp';

      const response = await postCheck(supportAgent, { ticketRef: 'ZD-KEEP-1', email: typed });

      expect(response.status).toBe(400);
      expect(response.text).toContain('This is not a complete email address');
      expect(response.text).toMatch(/<input id="email"[^>]*aria-invalid="true"/);
      expect(inputValue(response.text, 'ticketRef')).toBe('ZD-KEEP-1');
      expect(inputValue(response.text, 'email')).toBeUndefined();
      expect(response.text).not.toContain(typed);
      expect(await checkEvents('ZD-KEEP-1')).toEqual([]);
    });

    it('then the Japanese form says it in Japanese', async () => {
      const response = await postCheck(supportAgent, { ticketRef: 'ZD-KEEP-2', email: 'not-an-address', lang: 'ja' });

      expect(response.status).toBe(400);
      expect(response.text).toContain('メールアドレスの形式になっていません');
    });
  });

  describe('when one staff member makes more checks in a minute than allowed', () => {
    it('then the form says calmly how long to wait (429), keeps the ticket reference, and checks nothing', async () => {
      const busy = await newStaff(service.runtime, 'support');
      const agent = await signedIn(service.app, busy.username);
      // Refused addresses spend the budget too, and cost no hashing.
      for (let index = 0; index < STAFF_CHECK_RULE.points; index += 1) {
        expect((await postCheck(agent, { ticketRef: `RL-${index}`, email: 'invalid' })).status).toBe(400);
      }

      const response = await postCheck(agent, { ticketRef: 'RL-LAST', email: LISTED });

      expect(response.status).toBe(429);
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      expect(response.text).toMatch(/You have made 60 checks in the last minute[^<]*Please wait \d+ seconds/);
      expect(inputValue(response.text, 'ticketRef')).toBe('RL-LAST');
      expect(response.text).not.toContain(LISTED);
      expect(await checkEvents('RL-LAST')).toEqual([]);
    });
  });
});
