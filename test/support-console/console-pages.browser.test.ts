/// <reference lib="dom" />
// Page callbacks run in the browser: they need the DOM types that the Node code does not have.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { StaffMember } from '../../src/actor/staff-member';
import {
  accessibilityViolations,
  foreignOrigins,
  launchChromium,
  recordingContext,
  screenshot,
  scrollsSideways,
  serve,
  type ServedApp,
} from '../support/browser';
import { PASSWORD, newStaff, type StaffTestService } from '../staff/staff-fixtures';
import { startSeededStaffService } from './support-console-fixtures';

/*
 * The support console's check, the audit log and the statistics in Debian's Chromium, as staff meet
 * them: signed in through the real form, in Japanese and English, down to a 320 px wide window.
 * Each page is scanned with axe-core (WCAG 2.2 AA), must break no CSP rule and contact no other
 * origin, and is photographed under test/artifacts/.
 */

const LISTED = 'taro.yamada@example.jp';
const DESKTOP = { width: 1280, height: 900 };
const NARROW = { width: 320, height: 640 };

describe('the support console, audit log and statistics in a real browser', () => {
  let service: StaffTestService;
  let served: ServedApp;
  let browser: Browser;
  let support: StaffMember;
  let admin: StaffMember;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    service = await startSeededStaffService();
    await service.runtime.catalog.admin.updateExposure('porsche-japan-2018-catalog', {
      talkingPoints: { en: 'Apologise, then confirm when they requested the catalog.\nOffer the hotline.', ja: 'お詫びのうえ、カタログ請求の時期を確認します。\n専用窓口をご案内ください。' },
    });
    support = await newStaff(service.runtime, 'support');
    admin = await newStaff(service.runtime, 'admin');
    served = await serve(service);
    browser = await launchChromium();
  }, 60_000);
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await service?.close();
  });

  /** A signed-in page in a context of its own, noting CSP violations and every request made. */
  async function signedInPage(member: StaffMember, language: 'ja' | 'en', viewport = DESKTOP) {
    const { context, page, requested } = await recordingContext(browser, {
      viewport,
      locale: language === 'ja' ? 'ja-JP' : 'en-GB',
    });
    contexts.push(context);
    const cspErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
    });
    await page.goto(`${served.baseUrl}/staff/login?lang=${language}`);
    await page.fill('#username', member.username);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(/\/(support|admin)/), page.click('form.stacked-form button[type="submit"]')]);
    return { page, requested, cspErrors };
  }

  async function expectClean(page: Page, requested: string[], cspErrors: string[]): Promise<void> {
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(cspErrors).toEqual([]);
    expect(foreignOrigins(requested, served.baseUrl)).toEqual([]);
  }

  it.each(['en', 'ja'] as const)('when support staff check a listed address (%s), then the result shows the exposure, its talking points and the audit id, and no address', async (language) => {
    const { page, requested, cspErrors } = await signedInPage(support, language);
    await page.goto(`${served.baseUrl}/support`);
    await expectClean(page, requested, cspErrors);
    await screenshot(page, `support-form-${language}`);

    await page.fill('#ticketRef', `ZD-BROWSER-${language}`);
    await page.fill('#email', LISTED);
    await Promise.all([page.waitForURL(/\/support\/check$/), page.click('form.support-form button[type="submit"]')]);

    const text = await page.locator('main').innerText();
    expect(text).toContain(language === 'en' ? 'The address you entered is in 1 exposure' : '1件の対象グループに含まれています');
    expect(text).toContain(language === 'en' ? 'Offer the hotline.' : '専用窓口をご案内ください。');
    const [event] = (await service.runtime.audit.service.query({ ticketRef: `ZD-BROWSER-${language}` })).events;
    expect(text).toContain(`#${event?.id}`);
    expect(await page.content()).not.toContain(LISTED);
    expect(page.url()).not.toContain('taro');
    await expectClean(page, requested, cspErrors);
    await screenshot(page, `support-result-${language}`);
  });

  it('when the address is typed wrong on a 320 px window, then the error is shown, the field is empty and focused, and nothing scrolls sideways', async () => {
    const { page, requested, cspErrors } = await signedInPage(support, 'ja', NARROW);
    await page.goto(`${served.baseUrl}/support`);
    await page.fill('#ticketRef', 'ZD-NARROW-1');
    await page.fill('#email', 'taro.yamada.example.jp');
    await Promise.all([page.waitForURL(/\/support\/check$/), page.click('form.support-form button[type="submit"]')]);

    expect(await page.locator('.error-summary').innerText()).toContain('メールアドレスの形式になっていません');
    expect(await page.inputValue('#email')).toBe('');
    expect(await page.inputValue('#ticketRef')).toBe('ZD-NARROW-1');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
    expect(await scrollsSideways(page)).toBe(false);
    await expectClean(page, requested, cspErrors);
    await screenshot(page, 'support-form-error-narrow-ja');
  });

  it.each([
    ['audit', '/admin/audit', DESKTOP],
    ['audit-narrow', '/admin/audit', NARROW],
    ['stats', '/admin/stats', DESKTOP],
    ['stats-narrow', '/admin/stats?days=7', NARROW],
  ] as const)('when an admin opens the %s page, then it passes axe, breaks no CSP rule and does not scroll sideways', async (name, path, viewport) => {
    for (const email of [LISTED, 'nobody@example.com']) {
      await fetch(`${served.baseUrl}/api/v1/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
    }
    const actor = { kind: 'staff', staffId: support.id, username: support.username, role: 'support' } as const;
    await service.runtime.support.service.checkForCaller({ actor, ticketRef: `ZD-${name}`, email: LISTED });
    await service.runtime.audit.service.record({ actor: { kind: 'break-glass' }, action: 'list.upload', target: { exposureId: 'porsche-japan-2018-catalog' }, details: { version: 3, records: 41, duplicates: 0 } });
    const { page, requested, cspErrors } = await signedInPage(admin, 'en', viewport);

    await page.goto(`${served.baseUrl}${path}`);

    expect(await page.locator('h1').innerText()).toBe(name.startsWith('audit') ? 'Audit log' : 'Statistics');
    expect(await scrollsSideways(page)).toBe(false);
    await expectClean(page, requested, cspErrors);
    await screenshot(page, `admin-${name}`);
  });
});
