import type { Browser, Page } from 'playwright-core';
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
import { startStaffService, type StaffTestService } from './staff-fixtures';

/*
 * The console frame in a real browser (demo mode): signing in and out with the form, at a phone's
 * 320 px and at a desk's 1280 px, under the strict CSP (no inline code: Chromium reports any
 * violation on the console), accessible by axe-core's WCAG 2.2 AA rules, with no request leaving the origin.
 */
describe('the staff console in a browser', () => {
  let service: StaffTestService;
  let served: ServedApp;
  let browser: Browser;

  beforeAll(async () => {
    service = await startStaffService({ store: 'memory' });
    served = await serve(service);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await service?.close();
  });

  it.each([
    ['phone', 320, 'ja'],
    ['desk', 1280, 'en'],
  ])('when an admin signs in and out on a %s, then every page fits, passes axe, and keeps to the origin', async (name, width, locale) => {
    const { context, page, requested } = await recordingContext(browser, { viewport: { width, height: 800 }, locale });
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });
    try {
      const [admin] = service.runtime.demoStaff;
      await page.goto(`${served.baseUrl}/staff/login`);
      await expectGoodPage(page, `console-login-${name}`);

      await page.getByLabel(locale === 'ja' ? 'ユーザー名' : 'Username').fill(admin!.username);
      await page.getByLabel(locale === 'ja' ? 'パスワード' : 'Password').fill(admin!.password);
      await page.getByRole('button', { name: locale === 'ja' ? 'ログイン' : 'Sign in' }).click();
      await page.waitForURL(`${served.baseUrl}/admin`);
      await expectGoodPage(page, `console-admin-${name}`);
      expect(await page.getByRole('navigation', { name: locale === 'ja' ? 'メニュー' : 'Console' }).getByRole('link').count()).toBe(6);

      await page.getByRole('button', { name: locale === 'ja' ? 'ログアウト' : 'Sign out' }).click();
      await page.waitForURL(`${served.baseUrl}/staff/login?signed-out=1`);
      expect(await page.getByRole('status').textContent()).toContain(locale === 'ja' ? 'ログアウトしました' : 'You have signed out');

      expect(cspViolations).toEqual([]);
      expect(foreignOrigins(requested, served.baseUrl)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});

async function expectGoodPage(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await scrollsSideways(page)).toBe(false);
  expect(await accessibilityViolations(page)).toEqual([]);
}
