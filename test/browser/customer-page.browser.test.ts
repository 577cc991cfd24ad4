/// <reference lib="dom" />
// Page callbacks run in the browser: they need the DOM types that the Node code does not have.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import request from 'supertest';
import { ADMIN_TOKEN, FAST_ARGON2, admin } from '../admin/admin-fixtures';
import {
  accessibilityViolations,
  foreignOrigins,
  launchChromium,
  recordingContext,
  screenshot,
  scrollsSideways,
  serve,
  withoutPageScript,
  type ServedApp,
} from '../support/browser';
import { startTestService, type TestService } from '../support/test-app';

/*
 * The customer's page in Debian's Chromium, as a customer meets it: Japanese or English, on a phone,
 * typing with a Japanese input method or with the keyboard only. Every page state is scanned with
 * axe-core (WCAG 2.2 AA), must make no request outside the app's origin, and is photographed under
 * test/artifacts/ for people to look at.
 */

const LISTED = 'taro.yamada@example.jp';
const LISTED_FULL_WIDTH = 'ｔａｒｏ．ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ';
const UNLISTED = 'someone.else@example.org';
const INVALID = 'taro.yamada.example.jp';

const PHONE = { width: 390, height: 844 };
const NARROW = { width: 320, height: 568 };

type Language = 'ja' | 'en';
const LOCALES: Record<Language, string> = { ja: 'ja-JP', en: 'en-GB' };

/** What each language's pages must say; taken from what a customer reads, not from our source. */
const EXPECTED = {
  ja: {
    checkHeading: 'メールアドレスが流出していないか確認する',
    hitHeading: 'お客様のメールアドレスは、流出したデータに含まれていました',
    missHeading: 'このメールアドレスは、照合した一覧には含まれていませんでした',
    notSafe: '「安全」という意味ではありません',
    exposed: '流出した情報',
    notExposed: '流出していないことが確認された情報',
    invalid: 'メールアドレスの形式が正しくありません',
    switchTo: 'English',
  },
  en: {
    checkHeading: 'Was your email address in a data breach?',
    hitHeading: 'Your email address was in the exposed data',
    missHeading: 'Your email address is not in the lists we checked',
    notSafe: 'This does not mean that your data is safe',
    exposed: 'What was exposed',
    notExposed: 'Confirmed NOT exposed',
    invalid: 'This is not a complete email address',
    switchTo: '日本語',
  },
} as const;

