import request from 'supertest';
import { startTestService, type TestService } from '../support/test-app';

/** The language a page came back in, from <html lang>. */
function pageLanguage(html: string): string | undefined {
  return /<html lang="([a-z]+)">/.exec(html)?.[1];
}

describe('page language', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ store: 'memory' });
  });
  afterAll(async () => {
    await service.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) => request(service.app).get(path).set(headers);

  it.each<{ who: string; headers: Record<string, string>; expected: string }>([
    { who: 'no preference at all', headers: {}, expected: 'ja' },
    { who: 'a browser preferring English', headers: { 'Accept-Language': 'en-US,en;q=0.9' }, expected: 'en' },
    { who: 'a browser preferring Japanese', headers: { 'Accept-Language': 'ja-JP,ja;q=0.9,en;q=0.8' }, expected: 'ja' },
    { who: 'a browser preferring English over Japanese', headers: { 'Accept-Language': 'en;q=0.9,ja;q=0.5' }, expected: 'en' },
    { who: 'a browser preferring only other languages', headers: { 'Accept-Language': 'fr-FR,de;q=0.8' }, expected: 'ja' },
    { who: 'a Japanese browser that chose English before', headers: { Cookie: 'lang=en', 'Accept-Language': 'ja' }, expected: 'en' },
    { who: 'a cookie holding anything else', headers: { Cookie: 'lang=fr', 'Accept-Language': 'en' }, expected: 'en' },
  ])('when the check page is opened by $who, then it is in $expected', async ({ headers, expected }) => {
    const response = await get('/', headers);

    expect(pageLanguage(response.text)).toBe(expected);
    expect(response.headers['content-language']).toBe(expected);
    expect(response.headers.vary).toMatch(/Accept-Language/);
    expect(response.headers.vary).toMatch(/Cookie/);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('when ?lang=en is asked, then the page is English whatever else says, and the choice is remembered in a cookie', async () => {
    const response = await get('/?lang=en', { Cookie: 'lang=ja', 'Accept-Language': 'ja' });

    expect(pageLanguage(response.text)).toBe('en');
    const cookie = response.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/^lang=en;/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    // Plain HTTP (the demo on localhost): a Secure cookie would not be kept.
    expect(cookie).not.toMatch(/; Secure/);
  });

  it('when the remembered cookie comes back, then the next visit keeps the language', async () => {
    const first = await get('/?lang=en', { 'Accept-Language': 'ja' });
    const cookie = (first.headers['set-cookie']?.[0] ?? '').split(';')[0] as string;

    const next = await get('/', { Cookie: cookie, 'Accept-Language': 'ja' });

    expect(pageLanguage(next.text)).toBe('en');
  });

  it('when the page is served behind TLS, then the language cookie is Secure', async () => {
    const response = await get('/?lang=ja', { 'X-Forwarded-Proto': 'https' });

    expect(response.headers['set-cookie']?.[0]).toMatch(/; Secure/);
  });

  it.each(['fr', 'JA', '', 'ja;en'])('when ?lang=%j is asked, then it is ignored and nothing is remembered', async (lang) => {
    const response = await get(`/?lang=${encodeURIComponent(lang)}`, { 'Accept-Language': 'en' });

    expect(pageLanguage(response.text)).toBe('en');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('when ?lang is repeated, then it is ignored rather than guessed', async () => {
    const response = await get('/?lang=en&lang=ja', { 'Accept-Language': 'ja' });

    expect(pageLanguage(response.text)).toBe('ja');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('when the check form is posted, then its hidden field decides the language and nothing is remembered', async () => {
    const response = await request(service.app)
      .post('/check')
      .set({ Cookie: 'lang=ja', 'Accept-Language': 'ja' })
      .type('form')
      .send({ email: 'someone.else@example.com', lang: 'en' });

    expect(pageLanguage(response.text)).toBe('en');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('when the form comes without its hidden field, then the cookie and browser decide as for any page', async () => {
    const response = await request(service.app)
      .post('/check')
      .set({ 'Accept-Language': 'en' })
      .type('form')
      .send({ email: 'someone.else@example.com' });

    expect(pageLanguage(response.text)).toBe('en');
  });

  it('when a Japanese page shows the switch, then it is the word English marked lang="en", in a nav labelled in Japanese; and the other way round', async () => {
    const ja = await get('/', { 'Accept-Language': 'ja' });
    const en = await get('/', { 'Accept-Language': 'en' });

    expect(ja.text).toMatch(/<nav class="language-switch" aria-label="言語">\s*<a href="\/\?lang=en" hreflang="en" lang="en">English<\/a>\s*<\/nav>/);
    expect(en.text).toMatch(/<nav class="language-switch" aria-label="Language">\s*<a href="\/\?lang=ja" hreflang="ja" lang="ja">日本語<\/a>\s*<\/nav>/);
  });
});
