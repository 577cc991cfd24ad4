import request from 'supertest';
import { ADMIN_TOKEN, FAST_ARGON2, admin, createExposure, createIncident } from '../admin/admin-fixtures';
import { startTestService, type TestService } from '../support/test-app';
import { uniquePrefix } from '../support/test-redis';

/*
 * Texts an admin wrote in one language only, sources, dates and the operator's identity, as the
 * result page shows them. On Redis, with the catalogue written through the admin API.
 */
describe('result page texts', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({
      store: 'shared',
      prefix: uniquePrefix('result-page'),
      env: {
        ADMIN_API_TOKEN: ADMIN_TOKEN,
        ...FAST_ARGON2,
        OPERATOR_NAME_JA: '例モーターズ株式会社',
        OPERATOR_URL: 'https://www.example.co.jp/news/2026/0401.html',
      },
    });
    const incidentId = await createIncident(service.app, {
      organization: { en: 'Example Motors' },
      title: { en: 'Dealer system breach', ja: '販売店システムへの不正アクセス' },
      summary: { ja: '販売店の顧客管理システムが不正アクセスを受けました。' },
      attackWindow: { from: '2026-02-03' },
      announcedOn: '2026-04-01',
      sources: ['https://www.example.co.jp/news/2026/0401.html'],
      status: 'resolved',
    });
    const exposureId = await createExposure(service.app, incidentId, {
      title: { ja: '会員サイトの登録者' },
      description: { en: 'Members of the owners’ website.' },
      window: { to: '2025-12-31' },
      dataExposed: ['email_address', 'password', 'name', 'vehicles_owned'],
      affectedCount: 1,
    });
    expect((await admin(service.app).post(`/api/v1/admin/exposures/${exposureId}/publish`)).status).toBe(200);
  });
  afterAll(async () => {
    await service.close();
  });

  const resultIn = (lang: 'ja' | 'en') =>
    request(service.app).post('/check').type('form').send({ email: 'anyone@example.com', lang });

  it('when a text exists only in the other language, then the page shows it marked with its own language', async () => {
    const ja = await resultIn('ja');
    const en = await resultIn('en');

    expect(ja.text).toContain('<span class="card-org" lang="en">Example Motors</span>');
    expect(ja.text).toContain('<span>会員サイトの登録者</span>');
    expect(ja.text).toContain('<p lang="en">Members of the owners’ website.</p>');
    expect(ja.text).toContain('<p>販売店の顧客管理システムが不正アクセスを受けました。</p>');
    expect(en.text).toContain('<span class="card-org">Example Motors</span>');
    expect(en.text).toContain('<span lang="ja">会員サイトの登録者</span>');
    expect(en.text).toContain('<p>Members of the owners’ website.</p>');
    expect(en.text).toContain('<p lang="ja">販売店の顧客管理システムが不正アクセスを受けました。</p>');
  });

  it('when an exposure names no data as not exposed, then the page says none was confirmed rather than leaving it blank', async () => {
    const en = await resultIn('en');

    expect(en.text).toContain('The company has not confirmed any of your data as not exposed.');
  });

  it('when data classes were taken, then each gets its advice once, in the page language', async () => {
    const en = await resultIn('en');
    const ja = await resultIn('ja');

    expect(en.text).toContain('Change this password now');
    expect(ja.text).toContain('このパスワードをすぐに変更し');
    // name and vehicles_owned share one piece of advice: said once.
    expect(en.text.split('Scammers can use these details').length - 1).toBe(1);
  });

  it('when dates, windows, counts and status are shown, then they read naturally in each language', async () => {
    const en = await resultIn('en');
    const ja = await resultIn('ja');

    expect(en.text).toContain('<dd>until 31 December 2025</dd>');
    expect(en.text).toContain('<dd>from 3 February 2026</dd>');
    expect(en.text).toContain('<dd>1 April 2026</dd>');
    expect(en.text).toContain('<dd>1 person</dd>');
    expect(en.text).toContain('<dd>Investigation completed</dd>');
    expect(ja.text).toContain('<dd>2025年12月31日まで</dd>');
    expect(ja.text).toContain('<dd>2026年2月3日以降</dd>');
    expect(ja.text).toContain('<dd>2026年4月1日</dd>');
    expect(ja.text).toContain('<dd>1人</dd>');
    expect(ja.text).toContain('<dd>調査完了</dd>');
  });

  it('when the incident lists sources, then they are links showing where they lead', async () => {
    const en = await resultIn('en');

    expect(en.text).toContain(
      '<a href="https://www.example.co.jp/news/2026/0401.html" rel="noopener noreferrer">https://www.example.co.jp/news/2026/0401.html</a>',
    );
  });

  it('when an operator is configured, then every page names it and links to its announcement, naming the host', async () => {
    const ja = await request(service.app).get('/').set('Accept-Language', 'ja');
    const en = await request(service.app).get('/').set('Accept-Language', 'en');
    const notFound = await request(service.app).get('/missing').set('Accept-Language', 'en');

    expect(ja.text).toContain('このサービスは<strong>例モーターズ株式会社</strong>が運営しています。');
    expect(ja.text).toContain('<a href="https://www.example.co.jp/news/2026/0401.html">公式のお知らせ（www.example.co.jp）</a>');
    // No English name configured: the Japanese one, marked as Japanese.
    expect(en.text).toContain('This service is run by <strong lang="ja">例モーターズ株式会社</strong>.');
    expect(en.text).toContain('<a href="https://www.example.co.jp/news/2026/0401.html">Official announcement on www.example.co.jp</a>');
    expect(notFound.text).toContain('<strong lang="ja">例モーターズ株式会社</strong>');
    // Not demo mode: no demo wording anywhere.
    expect(en.text).not.toMatch(/demonstration|Demo:/);
  });
});