describe('the customer page in a real browser', () => {
  let service: TestService;
  let served: ServedApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    service = await startTestService({ store: 'memory' });
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

  /**
   * A page in a context of its own (no cookies carried over), recording every request it makes.
   * These are the pages of the server's check, the form posted to /check, so the check page's
   * script is not loaded (withoutPageScript); with it, the page checks on the device instead
   * (private-check.browser.test.ts).
   */
  async function open(options: BrowserContextOptions): Promise<{ page: Page; requested: string[] }> {
    const { context, page, requested } = await recordingContext(browser, { viewport: PHONE, ...options });
    await withoutPageScript(context);
    contexts.push(context);
    return { page, requested };
  }

  async function submit(page: Page, email: string): Promise<void> {
    await page.getByRole('textbox').fill(email);
    await Promise.all([page.waitForURL(`${served.baseUrl}/check`), page.getByRole('button').click()]);
  }

  async function expectAccessibleAndSelfContained(page: Page, requested: string[]): Promise<void> {
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(foreignOrigins(requested, served.baseUrl)).toEqual([]);
  }

  describe.each(['ja', 'en'] as const)('when the browser prefers %s', (language: Language) => {
    const expected = EXPECTED[language];

    it('then the check page is in that language, accessible, and asks only for an email address', async () => {
      const { page, requested } = await open({ locale: LOCALES[language] });

      await page.goto(`${served.baseUrl}/`);

      expect(await page.getAttribute('html', 'lang')).toBe(language);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(expected.checkHeading);
      const field = page.getByRole('textbox');
      expect(await field.count()).toBe(1);
      expect(await field.getAttribute('autocomplete')).toBe('email');
      expect(await field.getAttribute('inputmode')).toBe('email');
      expect(await field.getAttribute('spellcheck')).toBe('false');
      expect(await field.getAttribute('autocapitalize')).toBe('off');
      // The switch names the other language in that language, marked so it is read aloud in it.
      const switchLink = page.getByRole('link', { name: expected.switchTo, exact: true });
      expect(await switchLink.getAttribute('href')).toBe(`/?lang=${language === 'ja' ? 'en' : 'ja'}`);
      await expectAccessibleAndSelfContained(page, requested);
      await screenshot(page, `${language}-check`);
    });

    it('then a listed address shows what was exposed, what was not, and what to do', async () => {
      const { page, requested } = await open({ locale: LOCALES[language] });
      await page.goto(`${served.baseUrl}/`);

      await submit(page, LISTED);

      expect(await page.getAttribute('html', 'lang')).toBe(language);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(expected.hitHeading);
      const card = page.locator('.card-hit');
      expect(await card.count()).toBe(1);
      expect(await card.getByRole('heading', { name: expected.exposed }).count()).toBe(1);
      expect(await card.getByRole('heading', { name: expected.notExposed }).count()).toBe(1);
      expect(await card.locator('.data-exposed li').count()).toBe(1);
      expect(await card.locator('.data-not-exposed li').count()).toBe(5);
      // Never echoed back: not in the page, not in the URL.
      expect(await page.content()).not.toContain(LISTED);
      expect(page.url()).toBe(`${served.baseUrl}/check`);
      await expectAccessibleAndSelfContained(page, requested);
      await screenshot(page, `${language}-hit`);
    });

    it('then an unlisted address is "not in our lists", never "safe", and names what was checked', async () => {
      const { page, requested } = await open({ locale: LOCALES[language] });
      await page.goto(`${served.baseUrl}/`);

      await submit(page, UNLISTED);

      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(expected.missHeading);
      expect(await page.locator('.verdict').textContent()).toContain(expected.notSafe);
      expect(await page.locator('.checked li').count()).toBe(2);
      expect(await page.locator('.card-maybe').count()).toBe(1);
      expect(await page.locator('.card-hit').count()).toBe(0);
      await expectAccessibleAndSelfContained(page, requested);
      await screenshot(page, `${language}-miss`);
    });

    it('then an invalid address brings the form back with the error tied to the field and focused', async () => {
      const { page, requested } = await open({ locale: LOCALES[language] });
      await page.goto(`${served.baseUrl}/`);

      await submit(page, INVALID);

      expect(await page.getAttribute('html', 'lang')).toBe(language);
      const field = page.getByRole('textbox');
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect((await field.getAttribute('aria-describedby'))?.split(' ')).toContain('email-error');
      expect(await page.locator('#email-error').textContent()).toContain(expected.invalid);
      expect(await page.title()).toMatch(/^(入力エラー：|Error: )/);
      // Without any script, autofocus brings the cursor back to the field to correct.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
      expect(await field.inputValue()).toBe(INVALID);
      // The error summary links to the field.
      expect(await page.locator('.error-summary a').getAttribute('href')).toBe('#email');
      await expectAccessibleAndSelfContained(page, requested);
      await screenshot(page, `${language}-invalid`);
    });

    it('then at 320 x 568 no page state scrolls sideways', async () => {
      const { page, requested } = await open({ locale: LOCALES[language], viewport: NARROW });

      await page.goto(`${served.baseUrl}/`);
      expect(await scrollsSideways(page)).toBe(false);
      await screenshot(page, `${language}-check-320`);
      for (const [state, email] of [
        ['hit', LISTED],
        ['miss', UNLISTED],
        ['invalid', INVALID],
      ] as const) {
        await page.goto(`${served.baseUrl}/`);
        await submit(page, email);
        expect({ state, sideways: await scrollsSideways(page) }).toEqual({ state, sideways: false });
        await screenshot(page, `${language}-${state}-320`);
      }
      expect(foreignOrigins(requested, served.baseUrl)).toEqual([]);
    });
  });

  it('when a Japanese input method types the address in full width, then it is found like the ASCII one', async () => {
    const { page } = await open({ locale: 'ja-JP' });
    await page.goto(`${served.baseUrl}/`);

    // Character by character, as an input method commits text, not pasted in one go.
    await page.getByRole('textbox').pressSequentially(LISTED_FULL_WIDTH);
    await Promise.all([page.waitForURL(`${served.baseUrl}/check`), page.getByRole('button').click()]);

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(EXPECTED.ja.hitHeading);
    expect(await page.locator('.card-hit').count()).toBe(1);
  });

  it('when the customer uses the switch, then the page changes language and stays in it on the next visit', async () => {
    const { page, requested } = await open({ locale: 'ja-JP' });
    await page.goto(`${served.baseUrl}/`);

    await Promise.all([page.waitForURL(/\?lang=en$/), page.getByRole('link', { name: 'English', exact: true }).click()]);

    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(EXPECTED.en.checkHeading);
    // Remembered: the plain address now answers in English although the browser prefers Japanese.
    await page.goto(`${served.baseUrl}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // The form carries its language: the result comes back in English.
    await submit(page, LISTED);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(EXPECTED.en.hitHeading);
    expect(foreignOrigins(requested, served.baseUrl)).toEqual([]);
  });

  it('when a result is shown, then the switch names the other language and says, in the page language, that the address is not kept', async () => {
    const { page } = await open({ locale: 'ja-JP' });
    await page.goto(`${served.baseUrl}/`);
    await submit(page, LISTED);

    const switchLink = page.getByRole('link', { name: 'English', exact: true });
    expect(await switchLink.getAttribute('lang')).toBe('en');
    expect(await switchLink.getAttribute('hreflang')).toBe('en');
    expect(await switchLink.getAttribute('aria-describedby')).toBe('switch-note');
    // No English sentence on a Japanese page: the only Latin text in the switch is the word "English".
    const note = (await page.locator('#switch-note').textContent()) ?? '';
    expect(note).toContain('もう一度');
    expect(note).not.toMatch(/[A-Za-z]/);
    expect(await page.locator('.language-switch').getAttribute('lang')).toBeNull();
    expect(await page.locator('.language-switch').getAttribute('aria-label')).toBe('言語');
    await Promise.all([page.waitForURL(`${served.baseUrl}/?lang=en`), switchLink.click()]);

    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('textbox').inputValue()).toBe('');
  });

  it('when the customer uses only the keyboard, then focus is visible at each step and Enter submits', async () => {
    const { page } = await open({ locale: 'en-GB' });
    await page.goto(`${served.baseUrl}/`);

    // Tab from the top: the skip link comes first and shows itself.
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toMatchObject({ text: 'Skip to main content', visibleFocus: true, onScreen: true });
    await page.keyboard.press('Enter');
    for (let presses = 0; presses < 10 && (await focusedElement(page)).id !== 'email'; presses += 1) {
      await page.keyboard.press('Tab');
    }
    expect(await focusedElement(page)).toMatchObject({ id: 'email', visibleFocus: true });
    await page.keyboard.type(LISTED);
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toMatchObject({ tag: 'BUTTON', visibleFocus: true });
    await Promise.all([page.waitForURL(`${served.baseUrl}/check`), page.keyboard.press('Enter')]);

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(EXPECTED.en.hitHeading);
  });

  it('when JavaScript is off, then the check works all the same', async () => {
    const { page } = await open({ locale: 'en-GB', javaScriptEnabled: false });
    await page.goto(`${served.baseUrl}/`);

    await submit(page, UNLISTED);

    expect(await page.locator('h1').textContent()).toBe(EXPECTED.en.missHeading);
  });

  it('when a page does not exist, then the error page is in the browser language and accessible', async () => {
    const { page, requested } = await open({ locale: 'ja-JP' });

    const response = await page.goto(`${served.baseUrl}/no-such-page`);

    expect(response?.status()).toBe(404);
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    expect(await page.locator('h1').textContent()).toBe('ページが見つかりません');
    await expectAccessibleAndSelfContained(page, requested);
  });
});

/*
 * Issue 14: a worried customer on a phone. Who runs the page is in the first screen of every page;
 * on a hit the verdict and the first card's data boxes and "what to do now" come first, within two
 * screens; the not-checkable incidents are collapsed and grey; each incident's contacts are on its
 * cards (a tel: link) and, when the address was not found, under the verdict; and the answer
 * prints. Measured in Chromium at two phone sizes, in both languages; the positions are written to
 * test/artifacts/result-layout.json for people to read.
 */
const VIEWPORTS = { '390x844': PHONE, '320x568': NARROW } as const;
type ViewportName = keyof typeof VIEWPORTS;

const OPERATOR = {
  OPERATOR_NAME_JA: '例モーターズ株式会社',
  OPERATOR_NAME_EN: 'Example Motors Japan',
  OPERATOR_URL: 'https://www.example.co.jp/news/2026/0401.html',
};
const CONTACTS = {
  phone: '0120-123-456',
  hours: { ja: '平日 9:00〜18:00（土日祝日を除く）', en: 'Weekdays 9:00-18:00 Japan time, except public holidays' },
  formUrl: 'https://support.example.co.jp/contact',
  announcementUrl: 'https://www.example.co.jp/news/2026/0401.html',
};
const TEL = 'tel:0120123456';
const HIT_RED = 'rgb(165, 14, 14)';

interface Box {
  top: number;
  bottom: number;
}

/** Where an element sits on the whole page (not the viewport), in CSS px; undefined when not rendered. */
async function pageBox(page: Page, selector: string): Promise<Box | undefined> {
  return page.locator(selector).first().evaluate((element) => {
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) return undefined;
    return { top: Math.round(box.top + window.scrollY), bottom: Math.round(box.bottom + window.scrollY) };
  });
}

/** A computed colour whose red, green and blue are (nearly) equal: grey, from white to black. */
function isGrey(colour: string): boolean {
  const channels = /rgba?\((\d+), (\d+), (\d+)/.exec(colour)?.slice(1).map(Number);
  if (channels === undefined) return false;
  return Math.max(...channels) - Math.min(...channels) <= 8;
}

describe('the result page on a phone: operator first, the answer within two screens, calm background, contacts (issue 14)', () => {
  let operated: TestService;
  let operatedServed: ServedApp;
  let demo: TestService;
  let demoServed: ServedApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const measured: Record<string, unknown> = {};

  beforeAll(async () => {
    // An operator's deployment (Redis, the demo incidents loaded), and the demo (no operator).
    operated = await startTestService({ store: 'shared', seed: true, env: { ...OPERATOR, ...FAST_ARGON2, ADMIN_API_TOKEN: ADMIN_TOKEN } });
    demo = await startTestService({ store: 'memory' });
    const api = admin(operated.app);
    // Every incident names its contacts, and the exposure the listed address is in has all three
    // states, so that the first card is as long as a card gets.
    const answer = (await request(operated.app).post('/api/v1/check').send({ email: LISTED })).body as {
      exposures: { id: string; incidentId: string; dataExposed: string[]; dataNotExposed: string[] }[];
      checked: { incidentId: string }[];
      notCheckableByEmail: { incidentId: string }[];
    };
    const incidents = new Set([...answer.checked, ...answer.notCheckableByEmail].map(({ incidentId }) => incidentId));
    for (const incidentId of incidents) {
      const patched = await api.patch(`/api/v1/admin/incidents/${incidentId}`, { contacts: CONTACTS });
      if (patched.status !== 200) throw new Error(`adding contacts failed: ${patched.status} ${patched.text}`);
    }
    const hit = answer.exposures[0];
    if (hit === undefined) throw new Error(`${LISTED} is in no exposure of the demo data`);
    const possibly = ['password', 'purchase_history', 'date_of_birth'].filter(
      (dataClass) => !hit.dataExposed.includes(dataClass) && !hit.dataNotExposed.includes(dataClass),
    );
    const patched = await api.patch(`/api/v1/admin/exposures/${hit.id}`, { dataPossiblyExposed: possibly.slice(0, 1) });
    if (patched.status !== 200) throw new Error(`adding a possibly exposed class failed: ${patched.status} ${patched.text}`);
    operatedServed = await serve(operated);
    demoServed = await serve(demo);
    browser = await launchChromium();
  }, 120_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    mkdirSync(path.resolve(__dirname, '..', 'artifacts'), { recursive: true });
    writeFileSync(path.resolve(__dirname, '..', 'artifacts', 'result-layout.json'), `${JSON.stringify(measured, null, 2)}\n`);
    await browser?.close();
    await operatedServed?.close();
    await demoServed?.close();
    await operated?.close();
    await demo?.close();
  });

  async function openAt(served: ServedApp, language: Language, viewport: { width: number; height: number }) {
    const { context, page, requested } = await recordingContext(browser, { viewport, locale: LOCALES[language] });
    // The server's result page, as the form without the page's script reaches it (see open above).
    await withoutPageScript(context);
    contexts.push(context);
    await page.goto(`${served.baseUrl}/?lang=${language}`);
    return { page, requested };
  }

  async function check(page: Page, served: ServedApp, email: string): Promise<void> {
    await page.getByRole('textbox').fill(email);
    await Promise.all([page.waitForURL(`${served.baseUrl}/check`), page.getByRole('button').click()]);
  }

  async function expectCleanPage(page: Page, requested: string[], served: ServedApp): Promise<void> {
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(foreignOrigins(requested, served.baseUrl)).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);
  }

  /** The operator's line in the header: its bottom must be within the first screen. */
  async function expectOperatorFirst(page: Page, height: number, language: Language): Promise<Box> {
    const operator = page.locator('header .operator');
    expect(await operator.count()).toBe(1);
    expect(await operator.textContent()).toContain(language === 'ja' ? OPERATOR.OPERATOR_NAME_JA : OPERATOR.OPERATOR_NAME_EN);
    expect(await page.locator('header .operator a').getAttribute('href')).toBe(OPERATOR.OPERATOR_URL);
    // Once, at the top: not again in the footer or the trust section.
    expect(await page.locator('.operator').count()).toBe(1);
    const box = (await pageBox(page, 'header .operator')) as Box;
    expect(box.bottom).toBeLessThanOrEqual(height);
    return box;
  }

  describe.each(['ja', 'en'] as const)('in %s', (language: Language) => {
    describe.each(Object.keys(VIEWPORTS) as ViewportName[])('at %s', (name: ViewportName) => {
      const viewport = VIEWPORTS[name];
      const shot = (state: string) => `${name}-${language}-${state}`;

      it('when the check page opens, then the operator is named in the first screen, once', async () => {
        const { page, requested } = await openAt(operatedServed, language, viewport);

        const operator = await expectOperatorFirst(page, viewport.height, language);

        measured[shot('check')] = { operatorBottom: operator.bottom };
        await expectCleanPage(page, requested, operatedServed);
        await screenshot(page, shot('check'));
      });

      it('when the address is found, then the verdict, the first card\'s three data boxes and what to do come within two screens, and its contacts follow', async () => {
        const { page, requested } = await openAt(operatedServed, language, viewport);
        await check(page, operatedServed, LISTED);

        const operator = await expectOperatorFirst(page, viewport.height, language);
        const verdict = (await pageBox(page, '.verdict')) as Box;
        const card = page.locator('.card-hit').first();
        // The three states, each in its own box, in this order.
        expect(await card.locator('.data-box').evaluateAll((boxes) => boxes.map((box) => box.className))).toEqual([
          'data-box data-exposed',
          'data-box data-possibly-exposed',
          'data-box data-not-exposed',
        ]);
        const boxes = (await pageBox(page, '.card-hit .data-lists')) as Box;
        const advice = (await pageBox(page, '.card-hit .advice')) as Box;
        const contacts = (await pageBox(page, '.card-hit .contacts')) as Box;
        const more = (await pageBox(page, '.card-hit .card-more')) as Box;
        // Recorded first, so that a failing position can be looked at.
        measured[shot('hit')] = {
          operatorBottom: operator.bottom,
          verdict,
          dataBoxesBottom: boxes.bottom,
          whatToDoBottom: advice.bottom,
          contactsBottom: contacts.bottom,
          pageHeight: await page.evaluate(() => document.documentElement.scrollHeight),
        };
        await screenshot(page, shot('hit'));
        // What the customer sees without scrolling more than once.
        await page.screenshot({
          path: path.resolve(__dirname, '..', 'artifacts', `${shot('hit-first-two-screens')}.png`),
          fullPage: true,
          clip: { x: 0, y: 0, width: viewport.width, height: 2 * viewport.height },
        });
        expect(verdict.top).toBeGreaterThanOrEqual(operator.bottom);
        expect(boxes.bottom).toBeLessThanOrEqual(2 * viewport.height);
        if (name === '390x844') expect(advice.bottom).toBeLessThanOrEqual(2 * viewport.height);
        // What to do comes before the contacts, and both before the collapsed details.
        expect(advice.bottom).toBeLessThanOrEqual(contacts.top);
        expect(contacts.bottom).toBeLessThanOrEqual(more.top);
        expect(await card.locator('.card-more').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
        // The hotline dials; the form and announcement say where they lead.
        const phone = card.locator('.contacts a[href^="tel:"]');
        expect(await phone.getAttribute('href')).toBe(TEL);
        expect(await phone.textContent()).toBe(CONTACTS.phone);
        expect(await card.locator('.contacts').textContent()).toContain('support.example.co.jp');
        expect(await card.locator('.contacts').textContent()).toContain(CONTACTS.hours[language]);

        await expectCleanPage(page, requested, operatedServed);
      });

      it('when the address is not found, then whom to ask follows the verdict, and the background is collapsed and neutral', async () => {
        const { page, requested } = await openAt(operatedServed, language, viewport);
        await check(page, operatedServed, UNLISTED);

        const operator = await expectOperatorFirst(page, viewport.height, language);
        expect(await page.locator('.card-hit').count()).toBe(0);
        // One entry per incident, each with its hotline.
        const unsure = page.locator('.unsure');
        expect(await unsure.locator('.contacts').count()).toBe(2);
        expect(await unsure.locator('a[href^="tel:"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual([TEL, TEL]);
        // The lists checked and the not-checkable incidents: collapsed, without any script.
        expect(await page.locator('.checked details').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
        const maybe = page.locator('details.card-maybe');
        expect(await maybe.count()).toBe(1);
        expect(await maybe.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
        expect(await maybe.locator('.data-lists').isVisible()).toBe(false);
        const colours = await maybe.evaluate((details) => {
          const style = getComputedStyle(details);
          return { border: style.borderTopColor, background: style.backgroundColor };
        });
        expect(colours.border).not.toBe(HIT_RED);
        expect(isGrey(colours.border)).toBe(true);
        expect(isGrey(colours.background)).toBe(true);

        measured[shot('miss')] = {
          operatorBottom: operator.bottom,
          verdict: await pageBox(page, '.verdict'),
          unsureBottom: (await pageBox(page, '.unsure'))?.bottom,
          pageHeight: await page.evaluate(() => document.documentElement.scrollHeight),
        };
        await expectCleanPage(page, requested, operatedServed);
        await screenshot(page, shot('miss'));

        // Opened: "you may be affected if ...", grey boxes with their own heading, and the contacts.
        await maybe.locator('summary').click();
        expect(await maybe.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
        expect(await maybe.textContent()).toContain(language === 'ja' ? '対象となっている可能性があります' : 'You may be affected if');
        expect(await maybe.locator('.data-exposed').count()).toBe(0);
        const groupBox = maybe.locator('.data-group-exposed');
        expect(await groupBox.count()).toBe(1);
        expect(await groupBox.locator('h4').textContent()).toBe(language === 'ja' ? '対象の方について流出した情報' : 'Exposed for the people in this group');
        const boxColours = await maybe.locator('.data-box:not(.data-not-exposed)').evaluateAll((boxes) =>
          boxes.map((box) => {
            const style = getComputedStyle(box);
            return [style.borderTopColor, style.backgroundColor, getComputedStyle(box.querySelector('li') as Element, '::before').backgroundColor];
          }),
        );
        expect(boxColours.length).toBeGreaterThan(0);
        for (const colour of boxColours.flat()) {
          expect({ colour, grey: isGrey(colour) }).toEqual({ colour, grey: true });
        }
        expect(await maybe.locator('.contacts a[href^="tel:"]').getAttribute('href')).toBe(TEL);
        await expectCleanPage(page, requested, operatedServed);
        await screenshot(page, shot('not-checkable-expanded'));
      });

      it('when a page does not exist, then the error page names the operator in the first screen', async () => {
        const { context, page, requested } = await recordingContext(browser, { viewport, locale: LOCALES[language] });
        contexts.push(context);

        const response = await page.goto(`${operatedServed.baseUrl}/no-such-page?lang=${language}`);

        expect(response?.status()).toBe(404);
        await expectOperatorFirst(page, viewport.height, language);
        await expectCleanPage(page, requested, operatedServed);
        await screenshot(page, shot('error'));
      });

      it('when the invalid address is shown again, then the switch note is in the page language and the operator in the first screen', async () => {
        const { page, requested } = await openAt(operatedServed, language, viewport);
        await check(page, operatedServed, INVALID);

        await expectOperatorFirst(page, viewport.height, language);
        const note = (await page.locator('#switch-note').textContent()) ?? '';
        if (language === 'ja') expect(note).not.toMatch(/[A-Za-z]/);
        else expect(note).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        await expectCleanPage(page, requested, operatedServed);
        await screenshot(page, shot('invalid'));
      });

      it('when the answer is printed, then the verdict, the address checked, the card and its contacts print without the navigation', async () => {
        const { page } = await openAt(operatedServed, language, viewport);
        await check(page, operatedServed, LISTED);

        await page.emulateMedia({ media: 'print' });

        expect(await page.locator('.language-switch').isVisible()).toBe(false);
        expect(await page.locator('#switch-note').isVisible()).toBe(false);
        expect(await page.locator('.skip-link').isVisible()).toBe(false);
        expect(await page.locator('.verdict h1').isVisible()).toBe(true);
        expect(await page.locator('.address-checked').isVisible()).toBe(true);
        expect(await page.locator('.card-hit .data-lists').isVisible()).toBe(true);
        expect(await page.locator('.card-hit .contacts a[href^="tel:"]').isVisible()).toBe(true);
        // Black on white, and a web link says where it leads.
        expect(await page.locator('.verdict h1').evaluate((h1) => getComputedStyle(h1).color)).toBe('rgb(0, 0, 0)');
        const form = page.locator('.card-hit .contacts a[href^="https://support"]');
        expect(await form.evaluate((link) => getComputedStyle(link, '::after').content)).toBe(`" (${CONTACTS.formUrl})"`);
        await screenshot(page, shot('print'));
      });

      it('when the demo runs (no operator), then its header says it is a demonstration, in the first screen of every page', async () => {
        const { page, requested } = await openAt(demoServed, language, viewport);
        const banner = async () => {
          expect(await page.locator('.operator').count()).toBe(0);
          expect(await page.locator('header .demo-banner').count()).toBe(1);
          expect(((await pageBox(page, 'header .demo-banner')) as Box).bottom).toBeLessThanOrEqual(viewport.height);
        };

        await banner();
        await screenshot(page, shot('demo-check'));
        await check(page, demoServed, LISTED);
        await banner();
        await page.goto(`${demoServed.baseUrl}/?lang=${language}`);
        await check(page, demoServed, UNLISTED);
        await banner();
        await expectCleanPage(page, requested, demoServed);
        await screenshot(page, shot('demo-miss'));
      });
    });
  });
});

interface FocusedElement {
  tag: string;
  id: string;
  text: string;
  /** An outline, or the link highlight, that a sighted keyboard user can see. */
  visibleFocus: boolean;
  onScreen: boolean;
}

function focusedElement(page: Page): Promise<FocusedElement> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const highlighted = style.backgroundColor !== 'rgba(0, 0, 0, 0)' && element.tagName === 'A';
    const box = element.getBoundingClientRect();
    return {
      tag: element.tagName,
      id: element.id,
      text: (element.textContent ?? '').trim(),
      visibleFocus: element.matches(':focus-visible') && (outlined || highlighted),
      onScreen: box.right > 0 && box.bottom > 0 && box.left < window.innerWidth && box.top < window.innerHeight,
    };
  });
}
