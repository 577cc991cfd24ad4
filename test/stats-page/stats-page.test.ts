import request from 'supertest';
import type { StaffMember } from '../../src/actor/staff-member';
import { newStaff, signedIn, type StaffTestService } from '../staff/staff-fixtures';
import { startSeededStaffService } from '../support-console/support-console-fixtures';

const CATALOG = 'porsche-japan-2018-catalog';
const PROMOTION = 'porsche-japan-2018-promotion';
/** The staff fixtures' clock (09:00 UTC, 18:00 in Japan): the counters' "today" (a day of TIME_ZONE, Japan's by default). */
const TODAY = '2026-11-21';

const dayRowsOf = (html: string): string[] => [...html.matchAll(/<th scope="row"><time datetime="(\d{4}-\d{2}-\d{2})">/g)].map((match) => match[1] ?? '');

describe('the admin console\'s statistics page', () => {
  let service: StaffTestService;
  let admin: StaffMember;
  let adminAgent: request.Agent;

  beforeAll(async () => {
    service = await startSeededStaffService();
    admin = await newStaff(service.runtime, 'admin');
    adminAgent = await signedIn(service.app, admin.username);
    // Four public checks: two in the catalog list, one in the promotion list, one in neither.
    for (const email of ['taro.yamada@example.jp', 'yuki.tanaka@example.com', 'hanako.suzuki@example.jp', 'nobody@example.com']) {
      expect((await request(service.app).post('/api/v1/check').send({ email })).status).toBe(200);
    }
    // A support check is audited, not counted.
    const supportAgent = await signedIn(service.app, (await newStaff(service.runtime, 'support')).username);
    const page = await supportAgent.get('/support');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
    expect((await supportAgent.post('/support/check').type('form').send({ _csrf: csrf, ticketRef: 'ST-1', email: 'taro.yamada@example.jp' })).status).toBe(200);
  });
  afterAll(async () => {
    await service.close();
  });

  it('when support staff or nobody ask for it, then it is 403 for support and the sign-in page for nobody', async () => {
    const supportAgent = await signedIn(service.app, (await newStaff(service.runtime, 'support')).username);

    expect((await supportAgent.get('/admin/stats')).status).toBe(403);
    const anonymous = await request(service.app).get('/admin/stats');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toBe('/staff/login');
  });

  describe('when an admin opens it after a few public checks', () => {
    let html: string;
    beforeAll(async () => {
      const response = await adminAgent.get('/admin/stats?lang=en');
      expect(response.status).toBe(200);
      html = response.text;
    });

    it('then the last 30 days are listed newest first, today with the public checks only', () => {
      const days = dayRowsOf(html);
      expect(days).toHaveLength(30);
      expect(days[0]).toBe(TODAY);
      expect(days[29]).toBe('2026-10-23');
      expect(html).toMatch(new RegExp(`datetime="${TODAY}">${TODAY}</time> \\(today\\)</th><td class="count">4</td>`));
      expect(html).toContain('<strong>4 public checks in the last 30 days.</strong>');
      expect(html).toContain('<a href="/admin/stats?days=30" aria-current="page">Last 30 days</a>');
    });

    it('then each day has a bar drawn to scale, hidden from screen readers, without inline styles', () => {
      expect(html).toMatch(/<td class="count">4<\/td><td class="bar-cell"><svg class="bar" aria-hidden="true" focusable="false"><rect class="bar-track" width="100%" height="100%"><\/rect><rect width="100.0%"/);
      expect(html).toMatch(/<td class="count">0<\/td><td class="bar-cell"><svg class="bar" aria-hidden="true" focusable="false"><rect class="bar-track" width="100%" height="100%"><\/rect><rect width="0.0%"/);
      expect(html).not.toContain('style=');
    });

    it('then matches per exposure name the exposures by their titles, most first', () => {
      const catalog = html.indexOf('Catalog requests on the website, 2000-2009');
      const promotion = html.indexOf('Promotion campaign sign-ups, July 2015');
      expect(catalog).toBeGreaterThan(0);
      expect(promotion).toBeGreaterThan(catalog);
      expect(html).toMatch(new RegExp(`<code>${CATALOG}</code></span>\\s*</th>\\s*<td class="count">2</td>`));
      expect(html).toMatch(new RegExp(`<code>${PROMOTION}</code></span>\\s*</th>\\s*<td class="count">1</td>`));
    });

    it('then no checked address is on the page', () => {
      expect(html).not.toContain('taro.yamada');
      expect(html).not.toContain('@');
    });
  });

  it.each([
    ['7', 7],
    ['90', 90],
    ['12', 30],
    ['abc', 30],
  ])('when days=%s is asked for, then %i days are shown', async (days, shown) => {
    const response = await adminAgent.get(`/admin/stats?lang=en&days=${days}`);

    expect(response.status).toBe(200);
    expect(dayRowsOf(response.text)).toHaveLength(shown);
    expect(response.text).toContain(`<a href="/admin/stats?days=${shown}" aria-current="page">`);
  });

  it('when it is opened, then it names the time zone whose days it counts, Japan time by default', async () => {
    const english = (await adminAgent.get('/admin/stats?lang=en')).text;
    const japanese = (await adminAgent.get('/admin/stats?lang=ja')).text;

    expect(english).toContain('Days are calendar days in Japan time (Asia/Tokyo), from midnight to midnight.');
    expect(english).toContain('<th scope="col">Date (Japan time)</th>');
    expect(japanese).toContain('日付は日本時間（Asia/Tokyo）の0時から翌0時までの1日です。');
    expect(japanese).toContain('<th scope="col">日付（日本時間）</th>');
  });

  it('when it is read in Japanese, then its headings are Japanese', async () => {
    const response = await adminAgent.get('/admin/stats?lang=ja');

    expect(response.text).toContain('1日あたりの公開確認件数');
    expect(response.text).toContain('ウェブサイトでのカタログ請求（2000〜2009年）');
    expect(response.text).toContain('直近30日間の公開確認は4件です。');
  });
});

describe('the statistics page at midnight in Japan (15:00 UTC)', () => {
  // 15:30 UTC on 21 November is 00:30 on 22 November in Japan.
  const LATE = 6.5 * 60 * 60 * 1000;

  it.each([
    [{}, '2026-11-22', 'Japan time (Asia/Tokyo)', 'Japan time'],
    [{ TIME_ZONE: 'UTC' }, '2026-11-21', 'UTC', 'UTC'],
  ])('when TIME_ZONE is %j, then a check then counts on %s, and the page says whose days they are', async (env, today, label, name) => {
    const service = await startSeededStaffService(env);
    try {
      service.clock.advance(LATE);
      expect((await request(service.app).post('/api/v1/check').send({ email: 'taro.yamada@example.jp' })).status).toBe(200);
      const agent = await signedIn(service.app, (await newStaff(service.runtime, 'admin')).username);

      const html = (await agent.get('/admin/stats?lang=en&days=7')).text;

      expect(dayRowsOf(html)[0]).toBe(today);
      expect(html).toMatch(new RegExp(`datetime="${today}">${today}</time> \\(today\\)</th><td class="count">1</td>`));
      expect(html).toContain(`Days are calendar days in ${label}, from midnight to midnight.`);
      expect(html).toContain(`<th scope="col">Date (${name})</th>`);
    } finally {
      await service.close();
    }
  });
});
