import request from 'supertest';
import { startStaffService, newStaff, signedIn, csrfFor, type StaffTestService } from '../staff/staff-fixtures';
import { EXPOSURE_FORM, INCIDENT_FORM, redirectedId, submitForm } from './admin-console-fixtures';
import { postCheck } from '../support-console/support-console-fixtures';

/*
 * Issue 14: every refusal the consoles show, in the reader's language. Each refusal kind of the
 * incident and exposure forms is provoked on the real pages, in Japanese and in English; the
 * messages (the notice at the top of the form, the error under the marked field) must name each
 * problem's field by the label the form shows, and in Japanese contain no English sentence. The
 * staff, token, sign-in and support refusals and the console's error pages are read the same way.
 */

type Lang = 'ja' | 'en';

// Three or more Latin words in a row: an English sentence (or a piece of one).
const LATIN_RUN = /[A-Za-z]{2,}(?:[\s,]+[A-Za-z]{2,}){2,}/;
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;
const SPACE_AFTER_JAPANESE_PUNCTUATION = /[。：、] /;

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (/^#x/i.test(body)) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return named[body.toLowerCase()] ?? entity;
  });
}

/** Each message a page shows about a refusal (its notices and field errors), as lines of text. */
function messagesOf(html: string): string[] {
  const blocks = [
    ...html.matchAll(/<div class="notice notice-error" role="alert">([\s\S]*?)<\/div>/g),
    ...html.matchAll(/<p class="notice notice-error" role="alert">([\s\S]*?)<\/p>/g),
    ...html.matchAll(/<p\b[^>]*class="field-error"[^>]*>([\s\S]*?)<\/p>/g),
  ].map((match) => match[1] as string);
  return blocks.flatMap((block) =>
    block
      .split(/<\/?(?:p|li|ul|div)\b[^>]*>/)
      .map((part) => decodeEntities(part.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim())
      .filter((line) => line !== ''),
  );
}

/** Not sentences: links and addresses, the commands a message names, the date format. */
function withoutCodes(line: string): string {
  return line
    .replace(/https?:\/\/\S*/g, ' ')
    .replace(/npm run [\w:-]+/g, ' ')
    .replace(/YYYY-MM-DD/g, ' ');
}

/** What is wrong with the messages as Japanese (or, in English, as English). */
function languageProblems(lines: string[], lang: Lang): string[] {
  const problems: string[] = [];
  for (const line of lines) {
    if (lang === 'ja') {
      const latin = LATIN_RUN.exec(withoutCodes(line));
      if (latin) problems.push(`English "${latin[0]}" in: ${line}`);
      if (SPACE_AFTER_JAPANESE_PUNCTUATION.test(line)) problems.push(`half-width space after Japanese punctuation in: ${line}`);
    } else if (JAPANESE.test(line)) {
      problems.push(`Japanese in: ${line}`);
    }
  }
  return problems;
}

/** The refusal's messages, checked for their language; returned as one text to look for labels in. */
function refusalText(response: request.Response, lang: Lang, status = 400): string {
  expect(response.status).toBe(status);
  expect(response.text).toContain(`<html lang="${lang}"`);
  const lines = messagesOf(response.text);
  expect(lines.length).toBeGreaterThan(0);
  expect(languageProblems(lines, lang)).toEqual([]);
  return lines.join('\n');
}

const LONG_TITLE = 'x'.repeat(201);
const TWENTY_ONE_SOURCES = Array.from({ length: 21 }, (_, index) => `https://example.jp/news/${index + 1}`).join('\n');

/** The incident form with every kind of problem a field can have at once (the window's order aside). */
const BAD_INCIDENT = {
  ...INCIDENT_FORM,
  organization_ja: '',
  organization_en: '',
  title_en: LONG_TITLE,
  attackFrom: '2026-02-30',
  attackTo: '',
  announcedOn: '2026/11/02',
  sources: 'https://example.jp/news/1\nftp://example.jp/news/2',
  phone: 'call us',
  hours_ja: '平'.repeat(201),
  hours_en: '',
  formUrl: 'example.jp/contact',
  announcementUrl: 'javascript:alert(1)',
  status: 'closed',
};

/** What each language says of BAD_INCIDENT: one line per problem, the field named by its label. */
const BAD_INCIDENT_LINES: Record<Lang, string[]> = {
  ja: [
    '組織名：入力してください。',
    '件名（英語）：200文字以内で入力してください。',
    '発生期間（開始）：存在しない日付です。',
    '公表日：日付は YYYY-MM-DD の形式で入力してください（日付の選択欄を使えばこの形式になります）。',
    '情報源（2件目）：http:// または https:// で始まるアドレスを入力してください。',
    '専用窓口の電話番号：電話番号は5〜15桁の数字で入力してください（空白・ハイフン・かっこと、先頭の「+」を使えます）。',
    '受付時間（日本語）：200文字以内で入力してください。',
    'お問い合わせフォーム：http:// または https:// で始まるアドレスを入力してください。',
    '公式のお知らせ：http:// または https:// で始まるアドレスを入力してください。',
    '状況：選択肢の中から選んでください。',
  ],
  en: [
    'Organization: Please fill this in.',
    'Title (English): Please use at most 200 characters.',
    'When it happened (from): There is no such date.',
    'Announced on: Please enter a date as YYYY-MM-DD (the date picker writes it so).',
    'Sources (entry 2): Please enter an address starting with http:// or https://.',
    'Hotline number: Please enter a phone number of 5 to 15 digits; spaces, hyphens, brackets and a leading "+" may be used.',
    'Hotline hours (Japanese): Please use at most 200 characters.',
    'Contact form: Please enter an address starting with http:// or https://.',
    'Announcement: Please enter an address starting with http:// or https://.',
    'Status: Please choose one of the options.',
  ],
};

describe('the consoles\' refusals, in the reader\'s language', () => {
  let service: StaffTestService;
  const agents: Partial<Record<Lang, request.Agent>> = {};
  const selfIds: Partial<Record<Lang, string>> = {};

  beforeAll(async () => {
    service = await startStaffService();
    for (const lang of ['ja', 'en'] as const) {
      const member = await newStaff(service.runtime, 'admin');
      const agent = await signedIn(service.app, member.username);
      // The language is remembered from here on (a cookie), as the console's language switch does.
      expect((await agent.get(`/admin?lang=${lang}`)).status).toBe(200);
      agents[lang] = agent;
      selfIds[lang] = member.id;
    }
  });
  afterAll(async () => {
    await service.close();
  });

  function agentIn(lang: Lang): request.Agent {
    const agent = agents[lang];
    if (agent === undefined) throw new Error(`no admin signed in for ${lang}`);
    return agent;
  }

  async function newIncident(lang: Lang): Promise<string> {
    return redirectedId(await submitForm(agentIn(lang), '/admin/incidents', INCIDENT_FORM), 'incidents');
  }

  async function newExposure(lang: Lang): Promise<string> {
    const incidentId = await newIncident(lang);
    const created = await submitForm(agentIn(lang), `/admin/incidents/${incidentId}`, EXPOSURE_FORM, `/admin/incidents/${incidentId}/exposures`);
    return redirectedId(created, 'exposures');
  }

  describe.each(['ja', 'en'] as const)('in %s', (lang) => {
    describe('when the new-incident form has a problem in every field', () => {
      it('then every problem is one line naming the field by its label, in the page\'s language, and nothing is stored', async () => {
        const before = (await service.runtime.catalog.admin.listIncidents()).length;

        const text = refusalText(await submitForm(agentIn(lang), '/admin/incidents', BAD_INCIDENT), lang);

        for (const line of BAD_INCIDENT_LINES[lang]) expect(text).toContain(line);
        expect((await service.runtime.catalog.admin.listIncidents()).length).toBe(before);
      });
    });

    describe('when an incident is saved with its window ending before it starts and too many sources', () => {
      it('then the window\'s end and the sources are named, with the start date and the limit', async () => {
        const incidentId = await newIncident(lang);

        const response = await submitForm(agentIn(lang), `/admin/incidents/${incidentId}`, {
          ...INCIDENT_FORM,
          attackFrom: '2026-10-20',
          attackTo: '2026-10-01',
          sources: TWENTY_ONE_SOURCES,
        });

        const text = refusalText(response, lang);
        expect(text).toContain(
          lang === 'ja' ? '発生期間（終了）：開始（2026-10-20）より前の日付にはできません。' : 'When it happened (to): It cannot be before the start (2026-10-20).',
        );
        expect(text).toContain(lang === 'ja' ? '情報源：20件までにしてください。' : 'Sources: Please give at most 20.');
        expect((await service.runtime.catalog.admin.getIncident(incidentId)).attackWindow).toBeUndefined();
      });
    });

    describe('when a new exposure has no title, no exposed data, an unknown data class and a count in words', () => {
      it('then each is named by its label, the unknown class as typed, and nothing is stored', async () => {
        const incidentId = await newIncident(lang);

        const response = await submitForm(
          agentIn(lang),
          `/admin/incidents/${incidentId}`,
          {
            ...EXPOSURE_FORM,
            title_ja: '',
            title_en: '',
            description_en: 'd'.repeat(4001),
            dataExposed: [],
            dataNotExposed: ['bogus'],
            affectedCount: 'about 30,000',
            affectedCountQualifier: 'roughly',
          },
          `/admin/incidents/${incidentId}/exposures`,
        );

        const text = refusalText(response, lang);
        const expected =
          lang === 'ja'
            ? [
                '名称：入力してください。',
                '説明（英語）：4,000文字以内で入力してください。',
                '流出した情報（確認済み）：1つ以上選んでください。',
                '流出していないことが確認された情報：「bogus」という情報の種類はありません。一覧から選んでください。',
                '対象人数：0以上の整数で入力してください（例：28,700）。',
                '人数の示し方：選択肢の中から選んでください。',
              ]
            : [
                'Title: Please fill this in.',
                'Description (English): Please use at most 4,000 characters.',
                'Data exposed (confirmed): Please choose at least 1.',
                'Data confirmed NOT exposed: There is no kind of data called "bogus"; please choose from the list.',
                'Number of people: Please enter a whole number of 0 or more, for example 28,700.',
                'The number is: Please choose one of the options.',
              ];
        for (const line of expected) expect(text).toContain(line);
        expect(await service.runtime.catalog.admin.listExposures(incidentId)).toEqual([]);
      });
    });

    describe('when an exposure is saved with one data class in two or three of its lists', () => {
      it('then each later list is named with the class by its name and the list that has it already', async () => {
        const exposureId = await newExposure(lang);

        const response = await submitForm(agentIn(lang), `/admin/exposures/${exposureId}`, {
          ...EXPOSURE_FORM,
          dataExposed: ['name', 'email_address'],
          dataPossiblyExposed: ['name'],
          dataNotExposed: ['email_address'],
        });

        const text = refusalText(response, lang);
        const expected =
          lang === 'ja'
            ? [
                '流出した可能性がある情報（調査中）：「氏名」は「流出した情報（確認済み）」にも含まれています。どちらか一方だけを選んでください。',
                '流出していないことが確認された情報：「メールアドレス」は「流出した情報（確認済み）」にも含まれています。どちらか一方だけを選んでください。',
              ]
            : [
                'Data that may have been exposed (under investigation): "Name" is also listed under "Data exposed (confirmed)"; please choose it in only one of them.',
                'Data confirmed NOT exposed: "Email address" is also listed under "Data exposed (confirmed)"; please choose it in only one of them.',
              ];
        for (const line of expected) expect(text).toContain(line);
        expect(text).not.toContain('dataExposed');
        expect((await service.runtime.catalog.admin.getExposure(exposureId)).dataPossiblyExposed).toEqual([]);
      });
    });

    describe('when the staff and token forms are refused', () => {
      it('then each refusal is one sentence in the page\'s language', async () => {
        const agent = agentIn(lang);
        const account = { username: `taken-${lang}`, displayName: '', role: 'support', password: 'a long enough password', passwordAgain: 'a long enough password' };
        await submitForm(agent, '/admin/staff', account);

        const refusals = [
          await submitForm(agent, '/admin/staff', { ...account, username: 'Someone@example.jp' }),
          await submitForm(agent, '/admin/staff', account),
          await submitForm(agent, '/admin/staff', { ...account, username: `new-${lang}`, displayName: 'a@b' }),
          await submitForm(agent, '/admin/staff', { ...account, username: `new-${lang}`, role: 'owner' }),
          await submitForm(agent, '/admin/staff', { ...account, username: `new-${lang}`, password: 'short', passwordAgain: 'short' }),
          await submitForm(agent, '/admin/staff', { ...account, username: `new-${lang}`, passwordAgain: 'something else entirely' }),
          await submitForm(agent, '/admin/tokens', { label: '' }),
        ];
        for (const refusal of refusals) refusalText(refusal, lang);
        const own = `/admin/staff/${String(selfIds[lang])}`;
        refusalText(await submitForm(agent, own, { role: 'support' }, `${own}/role`), lang, 409);
        refusalText(await submitForm(agent, own, {}, `${own}/disable`), lang, 409);
      });
    });

    describe('when a sign-in fails and the support console\'s form is refused', () => {
      it('then the sign-in page and the support form say so in the page\'s language', async () => {
        const login = await request(service.app).get(`/staff/login?lang=${lang}`);
        const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).map((line) => line.split(';')[0]).join('; ');
        const token = /name="_csrf" value="([^"]+)"/.exec(login.text)?.[1] ?? '';
        const failed = await request(service.app)
          .post('/staff/login')
          .set('Cookie', cookie)
          .type('form')
          .send({ _csrf: token, username: 'nobody-here', password: 'not the password', lang });
        refusalText(failed, lang);

        const support = await signedIn(service.app, (await newStaff(service.runtime, 'support')).username);
        for (const fields of [
          { ticketRef: '', email: 'someone@example.jp' },
          { ticketRef: 'T-1', email: 'not an address' },
        ]) {
          const refused = await postCheck(support, { ...fields, lang });
          expect(refused.status).toBe(400);
          expect(messagesOf(refused.text).length).toBeGreaterThan(0);
          expect(languageProblems(messagesOf(refused.text), lang)).toEqual([]);
        }
      });
    });

    describe('when a console page does not exist or a form carries no security token', () => {
      it('then the error page says so in the page\'s language', async () => {
        const agent = agentIn(lang);
        const missing = await agent.get('/admin/incidents/no-such-incident');
        const forged = await agent.post('/admin/incidents').type('form').send({ ...INCIDENT_FORM, lang });

        for (const [response, status] of [[missing, 404], [forged, 403]] as const) {
          expect(response.status).toBe(status);
          const heading = /<h1>([^<]*)<\/h1>\s*<p>([^<]*)<\/p>/.exec(response.text);
          expect(heading).not.toBeNull();
          expect(languageProblems([heading?.[1] ?? '', heading?.[2] ?? ''], lang)).toEqual([]);
        }
        await csrfFor(agent, '/admin');
      });
    });
  });
});
