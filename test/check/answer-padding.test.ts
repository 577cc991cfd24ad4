import type { AppError } from '../../src/errors/app-error';
import { FAST_ARGON2 } from '../admin/admin-fixtures';
import { padTo } from '../../src/check/answer-padding';
import { ApiAnswers } from '../../src/check/api-answers';
import type { Exposure, Incident } from '../../src/catalog/catalog-model';
import { DEMO_LIST_ADDRESSES } from '../../src/demo/demo-dataset';
import { renderView } from '../../src/http/render-view';
import { EMAIL_MASK, WIDEST_MASKED_EMAIL, maskEmail } from '../../src/hashing/mask-email';
import { argon2idOf } from '../../src/hashing/list-entry';
import { ResultPages } from '../../src/check/result-pages';
import { normalizeEmail } from '../../src/hashing/normalize-email';
import type { Service } from '../../src/service';
import { listenRaw, type Listening, type RawAnswer } from '../support/raw-answer';
import { startTestService, type TestService } from '../support/test-app';

/*
 * TLS hides what an answer says, not how long it is: every answer to a check must have one length
 * on the wire, hit or miss, whichever exposures matched, in either language. Measured as sent, on a
 * listening server (body bytes and the header block's bytes).
 */

const CATALOG = 'porsche-japan-2018-catalog';
const PROMOTION = 'porsche-japan-2018-promotion';

/*
 * The result page shows the address checked, masked (t•••@example.jp), whose length is its domain's:
 * the shortest there is, the longest ASCII domain a normalized address allows (252 characters after
 * a one-character local part), and an IDN domain of four-byte characters, the most bytes a domain
 * can take (each label as long as punycode lets it be).
 */
