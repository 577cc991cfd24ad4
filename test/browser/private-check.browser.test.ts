/// <reference lib="dom" />
// Page callbacks run in the browser: they need the DOM types that the Node code does not have.
import { build } from 'esbuild';
import path from 'node:path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import request from 'supertest';
import { normalizeEmailV1 } from '../../src/email';
import { argon2idOf } from '../../src/hashing';
import { EMAIL_DOMAIN_CORPUS, randomDomains } from '../email/domain-corpus';
import { accessibilityViolations, foreignOrigins, launchChromium, screenshot, scrollsSideways, serve, type ServedApp } from '../support/browser';
import { startTestService, type TestService } from '../support/test-app';
import { deleteKeys, keysWithPrefix, newTestRedis, type TestRedis, uniquePrefix } from '../support/test-redis';

/*
 * Issue 15, the check page's own check, in Debian's Chromium: with the script on, the address is
 * normalized, hashed and blinded on the device and the result shown in place. Every request the
 * page makes is captured (URL, headers with cookies, body) and searched for the address, its
 * normalized form, its local part and its argon2id output, raw, hex and base64. The verdicts must
 * be those of the server's check, a failure must never read as a result, and the page must stay
 * accessible in both languages and at 320 px. On Redis, with the demo data.
 */

const LISTED = 'taro.yamada@example.jp';
const LISTED_FULL_WIDTH = 'ｔａｒｏ．ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ';
const UNLISTED = 'someone.else@example.org';
const PHONE = { width: 390, height: 844 };

const HEADINGS = {
  en: { hit: 'Your email address was in the exposed data', miss: 'Your email address is not in the lists we checked', failed: 'The check could not be done' },
  ja: { hit: 'お客様のメールアドレスは、流出したデータに含まれていました', miss: 'このメールアドレスは、照合した一覧には含まれていませんでした' },
} as const;

interface Sent {
  method: string;
  url: string;
  headers: string;
  body: Buffer;
}

interface Profile {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  hashLength: number;
  salt: string;
}

