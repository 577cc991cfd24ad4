import type { Browser, Page } from 'playwright-core';
import { argon2idOf } from '../../src/hashing/list-entry';
import { normalizeEmail } from '../../src/hashing/normalize-email';
import type { StaffMember } from '../../src/actor/staff-member';
import { launchChromium, serve, type ServedApp } from '../support/browser';
import { PASSWORD, newStaff, startStaffService, type StaffTestService } from '../staff/staff-fixtures';

/*
 * Issue 14: the exposure page's upload script says a refused list file in the page's language,
 * with the server's numbers (the bad line numbers) filled in, never the service's English message.
 * Driven in Debian's Chromium, in Japanese and in English.
 */

type Lang = 'ja' | 'en';

const LATIN_RUN = /[A-Za-z]{2,}(?:[\s,]+[A-Za-z]{2,}){2,}/;
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/** The English run in a Japanese message, or the Japanese in an English one; commands aside. */
function wrongLanguage(text: string, lang: Lang): string | undefined {
  if (lang === 'en') return JAPANESE.exec(text)?.[0];
  return LATIN_RUN.exec(text.replace(/npm run [\w:-]+/g, ' '))?.[0];
}

describe('the list upload\'s refusals in a real browser, in the page\'s language', () => {
  let service: StaffTestService;
  let served: ServedApp;
  let browser: Browser;
  let admin: StaffMember;
  let row: string;

  beforeAll(async () => {
    service = await startStaffService();
    served = await serve(service);
    browser = await launchChromium();
    admin = await newStaff(service.runtime, 'admin');
    row = (await argon2idOf(normalizeEmail('hanako.suzuki@example.jp'), service.runtime.hashing.profile)).toString('hex');
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await service?.close();
  });

  async function signedInPage(lang: Lang): Promise<Page> {
    const context = await browser.newContext({ locale: lang === 'ja' ? 'ja-JP' : 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${served.baseUrl}/staff/login?lang=${lang}`);
    await page.fill('#username', admin.username);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(`${served.baseUrl}/admin`), page.press('#password', 'Enter')]);
    return page;
  }

  async function newExposure(): Promise<string> {
    const actions = service.runtime.catalog.audited.as({ kind: 'break-glass' });
    const incident = await actions.createIncident({ organization: 'Example Motors', title: 'Refused lists' });
    return (await actions.createExposure(incident.id, { title: 'Sign-ups', dataExposed: ['email_address'] })).id;
  }

  /** Uploads `body` from the exposure page and returns what the page's live region says. */
  async function refusalOf(page: Page, exposureId: string, body: string, beforeUpload?: () => Promise<void>): Promise<string> {
    await page.goto(`${served.baseUrl}/admin/exposures/${exposureId}`);
    await beforeUpload?.();
    await page.setInputFiles('#list-file', { name: 'list.txt', mimeType: 'text/plain', buffer: Buffer.from(body) });
    await page.click('#list-upload button[type="submit"]');
    await page.waitForSelector('#upload-status.notice-error');
    return (await page.textContent('#upload-status')) ?? '';
  }

  const EXPECTED: Record<Lang, { badLines: string; empty: string; profile: string; gone: string }> = {
    ja: {
      badLines: 'ファイルに不正な行が12行あります（2、3、4、5、6、7、8、9、10、11行目、ほか2行）。',
      empty: 'ファイルに行がありません。',
      profile: 'このサーバーが知らないプロファイルでハッシュ化されています。',
      gone: 'この対象グループはもうありません。',
    },
    en: {
      badLines: 'The file has invalid lines (12 in all): line 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 2 more.',
      empty: 'The file holds no rows.',
      profile: 'The file was hashed with a profile this server does not know.',
      gone: 'This exposure no longer exists.',
    },
  };

  it.each(['ja', 'en'] as const)('when list files are refused on a page in %s, then each refusal is said in that language, with its line numbers', async (lang) => {
    const page = await signedInPage(lang);
    const exposureId = await newExposure();
    const badLines = `${row}\n${Array.from({ length: 12 }, (_, index) => `not a row ${index}`).join('\n')}\n`;

    const refusals = {
      badLines: await refusalOf(page, exposureId, badLines),
      empty: await refusalOf(page, exposureId, '# profile: ' + service.runtime.hashing.profile.id + '\n\n'),
      profile: await refusalOf(page, exposureId, `# profile: no-such-profile\n${row}\n`),
      gone: await refusalOf(page, exposureId, `${row}\n`, async () => {
        await service.runtime.catalog.audited.as({ kind: 'break-glass' }).deleteExposure(exposureId);
      }),
    };

    for (const [name, text] of Object.entries(refusals) as [keyof typeof refusals, string][]) {
      expect({ name, text: text.includes(EXPECTED[lang][name]) }).toEqual({ name, text: true });
      expect({ name, wrongLanguage: wrongLanguage(text, lang) }).toEqual({ name, wrongLanguage: undefined });
      // The service's own (English) words are for the API; the page never shows them.
      expect(text).not.toContain('Nothing of this upload was loaded');
    }
    await page.context().close();
  });
});
