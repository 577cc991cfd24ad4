import request from 'supertest';
import { languageLocals } from '../../src/i18n';
import { renderView } from '../../src/http';
import { startTestService, type TestService } from '../support/test-app';

/**
 * The copy of every customer page, as rendered (issue 14): in Japanese, no crypto jargon (except on
 * the page that explains the technique), no English sentence, no half-width space after 「。」 or
 * 「：」; in English, no Japanese outside elements marked lang="ja". Text in a foreign-language
 * element (a fallback marked with its lang, the language switch) is that element's own business.
 */

type Lang = 'ja' | 'en';

const LISTED = 'taro.yamada@example.jp';
const UNLISTED = 'someone.else@example.com';

// Named on every page, so that its note (who runs the page, how to verify it) is read too.
const OPERATOR = {
  OPERATOR_NAME_JA: 'ポルシェジャパン株式会社',
  OPERATOR_NAME_EN: 'Porsche Japan',
  OPERATOR_URL: 'https://www.porsche.com/japan/jp/',
};

const JARGON = /ハッシュ|符号|鍵付き/;
// Three or more Latin words in a row: an English sentence (or a piece of one).
const LATIN_RUN = /[A-Za-z]{2,}(?:[\s,]+[A-Za-z]{2,}){2,}/;
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/;
const SPACE_AFTER_JAPANESE_PUNCTUATION = /[。：] /;

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
// Elements whose boundaries break the line: text either side is never read as one run.
const INLINE_ELEMENTS = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'code', 'em', 'i', 'kbd', 'label', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u']);
const BREAK = '\u2029';

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return named[body.toLowerCase()] ?? entity;
  });
}

/**
 * The text a reader sees (and hears: titles, labels and alt texts count), whitespace collapsed as
 * the browser does it, with the elements in another language than `lang`, comments, scripts and
 * styles left out. Paragraph-like boundaries become BREAK.
 */
function visibleText(html: string, lang: Lang): string {
  const parts: string[] = [];
  // Depth inside an element left out; 0 when the text is read.
  let skipping = 0;
  const stack: { name: string; skipped: boolean }[] = [];
  const token = /<!--[\s\S]*?-->|<!doctype[^>]*>|<(\/?)([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|[^<]+|</gi;
  for (const match of html.matchAll(token)) {
    const [whole, closing, rawName, attributes] = match;
    if (whole.startsWith('<!')) continue;
    if (rawName === undefined) {
      if (skipping === 0) parts.push(decodeEntities(whole));
      continue;
    }
    const name = rawName.toLowerCase();
    if (closing) {
      // Pop to the matching element (templates are well-formed; this also tolerates unclosed <p>, <li>).
      const at = stack.map((entry) => entry.name).lastIndexOf(name);
      if (at === -1) continue;
      for (const entry of stack.splice(at)) if (entry.skipped) skipping -= 1;
      if (!INLINE_ELEMENTS.has(name)) parts.push(BREAK);
      continue;
    }
    const elementLang = /\slang="([^"]*)"/i.exec(attributes ?? '')?.[1];
    const skipped = name === 'script' || name === 'style' || (elementLang !== undefined && name !== 'html' && elementLang !== lang);
    if (!INLINE_ELEMENTS.has(name)) parts.push(BREAK);
    if (skipping === 0 && !skipped) {
      for (const attribute of (attributes ?? '').matchAll(/\s(aria-label|alt|title|placeholder)="([^"]*)"/gi)) {
        parts.push(BREAK, decodeEntities(attribute[2] as string), BREAK);
      }
    }
    if (VOID_ELEMENTS.has(name) || (attributes ?? '').trimEnd().endsWith('/')) continue;
    stack.push({ name, skipped });
    if (skipped) skipping += 1;
  }
  return parts
    .join('')
    .replace(/[ \t\r\n\f]+/g, ' ')
    .replace(new RegExp(` *${BREAK}[ ${BREAK}]*`, 'g'), BREAK)
    .replace(new RegExp(`^${BREAK}|${BREAK}$`, 'g'), '');
}

/** Left out of the Latin-words rule: addresses, links and masked addresses are not sentences. */
function withoutAddresses(text: string): string {
  return text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[^\s@（）「」、。：]*@[^\s@（）「」、。：]+/g, ' ');
}

interface Page {
  name: string;
  lang: Lang;
  html: string;
  /** The page that explains the technique may name it. */
  mayExplainTechnique?: boolean;
}

function problemsOf(page: Page): string[] {
  const text = visibleText(page.html, page.lang);
  const lines = text.split(BREAK);
  const problems: string[] = [];
  if (page.lang === 'ja') {
    if (!page.mayExplainTechnique) {
      for (const line of lines) if (JARGON.test(line)) problems.push(`jargon: ${line}`);
    }
    for (const line of lines) {
      const latin = LATIN_RUN.exec(withoutAddresses(line));
      if (latin) problems.push(`English "${latin[0]}" in: ${line}`);
      if (SPACE_AFTER_JAPANESE_PUNCTUATION.test(line)) problems.push(`half-width space after 。 or ： in: ${line}`);
    }
  } else {
    for (const line of lines) if (JAPANESE.test(line)) problems.push(`Japanese in: ${line}`);
  }
  return problems;
}