const LONGEST_ASCII_DOMAIN = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.jp`;
const IDN_LABEL = '𠀀'.repeat(56);
const LONG_IDN_DOMAIN = `${IDN_LABEL}.${IDN_LABEL}.${IDN_LABEL}.jp`;

/** Which addresses answer what on the demo data, once taro.yamada and a long-IDN address are added to the promotion list too. */
const ADDRESSES = {
  miss: 'nobody.here@example.org',
  'hit on the promotion list': 'hanako.suzuki@example.jp',
  'hit on the catalog list': 'yuki.tanaka@example.com',
  'hit on both lists': 'taro.yamada@example.jp',
  'hit on both lists, typed full-width': 'ＴＡＲＯ．ＹＡＭＡＤＡ＠ＥＸＡＭＰＬＥ．ＪＰ',
  'miss on the shortest address': 'a@b.jp',
  'miss on the longest ASCII domain': `x@${LONGEST_ASCII_DOMAIN}`,
  'miss on a long IDN domain': `nobody@${LONG_IDN_DOMAIN}`,
  'hit on the promotion list, a long IDN domain': `z@${LONG_IDN_DOMAIN}`,
} as const;
type Case = keyof typeof ADDRESSES;
const CASES = Object.keys(ADDRESSES) as Case[];
const EXPECTED_MATCHES: Record<Case, string[]> = {
  miss: [],
  'hit on the promotion list': [PROMOTION],
  'hit on the catalog list': [CATALOG],
  'hit on both lists': [CATALOG, PROMOTION],
  'hit on both lists, typed full-width': [CATALOG, PROMOTION],
  'miss on the shortest address': [],
  'miss on the longest ASCII domain': [],
  'miss on a long IDN domain': [],
  'hit on the promotion list, a long IDN domain': [PROMOTION],
};

const LANGUAGES = ['ja', 'en'] as const;

async function startPaddedService(): Promise<{ service: TestService; wire: Listening }> {
  const service = await startTestService({ store: 'memory', env: FAST_ARGON2 });
  await replaceList(service.runtime, PROMOTION, [
    ...(DEMO_LIST_ADDRESSES[PROMOTION] ?? []),
    ADDRESSES['hit on both lists'],
    ADDRESSES['hit on the promotion list, a long IDN domain'],
  ]);
  return { service, wire: await listenRaw(service.app) };
}

async function replaceList(runtime: Service, exposureId: string, addresses: string[]): Promise<void> {
  const hashed = await Promise.all(addresses.map((address) => argon2idOf(normalizeEmail(address), runtime.hashing.profile)));
  await runtime.lists.service.replaceList(exposureId, runtime.hashing.profile, [hashed]);
}

function apiCheck(wire: Listening, email: string, headers?: Record<string, string>): Promise<RawAnswer> {
  return wire.post('/api/v1/check', 'application/json', JSON.stringify({ email }), headers);
}

function pageCheck(wire: Listening, email: string, lang: string): Promise<RawAnswer> {
  return wire.post('/check', 'application/x-www-form-urlencoded', new URLSearchParams({ email, lang }).toString());
}

function matchedIds(answer: RawAnswer): string[] {
  const body = JSON.parse(answer.body.toString('utf8')) as { exposures: { id: string }[] };
  return body.exposures.map(({ id }) => id).sort();
}

/** How many exposures a result page shows as matched (0: the not-found page). */
function matchedCards(answer: RawAnswer): number {
  return answer.body.toString('utf8').split('<section class="card card-hit"').length - 1;
}

/** Each answer's body and header bytes, keyed by its name; equal sizes show as one repeated pair. */
function sizesOf(answers: Record<string, RawAnswer>): Record<string, { body: number; headers: number }> {
  return Object.fromEntries(
    Object.entries(answers).map(([name, answer]) => [name, { body: answer.body.length, headers: answer.headerBytes }]),
  );
}

function allLike<T>(record: Record<string, T>, value: T | undefined): Record<string, T | undefined> {
  return Object.fromEntries(Object.keys(record).map((name) => [name, value]));
}

describe('padded check answers on the demo catalogue', () => {
  let service: TestService;
  let wire: Listening;

  beforeAll(async () => {
    ({ service, wire } = await startPaddedService());
  });
  afterAll(async () => {
    await wire.close();
    await service.close();
  });

  it('when the API answers a miss, a hit on either list, a hit on both and a full-width hit, then every body and every header block has the same length', async () => {
    const answers: Record<string, RawAnswer> = {};
    for (const name of CASES) answers[name] = await apiCheck(wire, ADDRESSES[name]);

    for (const name of CASES) {
      expect({ name, matched: matchedIds(answers[name] as RawAnswer) }).toEqual({ name, matched: EXPECTED_MATCHES[name] });
    }
    const sizes = sizesOf(answers);
    expect(sizes).toEqual(allLike(sizes, sizes.miss));
  });

  it('when the page answers them in Japanese and in English, then every body and every header block has the same length', async () => {
    const answers: Record<string, RawAnswer> = {};
    for (const lang of LANGUAGES) {
      for (const name of CASES) answers[`${lang}: ${name}`] = await pageCheck(wire, ADDRESSES[name], lang);
    }

    for (const lang of LANGUAGES) {
      for (const name of CASES) {
        const answer = answers[`${lang}: ${name}`] as RawAnswer;
        expect({ lang, name, status: answer.status, matched: matchedCards(answer) }).toEqual({
          lang,
          name,
          status: 200,
          matched: EXPECTED_MATCHES[name].length,
        });
        expect(answer.headers['content-language']).toBe(lang);
      }
    }
    const sizes = sizesOf(answers);
    expect(sizes).toEqual(allLike(sizes, sizes['ja: miss']));
  });

  it('when the page answers short and long addresses, then each shows its own masked address, and the API none', async () => {
    for (const name of CASES) {
      const page = (await pageCheck(wire, ADDRESSES[name], 'en')).body.toString('utf8');
      const api = (await apiCheck(wire, ADDRESSES[name])).body.toString('utf8');
      const masked = maskEmail(ADDRESSES[name]);

      expect({ name, shown: page.includes(`<strong>${masked}</strong>`) }).toEqual({ name, shown: true });
      expect({ name, echoed: api.includes(masked) || api.includes(EMAIL_MASK) }).toEqual({ name, echoed: false });
    }
    expect(Buffer.byteLength(maskEmail(ADDRESSES['miss on a long IDN domain']))).toBeGreaterThan(600);
  });

  it('when a page shows the widest stand-in for a masked address, then it still fits, at the size a short one is sent at', async () => {
    const pages = new ResultPages(renderView(service.app));
    const hit = await service.runtime.check.service.check(ADDRESSES['hit on both lists']);
    const miss = await service.runtime.check.service.check(ADDRESSES.miss);
    const sizes: Record<string, number> = {};
    for (const lang of LANGUAGES) {
      for (const [name, result] of [['hit', hit], ['miss', miss]] as const) {
        sizes[`${lang} ${name}, widest`] = Buffer.byteLength(await pages.padded(result, lang, WIDEST_MASKED_EMAIL));
        sizes[`${lang} ${name}, shortest`] = Buffer.byteLength(await pages.padded(result, lang, maskEmail('a@b.jp')));
      }
    }
    expect(sizes).toEqual(allLike(sizes, sizes['ja miss, shortest']));
  });

  it('when a padded API answer is read, then it parses to the check itself, followed by spaces only', async () => {
    for (const name of CASES) {
      const text = (await apiCheck(wire, ADDRESSES[name])).body.toString('utf8');
      const unpadded = JSON.stringify(await service.runtime.check.service.check(ADDRESSES[name]));

      expect(text.length).toBeGreaterThan(unpadded.length);
      expect(text.slice(0, unpadded.length)).toBe(unpadded);
      expect(text.slice(unpadded.length)).toMatch(/^ +$/);
      expect(JSON.parse(text)).toEqual(JSON.parse(unpadded));
    }
  });

  it('when a padded page is read, then the whole page comes first and only spaces follow it', async () => {
    for (const lang of LANGUAGES) {
      for (const name of ['miss', 'hit on both lists'] as const) {
        const html = (await pageCheck(wire, ADDRESSES[name], lang)).body.toString('utf8');
        const end = html.indexOf('</html>') + '</html>'.length;

        expect(html.startsWith('<!doctype html>')).toBe(true);
        expect(end).toBeGreaterThan('</html>'.length);
        expect(html.slice(end)).toMatch(/^\s+$/);
      }
    }
  });

  it('when the client accepts compressed answers, then answers are sent uncompressed, marked no-store and no-transform', async () => {
    const compressible = { 'accept-encoding': 'gzip, deflate, br' };
    const api = await apiCheck(wire, ADDRESSES['hit on both lists'], compressible);
    const form = 'email=taro.yamada%40example.jp&lang=en';
    const page = await wire.post('/check', 'application/x-www-form-urlencoded', form, compressible);

    for (const answer of [api, page]) {
      expect(answer.headers['cache-control']).toBe('no-store, no-transform');
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    }
    expect(api.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('when an answer is longer than the size it is to be padded to, then it is refused rather than sent at its own length', () => {
    expect(padTo('{"affected":true}', 1024)).toHaveLength(1024);
    const refusal = (text: string) => {
      try {
        padTo(text, 1024);
      } catch (error) {
        return { code: (error as AppError).code, status: (error as AppError).status, cause: ((error as AppError).cause as Error).message };
      }
      return undefined;
    };
    // A 503 like any failure of a check: the customer is told it could not be done.
    expect(refusal('x'.repeat(1025))).toEqual({ code: 'unavailable', status: 503, cause: expect.stringMatching(/does not fit/) });
    // Sizes are bytes of UTF-8, not characters: three bytes each.
    expect(refusal('流'.repeat(342))).toEqual({ code: 'unavailable', status: 503, cause: expect.stringMatching(/does not fit/) });
  });
});

describe('padded check answers when the catalogue changes', () => {
  let service: TestService;
  let wire: Listening;

  beforeAll(async () => {
    ({ service, wire } = await startPaddedService());
  });
  afterAll(async () => {
    await wire.close();
    await service.close();
  });

  /** Publishes an exposure, with its list holding `listed`, whose texts make any answer naming it longer than before. */
  async function publishLargeExposure(id: string, listed: string): Promise<void> {
    const at = new Date().toISOString();
    const long = (words: string) => ({ en: `${words} `.repeat(150).trim(), ja: `${words}。`.repeat(150) });
    const incident: Incident = {
      id: `${id}-incident`,
      organization: { en: 'Example Motors', ja: '例モーターズ株式会社' },
      title: { en: 'A long-running breach', ja: '長期にわたる不正アクセス' },
      summary: long('the attackers were in the system for a long time'),
      sources: [],
      status: 'investigating',
      createdAt: at,
      updatedAt: at,
    };
    const exposure: Exposure = {
      id,
      incidentId: incident.id,
      title: { en: 'Everyone who ever wrote to us', ja: 'お問い合わせをいただいたすべての方' },
      description: long('people who wrote to customer service'),
      dataExposed: ['email_address', 'name', 'phone_number'],
      dataPossiblyExposed: [],
      dataNotExposed: [],
      advice: long('be wary of calls claiming to come from us'),
      sensitive: false,
      published: true,
      createdAt: at,
      updatedAt: at,
    };
    await service.runtime.stores.catalog.saveIncident(incident);
    await service.runtime.stores.catalog.saveExposure(exposure);
    await replaceList(service.runtime, id, [listed]);
  }

  async function everyAnswer(extra: Record<string, string>): Promise<Record<string, RawAnswer>> {
    const addresses: Record<string, string> = { ...ADDRESSES, ...extra };
    const answers: Record<string, RawAnswer> = {};
    for (const [name, email] of Object.entries(addresses)) {
      answers[`api: ${name}`] = await apiCheck(wire, email);
      for (const lang of LANGUAGES) answers[`${lang}: ${name}`] = await pageCheck(wire, email, lang);
    }
    return answers;
  }

  it('when an exposure larger than the others is published, then the padded sizes grow and every answer has them, a hit on the new exposure too', async () => {
    const before = sizesOf(await everyAnswer({}));

    await publishLargeExposure('large-exposure', 'big.list@example.org');
    const answers = await everyAnswer({ 'hit on the large exposure': 'big.list@example.org' });
    const after = sizesOf(answers);

    expect(matchedIds(answers['api: hit on the large exposure'] as RawAnswer)).toEqual(['large-exposure']);
    expect(matchedCards(answers['ja: hit on the large exposure'] as RawAnswer)).toBe(1);
    const api = Object.fromEntries(Object.entries(after).filter(([name]) => name.startsWith('api: ')));
    const pages = Object.fromEntries(Object.entries(after).filter(([name]) => !name.startsWith('api: ')));
    expect(api).toEqual(allLike(api, after['api: miss']));
    expect(pages).toEqual(allLike(pages, after['ja: miss']));
    expect(after['api: miss']?.body).toBeGreaterThan(before['api: miss']?.body ?? Infinity);
    expect(after['ja: miss']?.body).toBeGreaterThan(before['ja: miss']?.body ?? Infinity);
  });

  it('when answers of the catalogues before and after a change are padded together, then each is padded by the catalogue its check saw', async () => {
    const answers = new ApiAnswers();
    const check = (email: string) => service.runtime.check.service.check(email);
    const bytes = async (result: Awaited<ReturnType<typeof check>>) => Buffer.byteLength(await answers.padded(result));
    const oldMiss = await check(ADDRESSES.miss);
    const oldHit = await check(ADDRESSES['hit on both lists']);

    await publishLargeExposure('another-large-exposure', 'another.big.list@example.org');
    const newMiss = await check(ADDRESSES.miss);
    const newHit = await check('another.big.list@example.org');

    // Interleaved, as checks of both catalogues are just after a change.
    const [newMissBytes, oldHitBytes, newHitBytes, oldMissBytes] = await Promise.all([
      bytes(newMiss),
      bytes(oldHit),
      bytes(newHit),
      bytes(oldMiss),
    ]);
    expect(newHit.exposures.map(({ id }) => id)).toEqual(['another-large-exposure']);
    expect(oldHitBytes).toBe(oldMissBytes);
    expect(newHitBytes).toBe(newMissBytes);
    expect(newMissBytes).toBeGreaterThan(oldMissBytes);
  });
});