describe('the private check in a real browser', () => {
  const prefix = uniquePrefix('private-page');
  let service: TestService;
  let served: ServedApp;
  let browser: Browser;
  let redis: TestRedis;
  let profile: Profile;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    service = await startTestService({ store: 'shared', prefix, seed: true });
    served = await serve(service);
    browser = await launchChromium();
    redis = newTestRedis();
    profile = (await request(service.app).get('/api/v1/private-check')).body.profiles[0];
  }, 60_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    redis?.disconnect();
    await browser?.close();
    await served?.close();
    await service?.close();
  });

  /** A page in a context of its own, capturing every request: its URL, every header (cookies too) and its body. */
  async function open(options: { locale: string; javaScriptEnabled?: boolean; viewport?: { width: number; height: number } }) {
    const context = await browser.newContext({ viewport: PHONE, ...options });
    contexts.push(context);
    const sent: Sent[] = [];
    const pending: Promise<void>[] = [];
    context.on('request', (req: Request) => {
      pending.push(
        req.allHeaders().then((headers) => {
          sent.push({ method: req.method(), url: req.url(), headers: JSON.stringify(headers), body: req.postDataBuffer() ?? Buffer.alloc(0) });
        }),
      );
    });
    const page = await context.newPage();
    return { page, sent, settled: () => Promise.all(pending) };
  }

  /** Types and submits; resolves once a verdict or a failure is on the page, without a page load. */
  async function checkOnDevice(page: Page, address: string): Promise<void> {
    await page.getByRole('textbox').fill(address);
    await page.getByRole('button', { name: /Check|確認する/ }).click();
    await page.locator('.verdict h1, #check-problem:not([hidden]) h2').first().waitFor({ timeout: 20_000 });
  }

  async function forbiddenFor(address: string): Promise<Buffer[]> {
    const result = normalizeEmailV1(address);
    if (!result.ok) throw new Error('test address must be valid');
    const normalized = result.normalized;
    const a = await argon2idOf(normalized, profile);
    const texts = [address, normalized, normalized.split('@')[0] as string, encodeURIComponent(address), a.toString('hex'), a.toString('base64'), a.toString('base64url')];
    return [...texts.map((text) => Buffer.from(text, 'utf8')), a];
  }

  function leaks(sent: Sent[], secrets: Buffer[]): string[] {
    const found: string[] = [];
    for (const request of sent) {
      const haystacks = [Buffer.from(request.url), Buffer.from(request.headers), request.body];
      for (const secret of secrets) if (haystacks.some((haystack) => haystack.includes(secret))) found.push(`${request.method} ${request.url}`);
    }
    return found;
  }

  it.each([
    ['a listed address', LISTED, 'hit', ['porsche-japan-2018-catalog'], 't•••@example.jp'],
    ['its full-width form', LISTED_FULL_WIDTH, 'hit', ['porsche-japan-2018-catalog'], 't•••@example.jp'],
    ['an unlisted address', UNLISTED, 'miss', [], 's•••@example.org'],
  ] as const)('when %s is checked with the script on, then the verdict is right and no request holds the address or its hash', async (_name, address, verdict, cards, masked) => {
    const { page, sent, settled } = await open({ locale: 'en-GB' });
    await page.goto(`${served.baseUrl}/`);
    // The page says that the check happens here, with the real number of groups.
    await expect(page.locator('[data-private-mode="on"]').textContent()).resolves.toContain('4,096 groups');
    expect(await page.locator('[data-private-mode="off"]').isHidden()).toBe(true);

    await checkOnDevice(page, address);

    expect(page.url()).toBe(`${served.baseUrl}/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(HEADINGS.en[verdict]);
    // The focus moves to the verdict, so that a screen reader reads it first.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.locator('.card-hit').count()).toBe(cards.length);
    // (The <template>'s cards are not in the document: only those shown are found.)
    for (const id of cards) expect(await page.locator(`.card-hit #hit-${id}`).count()).toBe(1);
    expect(await page.locator('.address-checked strong').textContent()).toBe(masked);
    expect(await page.title()).toContain(verdict === 'hit' ? 'found in the exposed data' : 'not in the lists we checked');

    await settled();
    // The check went through the private protocol only: never the form's POST /check.
    expect(sent.filter(({ method }) => method === 'POST').map(({ url }) => new URL(url).pathname)).toEqual(['/api/v1/private-check']);
    expect(leaks(sent, await forbiddenFor(address))).toEqual([]);
    expect(foreignOrigins(sent.map(({ url }) => url), served.baseUrl)).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, `private-en-${verdict}-${address === LISTED_FULL_WIDTH ? 'full-width' : 'ascii'}`);
  });

  it('when the cards are shown, then they are the server page\'s own cards for that address', async () => {
    const { page } = await open({ locale: 'en-GB' });
    await page.goto(`${served.baseUrl}/`);
    await checkOnDevice(page, LISTED);
    const onDevice = await page.locator('.card-hit').evaluateAll((elements) => elements.map((element) => element.outerHTML));

    const server = await request(service.app).post('/check').type('form').send({ email: LISTED, lang: 'en' });
    const serverCards = [...server.text.matchAll(/<section class="card card-hit"[\s\S]*?<\/section>\s*(?=<section|<div|$)/g)].length;
    expect(onDevice.length).toBe(1);
    expect(serverCards).toBeGreaterThanOrEqual(1);
    for (const card of onDevice) expect(server.text.replace(/\s+/g, ' ')).toContain(card.replace(/\s+/g, ' ').slice(0, 400));
  });

  it('when the page is in Japanese, then the check, its trust line and its verdicts are in Japanese and accessible', async () => {
    const { page } = await open({ locale: 'ja-JP' });
    await page.goto(`${served.baseUrl}/`);
    await expect(page.locator('[data-private-mode="on"]').textContent()).resolves.toContain('4,096のグループ');

    await checkOnDevice(page, LISTED_FULL_WIDTH);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(HEADINGS.ja.hit);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'private-ja-hit');

    await page.goto(`${served.baseUrl}/`);
    await checkOnDevice(page, UNLISTED);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(HEADINGS.ja.miss);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('when checking, then the page says it is checking on the device, in a live region, and the button waits', async () => {
    const { page } = await open({ locale: 'en-GB' });
    await page.goto(`${served.baseUrl}/`);
    const status = page.getByRole('status');
    expect(await status.count()).toBe(1);
    // Every text the live region and the button's state take, as they happen.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      const region = document.getElementById('check-status') as HTMLElement;
      const button = document.querySelector('button[type="submit"]') as HTMLButtonElement;
      new MutationObserver(() => seen.push(`status:${region.textContent}`)).observe(region, { childList: true, characterData: true, subtree: true });
      new MutationObserver(() => seen.push(`disabled:${button.disabled}`)).observe(button, { attributes: true, attributeFilter: ['disabled'] });
    });
    await checkOnDevice(page, LISTED);
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    // (Each observer reports in its own batch, so only the order within each is known.)
    expect(seen.filter((entry) => entry.startsWith('status:'))).toEqual(['status:Checking on your device\u2026 This takes a few seconds.', 'status:']);
    expect(seen.filter((entry) => entry.startsWith('disabled:'))).toEqual(['disabled:true', 'disabled:false']);
  });

  it('when at 320 px, then neither the check page nor its results scroll sideways', async () => {
    const { page } = await open({ locale: 'ja-JP', viewport: { width: 320, height: 568 } });
    for (const address of [LISTED, UNLISTED]) {
      await page.goto(`${served.baseUrl}/`);
      expect(await scrollsSideways(page)).toBe(false);
      await checkOnDevice(page, address);
      expect({ address, sideways: await scrollsSideways(page) }).toEqual({ address, sideways: false });
    }
    await screenshot(page, 'private-ja-miss-320');
  });

  it('when the address is not an address, then the error is shown at the field, focused, and nothing is sent', async () => {
    const { page, sent, settled } = await open({ locale: 'en-GB' });
    await page.goto(`${served.baseUrl}/`);
    await checkOnDevice(page, 'taro.yamada.example.jp');
    const field = page.getByRole('textbox');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect((await field.getAttribute('aria-describedby'))?.split(' ')).toContain('email-error');
    await expect(page.locator('#email-error').textContent()).resolves.toContain('This is not a complete email address');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('check-problem');
    await settled();
    expect(sent.filter(({ method }) => method === 'POST')).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('when JavaScript is off, then the form posts to the server\'s check, which answers as before, and the page says the server sees the address', async () => {
    const { page } = await open({ locale: 'en-GB', javaScriptEnabled: false });
    await page.goto(`${served.baseUrl}/`);
    expect(await page.locator('[data-private-mode="on"]').isHidden()).toBe(true);
    await expect(page.locator('[data-private-mode="off"]').textContent()).resolves.toContain('sent to our server');
    await page.getByRole('textbox').fill(LISTED);
    await Promise.all([page.waitForURL(`${served.baseUrl}/check`), page.getByRole('button', { name: 'Check' }).click()]);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(HEADINGS.en.hit);
  });

  it('when the policies are read, then only the worker may compile WebAssembly', async () => {
    const pageResponse = await request(service.app).get('/');
    expect(pageResponse.headers['content-security-policy']).not.toContain('wasm-unsafe-eval');
    expect(pageResponse.headers['content-security-policy']).toContain("worker-src 'self'");
    const worker = /data-worker="([^"]+)"/.exec(pageResponse.text)?.[1] as string;
    const script = /<script src="([^"]+)"/.exec(pageResponse.text)?.[1] as string;
    const workerResponse = await request(service.app).get(worker);
    expect(workerResponse.status).toBe(200);
    expect(workerResponse.headers['content-security-policy']).toBe("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'");
    const scriptResponse = await request(service.app).get(script);
    expect(scriptResponse.status).toBe(200);
    expect(scriptResponse.headers['content-security-policy']).not.toContain('wasm-unsafe-eval');
  });

  it('when Chromium normalizes addresses with the page\'s own module, then it gives what the server gives', async () => {
    const bundle = await build({
      entryPoints: [path.resolve(__dirname, '../../src/email/index.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'emailV1',
      platform: 'browser',
    });
    const { page } = await open({ locale: 'en-GB' });
    await page.setContent('<!doctype html><title>normalize</title>');
    await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
    const inputs = [...EMAIL_DOMAIN_CORPUS, ...randomDomains(1500, 7)].flatMap((domain) => [`taro@${domain}`, `ＴＡＲＯ＠${domain}`]);
    const inBrowser = await page.evaluate(
      (all) => all.map((input) => (window as unknown as { emailV1: { normalizeEmailV1: (input: string) => unknown } }).emailV1.normalizeEmailV1(input)),
      inputs,
    );
    expect(inBrowser).toEqual(inputs.map((input) => normalizeEmailV1(input)));
  });

  it.each([
    ['the worker cannot load', '**/assets/private-check-worker-*.js', 'GET'],
    ['the answer does not arrive', '**/api/v1/private-check', 'POST'],
  ])('when %s, then the page shows that the check failed, never a verdict', async (_name, pattern, method) => {
    const { page } = await open({ locale: 'en-GB' });
    await page.route(pattern, (route) => (route.request().method() === method ? route.abort('failed') : route.continue()));
    await page.goto(`${served.baseUrl}/`);

    await checkOnDevice(page, UNLISTED);

    expect(await page.locator('.verdict').count()).toBe(0);
    await expect(page.locator('#check-problem h2').textContent()).resolves.toBe(HEADINGS.en.failed);
    expect(await page.getByRole('button', { name: 'Check on our server instead' }).count()).toBe(1);
  });

  it('when the lists changed after the page was opened, then it asks for a reload instead of showing a result', async () => {
    const { page } = await open({ locale: 'en-GB' });
    await page.goto(`${served.baseUrl}/`);
    await service.runtime.catalog.admin.updateExposure('porsche-japan-2018-promotion', { sensitive: true });
    try {
      await checkOnDevice(page, UNLISTED);
      expect(await page.locator('.verdict').count()).toBe(0);
      await expect(page.locator('#check-problem').textContent()).resolves.toContain('changed while it was open');
      expect(await page.getByRole('link', { name: 'Reload the page' }).getAttribute('href')).toBe('/?lang=en');
    } finally {
      await service.runtime.catalog.admin.updateExposure('porsche-japan-2018-promotion', { sensitive: false });
    }
  });

  describe('when the store is wiped under the running service', () => {
    it('then the page shows that the check failed, never a verdict, and offers the server\'s check', async () => {
      const { page } = await open({ locale: 'en-GB' });
      await page.goto(`${served.baseUrl}/`);
      const keys = await keysWithPrefix(redis, prefix);
      expect(keys.length).toBeGreaterThan(0);
      await deleteKeys(redis, keys);

      await checkOnDevice(page, LISTED);

      expect(await page.locator('.verdict').count()).toBe(0);
      await expect(page.locator('#check-problem h2').textContent()).resolves.toBe(HEADINGS.en.failed);
      await expect(page.locator('#check-problem').textContent()).resolves.toContain('your address was not checked');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('check-problem');
      expect(await page.getByRole('button', { name: 'Check on our server instead' }).count()).toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);
      await screenshot(page, 'private-en-unavailable');
      // The server's check, chosen after the failure, fails closed too: 503, not "not in the lists".
      await Promise.all([page.waitForURL(`${served.baseUrl}/check`), page.getByRole('button', { name: 'Check on our server instead' }).click()]);
      expect(await page.locator('.verdict').count()).toBe(0);
    });
  });
});
