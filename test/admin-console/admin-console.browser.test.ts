/// <reference lib="dom" />
// Page callbacks run in the browser: they need the DOM types that the Node code does not have.
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { argon2idOf } from '../../src/hashing/list-entry';
import { normalizeEmail } from '../../src/hashing/normalize-email';
import type { StaffMember } from '../../src/actor/staff-member';
import { accessibilityViolations, launchChromium, screenshot, scrollsSideways, serve, type ServedApp } from '../support/browser';
import { PASSWORD, newStaff, startStaffService, type StaffTestService } from '../staff/staff-fixtures';

/*
 * The admin console in Debian's Chromium on a 320 px wide screen: an admin signs in, describes an
 * incident and an exposure with the forms, uploads a list file with the page's script (progress,
 * then the server's summary), publishes, and manages staff and tokens. Every page is scanned with
 * axe-core (WCAG 2.2 AA), must not scroll sideways, and is photographed under test/artifacts/.
 */

const NARROW = { width: 320, height: 640 };
const LISTED = 'hanako.suzuki@example.jp';

describe('the admin console in a real browser', () => {
  let service: StaffTestService;
  let served: ServedApp;
  let browser: Browser;
  let admin: StaffMember;

  beforeAll(async () => {
    service = await startStaffService();
    served = await serve(service);
    browser = await launchChromium();
    admin = await newStaff(service.runtime, 'admin');
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await service?.close();
  });

  async function signedInPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: NARROW, locale: 'en-GB', ...options });
    const page = await context.newPage();
    await page.goto(`${served.baseUrl}/staff/login?lang=en`);
    await page.fill('#username', admin.username);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(`${served.baseUrl}/admin`), page.press('#password', 'Enter')]);
    return page;
  }

  /** Fit for people: no WCAG 2.2 AA violation, nothing wider than a 320 px screen. */
  async function expectReadable(page: Page, name: string): Promise<void> {
    await screenshot(page, `admin-console-${name}`);
    expect({ name, violations: await accessibilityViolations(page) }).toEqual({ name, violations: [] });
    expect({ name, scrollsSideways: await scrollsSideways(page) }).toEqual({ name, scrollsSideways: false });
  }

  it('when an admin describes an incident, uploads a list from the page and publishes, then the address is found', async () => {
    const page = await signedInPage();
    await expectReadable(page, 'dashboard');

    await page.click('text=Incidents and exposures');
    await expectReadable(page, 'incidents-empty');
    await page.fill('#new-organization_ja', '例モーターズ株式会社');
    await page.fill('#new-organization_en', 'Example Motors');
    await page.fill('#new-title_en', 'Unauthorized access to the website');
    await page.fill('#new-announcedOn', '2026-11-02');
    await page.click('button:has-text("Create incident")');
    await page.waitForURL(/\/admin\/incidents\/[^/?]+\?done=incidentCreated/);
    await expectReadable(page, 'incident');

    await page.fill('#new-exposure-title_en', 'Newsletter sign-ups, 2015');
    await page.check('#new-exposure-dataExposed-email_address');
    await page.check('#new-exposure-dataNotExposed-payment_card');
    await page.click('button:has-text("Add exposure")');
    await page.waitForURL(/\/admin\/exposures\/[^/?]+\?done=exposureCreated/);
    const exposureId = /\/admin\/exposures\/([^/?]+)/.exec(page.url())?.[1] ?? '';
    await expectReadable(page, 'exposure-new');

    // The script has taken over: the form shows, the no-script note hides.
    expect(await page.isVisible('#list-upload')).toBe(true);
    expect(await page.isVisible('[data-needs-script]')).toBe(false);
    const row = (await argon2idOf(normalizeEmail(LISTED), service.runtime.hashing.profile)).toString('hex');
    await page.setInputFiles('#list-file', {
      name: 'list.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(`# profile: ${service.runtime.hashing.profile.id}\n${row}\n${'ab'.repeat(32)}\n`),
    });
    await page.click('button:has-text("Upload the list")');
    await page.waitForSelector('#upload-status.notice-ok');

    expect(await page.textContent('#upload-status')).toContain('Loaded: version 1 is live with 2 rows (0 duplicates ignored).');
    expect(await page.evaluate(() => (document.getElementById('list-progress') as HTMLProgressElement).value)).toBeGreaterThan(0);
    await expectReadable(page, 'exposure-uploaded');

    await page.click('#upload-status a');
    expect(await page.textContent('.detail-list')).toContain('2');
    await page.click('button:has-text("Publish")');
    await page.waitForURL(/done=published/);
    await expectReadable(page, 'exposure-published');

    const check = await request(service.app).post('/api/v1/check').send({ email: LISTED });
    expect((check.body.exposures as { id: string }[]).map((exposure) => exposure.id)).toContain(exposureId);
    await page.context().close();
  });

  it('when the uploaded file has a bad line, then the page says so with the line number and nothing changes', async () => {
    const page = await signedInPage();
    const actions = service.runtime.catalog.audited.as({ kind: 'break-glass' });
    const incident = await actions.createIncident({ organization: 'Example Motors', title: 'Bad list' });
    const exposure = await actions.createExposure(incident.id, { title: 'Sign-ups', dataExposed: ['email_address'] });
    await page.goto(`${served.baseUrl}/admin/exposures/${exposure.id}`);

    await page.setInputFiles('#list-file', { name: 'list.txt', mimeType: 'text/plain', buffer: Buffer.from(`${'ab'.repeat(32)}\nhello\n`) });
    await page.click('button:has-text("Upload the list")');
    await page.waitForSelector('#upload-status.notice-error');

    const status = await page.textContent('#upload-status');
    expect(status).toContain('The file has invalid lines');
    expect(status).toContain('line 2');
    expect((await service.runtime.catalog.admin.getExposure(exposure.id)).list).toBeNull();
    await expectReadable(page, 'exposure-upload-refused');
    await page.context().close();
  });

  it('when JavaScript is off, then the exposure page hides the upload form and says to use load-list', async () => {
    const page = await signedInPage({ javaScriptEnabled: false });
    const actions = service.runtime.catalog.audited.as({ kind: 'break-glass' });
    const incident = await actions.createIncident({ organization: 'Example Motors', title: 'No script' });
    const exposure = await actions.createExposure(incident.id, { title: 'Sign-ups', dataExposed: ['email_address'] });

    await page.goto(`${served.baseUrl}/admin/exposures/${exposure.id}`);

    expect(await page.isVisible('#list-upload')).toBe(false);
    expect(await page.textContent('[data-needs-script]')).toContain('npm run load-list');
    await page.context().close();
  });

  it('when an admin reads the staff, token and confirmation pages in either language, then each is readable at 320 px', async () => {
    const page = await signedInPage();
    for (const lang of ['en', 'ja']) {
      await page.goto(`${served.baseUrl}/admin/staff?lang=${lang}`);
      await expectReadable(page, `staff-${lang}`);
      await page.goto(`${served.baseUrl}/admin/staff/${admin.id}`);
      await expectReadable(page, `staff-member-self-${lang}`);
      await page.goto(`${served.baseUrl}/admin/tokens`);
      await page.fill('#token-label', `laptop ${lang}`);
      await page.click('#new-token ~ form button[type="submit"]');
      await expectReadable(page, `token-created-${lang}`);
      expect(await page.inputValue('#token-secret')).toMatch(/^xct_/);
      await page.goto(`${served.baseUrl}/admin/tokens`);
      await expectReadable(page, `tokens-${lang}`);
      await page.click('.row-action');
      await expectReadable(page, `token-revoke-confirm-${lang}`);
    }
    // A refused form: the problem at the top, the field marked.
    await page.goto(`${served.baseUrl}/admin/incidents?lang=en`);
    await page.click('button:has-text("Create incident")');
    expect(await page.textContent('[role="alert"]')).toContain('Nothing was saved.');
    await expectReadable(page, 'incidents-refused');
    await page.context().close();
  });
});