describe('the copy of every customer page, as rendered', () => {
  let service: TestService;
  let perNetwork: TestService;
  let global: TestService;
  const pages: Page[] = [];

  beforeAll(async () => {
    // One hash at a time and one waiting: two held slots make a check 503, as under load.
    service = await startTestService({ store: 'memory', env: { ...OPERATOR, CHECK_MAX_RUNNING: '1', CHECK_MAX_WAITING: '1' } });
    perNetwork = await startTestService({ store: 'memory', env: { RATE_LIMIT_PER_IP: '1', RATE_LIMIT_PER_IPV6_64: '0', RATE_LIMIT_GLOBAL: '0' } });
    global = await startTestService({ store: 'memory', env: { RATE_LIMIT_PER_IP: '0', RATE_LIMIT_PER_IPV6_64: '0', RATE_LIMIT_GLOBAL: '1' } });

    for (const lang of ['ja', 'en'] as const) {
      const app = service.app;
      const post = (form: Record<string, string>, target = app) => request(target).post('/check').type('form').send({ ...form, lang });
      const add = async (name: string, response: request.Response | Promise<request.Response>, status: number, extra: Partial<Page> = {}) => {
        const answered = await response;
        expect({ name, status: answered.status }).toEqual({ name, status });
        pages.push({ name, lang, html: answered.text, ...extra });
      };

      await add('check page', request(app).get(`/?lang=${lang}`), 200);
      await add('check page, empty address', post({ email: '' }), 400);
      await add('check page, invalid address', post({ email: 'not-an-email' }), 400);
      await add('result, hit', post({ email: LISTED }), 200);
      await add('result, miss', post({ email: UNLISTED }), 200);
      await add('404', request(app).get(`/nothing-here?lang=${lang}`), 404);
      // A body refused unread cannot say its language: the browser's cookie (set by ?lang=) does.
      await add('too large', post({ email: 'x'.repeat(20_000) }).set('Cookie', `lang=${lang}`), 413);
      await add(
        'bad request',
        request(app)
          .post('/check')
          .set('Cookie', `lang=${lang}`)
          .set('Content-Type', 'application/x-www-form-urlencoded; charset=koi8-r')
          .send(`email=a&lang=${lang}`),
        415,
      );
      await add('privacy page', request(app).get(`/privacy?lang=${lang}`), 200, { mayExplainTechnique: true });

      // A budget of one check: the first spends it (in the first language), the next is refused.
      await post({ email: LISTED }, perNetwork.app);
      await add('rate limited, network', post({ email: LISTED }, perNetwork.app), 429);
      await post({ email: LISTED }, global.app);
      await add('rate limited, global', post({ email: LISTED }, global.app), 429);

      const held = [holdSlot(service), holdSlot(service)];
      try {
        await add('unavailable', post({ email: LISTED }), 503);
      } finally {
        for (const slot of held) slot.release();
        await Promise.all(held.map((slot) => slot.done));
      }

      // No request makes these over HTTP: the template, with the locals the error renderer gives it.
      for (const kind of ['internal', 'unavailable', 'tooLarge', 'badRequest', 'notFound', 'rateLimited', 'rateLimitedNetwork'] as const) {
        const html = await renderView(app)('error.njk', { ...languageLocals(lang), kind, retryMinutes: kind.startsWith('rateLimited') ? 2 : undefined });
        pages.push({ name: `error page ${kind} (template)`, lang, html });
      }
    }
  }, 60_000);

  afterAll(async () => {
    await Promise.all([service, perNetwork, global].map((running) => running?.close()));
  });

  it('when every page is rendered, then each is in its language: no crypto jargon, no English in Japanese (or Japanese in English), Japanese punctuation unspaced', () => {
    const problems: Record<string, string[]> = {};
    for (const page of pages) {
      const found = problemsOf(page);
      if (found.length > 0) problems[`${page.lang}: ${page.name}`] = found;
    }

    expect(pages.length).toBeGreaterThanOrEqual(2 * 19);
    expect(problems).toEqual({});
  });

  it('when the Japanese pages are rendered, then they say in plain words what happens to the address, and link to the page that explains it', () => {
    const check = pages.find((page) => page.lang === 'ja' && page.name === 'check page')?.html ?? '';
    const privacy = pages.find((page) => page.lang === 'ja' && page.name === 'privacy page')?.html ?? '';

    expect(visibleText(check, 'ja')).toContain('元のアドレスに戻せない形');
    expect(check).toContain('href="/privacy?lang=ja"');
    expect(visibleText(privacy, 'ja')).toContain('argon2id');
    expect(privacy).toContain('<html lang="ja">');
    // The privacy page holds no typed address, so its switch keeps the reader on it.
    expect(privacy).toContain('<a href="/privacy?lang=en" hreflang="en" lang="en">English</a>');
  });

  it('when the text of a page is read, then foreign-language elements, scripts and the spacing the browser collapses are handled as a browser would', () => {
    const html =
      '<html lang="ja"><head><title>題名</title><style>p { color: red }</style></head><body>' +
      '<nav lang="en"><a>Check page in English</a><span>We do not keep it.</span></nav>' +
      '<p>一文目です。\n  <a href="/">リンク</a></p><p>二文目です。</p>\n<p>三&amp;四</p><script>var a = 1;</script></body></html>';

    const text = visibleText(html, 'ja');

    expect(text.split(BREAK)).toEqual(['題名', '一文目です。 リンク', '二文目です。', '三&四']);
    expect(problemsOf({ name: 'sample', lang: 'ja', html })).toEqual(['half-width space after 。 or ： in: 一文目です。 リンク']);
    expect(problemsOf({ name: 'sample', lang: 'ja', html: '<p>Please try again later.</p><p>name@example.jp のように</p>' })).toEqual([
      'English "Please try again later" in: Please try again later.',
    ]);
  });
});

/** A check-queue slot held by the test until released (as in test/check/load-shedding.test.ts). */
function holdSlot(service: TestService): { release: () => void; done: Promise<void> } {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const done = service.runtime.check.queue.run(() => released);
  return { release, done };
}
