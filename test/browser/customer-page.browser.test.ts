/// <reference lib="dom" />
// Page callbacks run in the browser: they need the DOM types that the Node code does not have.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
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
const NARROW = { width: 320, height: 640 };

type Language = 'ja' | 'en';
const LOCALES: Record<Language, string> = { ja: 'ja-JP', en: 'en-GB' };

/** What each language's pages must say; taken from what a customer reads, not from our source. */
const EXPECTED = {
  ja: {
    checkHeading: 'メールアドレスが流出していないか確認する',
    hitHeading: 'お客様のメールアドレスは、流出したデータに含まれていました',
    missHeading: 'このメールアドレスは、当サービスが保有する一覧にはありませんでした',
    notSafe: '「安全」という意味ではありません',
    exposed: '流出した情報',
    notExposed: '流出していないことが確認された情報',
    invalid: 'メールアドレスの形式が正しくありません',
    switchTo: 'English',
  },
  en: {
    checkHeading: 'Was your email address in a data breach?',
    hitHeading: 'Your email address was in the exposed data',
    missHeading: 'Your email address is not in the lists we hold',
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

  /** A page in a context of its own (no cookies carried over), recording every request it makes. */
  async function open(options: BrowserContextOptions): Promise<{ page: Page; requested: string[] }> {
    const { context, page, requested } = await recordingContext(browser, { viewport: PHONE, ...options });
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

    it('then at 320 px wide no page state scrolls sideways', async () => {
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

  it('when a result is shown, then the switch leads to the check page in the other language and says the address is not kept', async () => {
    const { page } = await open({ locale: 'ja-JP' });
    await page.goto(`${served.baseUrl}/`);
    await submit(page, LISTED);

    const switchLink = page.getByRole('link', { name: 'Check page in English' });
    expect(await switchLink.getAttribute('lang')).toBeNull();
    expect(await page.locator('.language-switch').getAttribute('lang')).toBe('en');
    expect(await page.locator('#switch-note').textContent()).toContain('We do not keep the address you typed');
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
