import request from 'supertest';
import { startTestService, type TestService } from '../support/test-app';

describe('check page', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ store: 'memory' });
  });
  afterAll(async () => {
    await service.close();
  });

  const post = (form: Record<string, string>) => request(service.app).post('/check').type('form').send(form);

  it('when the page is opened, then it has a labelled email field posting to /check with its language, and a strict CSP', async () => {
    const response = await request(service.app).get('/');
    expect(response.status).toBe(200);
    expect(response.text).toContain('<form method="post" action="/check"');
    expect(response.text).toMatch(/<label for="email">/);
    expect(response.text).toContain('<input type="hidden" name="lang" value="ja">');
    expect(response.text).toMatch(/<input id="email"[^>]* aria-describedby="email-hint"/);
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('wasm-unsafe-eval');
    // One script, the private check's bundle from our own /assets, and no inline code.
    const scripts = [...response.text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)];
    expect(scripts.map(([tag, body]) => ({ src: /src="(\/assets\/private-check-[\w-]+\.js)"/.test(tag), body }))).toEqual([{ src: true, body: '' }]);
    expect(response.text).not.toMatch(/\son[a-z]+=/);
    expect(response.text).not.toMatch(/\sstyle=/);
    expect(response.text).not.toMatch(/<style/);
  });

  it('when the page is opened, then it says what happens to the address before it is typed', async () => {
    const ja = await request(service.app).get('/');
    const en = await request(service.app).get('/').set('Accept-Language', 'en');

    expect(ja.text).toContain('保存することも、記録に残すこともありません。');
    expect(ja.text).toContain('元のアドレスに戻せない形');
    expect(en.text).toContain('It is not stored and not written to any log.');
    expect(en.text).toContain('in a form that cannot be turned back into the address');
    // Demo mode names no operator: it says on every page that it is a demonstration.
    expect(en.text).toContain('This demonstration is not run by any company named here.');
    expect(ja.text).toContain('このデモは、掲載している会社が運営しているものではありません。');
  });

  it('when every page asset is listed, then each comes from the app itself', async () => {
    const response = await request(service.app).get('/');
    const references = [...response.text.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((match) => match[1] as string);
    const fetched = [...response.text.matchAll(/<link[^>]*href="([^"]*)"/g)].map((match) => match[1] as string);

    expect(references.length).toBeGreaterThan(0);
    // Only links (navigation) may point elsewhere; anything the browser loads by itself is ours.
    expect(fetched.every((href) => href.startsWith('/'))).toBe(true);
  });

  it('when a listed address is posted from the Japanese form, then the result is in Japanese, names the exposure and is not cached', async () => {
    const response = await post({ email: 'taro.yamada@example.jp', lang: 'ja' });

    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store, no-transform');
    expect(response.text).toContain('<html lang="ja">');
    expect(response.text).toContain('お客様のメールアドレスは、流出したデータに含まれていました');
    expect(response.text).toContain('ウェブサイトでのカタログ請求（2000〜2009年）');
    expect(response.text).toContain('流出していないことが確認された情報');
    expect(response.text).toContain('年収');
    expect(response.text).toContain('2000年1月1日～2009年12月31日');
    // Advice for the data class taken (email), on top of the company's own.
    expect(response.text).toContain('フィッシングメール');
    // The address itself is not echoed back on the result page.
    expect(response.text).not.toContain('taro.yamada@example.jp');
  });

  it('when a listed address is posted from the English form, then the result is in English', async () => {
    const response = await post({ email: 'taro.yamada@example.jp', lang: 'en' }).set('Cookie', 'lang=ja');

    expect(response.status).toBe(200);
    expect(response.text).toContain('<html lang="en">');
    expect(response.text).toContain('Your email address was in the exposed data');
    expect(response.text).toContain('Catalog requests on the website, 2000-2009');
    expect(response.text).toContain('Confirmed NOT exposed');
    expect(response.text).toContain('Annual income');
    expect(response.text).toMatch(/1 January 2000\s–\s31 December 2009/);
    expect(response.text).toContain('Expect phishing emails that pretend to come from the company');
  });

  it('when the address is typed in full width, then it is found like the ASCII one', async () => {
    const response = await post({ email: 'ｔａｒｏ．ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ', lang: 'en' });

    expect(response.status).toBe(200);
    expect(response.text).toContain('Your email address was in the exposed data');
  });

  it('when an unlisted address is posted, then the page says not in our lists, never safe, and names what was checked', async () => {
    const response = await post({ email: 'someone.else@example.com', lang: 'en' });

    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store, no-transform');
    expect(response.text).toContain('Your email address is not in the lists we checked');
    expect(response.text).toContain('This does not mean that your data is safe');
    expect(response.text).not.toMatch(/you are safe|not affected/i);
    expect(response.text).toContain('including name+tag variants');
    expect(response.text).toContain('Porsche Japan</span>: <span>Catalog requests on the website, 2000-2009');
    expect(response.text).toContain('Porsche Japan</span>: <span>Promotion campaign sign-ups, July 2015');
    expect(response.text).toContain('Incidents we cannot check by email');
    expect(response.text).toContain('You may be affected if you are one of these people:');
    expect(response.text).toContain('Customers of the affected Toyota and Lexus dealers in Tokyo.');
    expect(response.text).toContain('Precautions for everyone');
  });

  it('when the Japanese miss page is shown, then the same in Japanese', async () => {
    const response = await post({ email: 'someone.else@example.com', lang: 'ja' });

    expect(response.text).toContain('このメールアドレスは、照合した一覧には含まれていませんでした');
    expect(response.text).toContain('これは「安全」という意味ではありません。');
    expect(response.text).toContain('「+」を付けたアドレスを含みます');
    expect(response.text).toContain('メールアドレスでは確認できない事案');
    expect(response.text).toContain('次に当てはまる方は、対象となっている可能性があります');
    expect(response.text).toContain('3,100,000人');
    expect(response.text).toContain('公表日');
    expect(response.text).toContain('2019年3月29日');
    expect(response.text).toContain('調査中（内容が変わる可能性があります）');
  });

  describe('the address checked, shown masked so that a typo can be noticed (issue 14)', () => {
    /** The masked address as the page shows it, or undefined. */
    const shownAddress = (html: string) => /<p class="address-checked">[^<]*<bdi dir="ltr"><strong>([^<]*)<\/strong><\/bdi><\/p>/.exec(html)?.[1];

    it.each([
      ['a hit, in Japanese', 'taro.yamada@example.jp', 'ja', 't•••@example.jp', 'お客様のメールアドレスは、流出したデータに含まれていました'],
      ['a hit, in English', 'taro.yamada@example.jp', 'en', 't•••@example.jp', 'Your email address was in the exposed data'],
      ['a miss, in Japanese', 'someone.else@example.com', 'ja', 's•••@example.com', 'このメールアドレスは、照合した一覧には含まれていませんでした'],
      ['a miss, in English', 'someone.else@example.com', 'en', 's•••@example.com', 'Your email address is not in the lists we checked'],
    ])('when the page answers %s, then it shows the address masked, and never its local part', async (_name, email, lang, masked, verdict) => {
      const response = await post({ email, lang });
      const localPart = email.split('@')[0] as string;

      expect(response.status).toBe(200);
      expect(response.text).toContain(verdict);
      expect(shownAddress(response.text)).toBe(masked);
      expect(response.text).not.toContain(email);
      expect(response.text).not.toContain(localPart);
      expect(response.text).not.toContain(encodeURIComponent(email));
      expect(JSON.stringify(response.headers)).not.toContain(localPart);
    });

    it('when the page is in Japanese or English, then it names the address checked and says a typo means checking again', async () => {
      const ja = await post({ email: 'taro.yamada@example.jp', lang: 'ja' });
      const en = await post({ email: 'someone.else@example.com', lang: 'en' });

      expect(ja.text).toContain('確認したメールアドレス：<bdi dir="ltr"><strong>t•••@example.jp</strong></bdi>');
      // No space after 「。」: Japanese runs the link on.
      expect(ja.text).toContain('正しいアドレスで確認し直してください。<a href="/?lang=ja">もう一度確認する</a>');
      expect(en.text).toContain('Address checked: <bdi dir="ltr"><strong>s•••@example.com</strong></bdi>');
      expect(en.text).toContain('for example because of a typo');
      expect(en.text).toContain('<a href="/?lang=en">Check again</a>');
    });

    it('when the address was typed in full width, in upper case or with an IDN domain, then it is shown as the check normalized it', async () => {
      const fullWidth = await post({ email: 'ＴＡＲＯ．ＹＡＭＡＤＡ＠ＥＸＡＭＰＬＥ．ＪＰ', lang: 'en' });
      const idn = await post({ email: 'Hanako@ドメイン.JP', lang: 'ja' });

      expect(fullWidth.text).toContain('Your email address was in the exposed data');
      expect(shownAddress(fullWidth.text)).toBe('t•••@example.jp');
      expect(fullWidth.text).not.toContain('ＴＡＲＯ');
      expect(shownAddress(idn.text)).toBe('h•••@ドメイン.jp');
      expect(idn.text).not.toContain('hanako');
      expect(idn.text).not.toContain('Hanako');
    });

    it('when the local part begins with a character HTML escapes, then it is shown escaped', async () => {
      const response = await post({ email: "&o'brien@example.jp", lang: 'en' });

      expect(shownAddress(response.text)).toBe('&amp;•••@example.jp');
      expect(response.text).not.toContain('brien');
    });
  });

  it('when an invalid address is posted, then the form comes back in its language with the error tied to the field', async () => {
    const response = await post({ email: '<b>not-an-email', lang: 'en' });

    expect(response.status).toBe(400);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.text).toContain('<html lang="en">');
    expect(response.text).toContain('<title>Error: ');
    expect(response.text).toMatch(/<input id="email"[^>]* aria-describedby="email-error email-hint" aria-invalid="true" autofocus>/);
    expect(response.text).toContain('<p id="email-error" class="field-error">This is not a complete email address.');
    expect(response.text).toContain('<a href="#email">This is not a complete email address.');
    // What they typed comes back escaped, never as markup.
    expect(response.text).toContain('value="&lt;b&gt;not-an-email"');
    expect(response.text).not.toContain('<b>not-an-email');
    // The English message of the AppError is not what the page shows: it is localized by code.
    expect(response.text).not.toContain('This does not look like an email address');
  });

  it('when an invalid address is posted from the Japanese form, then the error is in Japanese', async () => {
    const response = await post({ email: 'not-an-email', lang: 'ja' });

    expect(response.status).toBe(400);
    expect(response.text).toContain('<title>入力エラー：');
    expect(response.text).toContain('メールアドレスの形式が正しくありません。');
  });

  it.each([
    ['', 'メールアドレスを入力してください。'],
    ['\u3000 ', 'メールアドレスを入力してください。'],
  ])('when %j is posted, then the form asks for an address rather than calling it malformed', async (email, message) => {
    const response = await post({ email, lang: 'ja' });

    expect(response.status).toBe(400);
    expect(response.text).toContain(`<p id="email-error" class="field-error">${message}</p>`);
  });

  it('when a result is shown, then the switch leads to the check page in the other language and says, in the page language, that the address must be typed again', async () => {
    const ja = await post({ email: 'taro.yamada@example.jp', lang: 'ja' });
    const en = await post({ email: 'taro.yamada@example.jp', lang: 'en' });

    expect(ja.text).toMatch(
      /<nav class="language-switch" aria-label="言語">\s*<a href="\/\?lang=en" hreflang="en" lang="en" aria-describedby="switch-note">English<\/a>\s*<\/nav>/,
    );
    expect(ja.text).toMatch(/<p id="switch-note" class="switch-note">[^<]*もう一度ご入力ください。<\/p>/);
    // No English sentence on a Japanese page, and no Japanese one on an English page (issue 14).
    expect(ja.text).not.toContain('We do not keep the address you typed');
    expect(en.text).toMatch(/<a href="\/\?lang=ja" hreflang="ja" lang="ja" aria-describedby="switch-note">日本語<\/a>/);
    expect(en.text).toMatch(/<p id="switch-note" class="switch-note">[^<]*you will need to type it again\.<\/p>/);
    expect(en.text).not.toContain('入力されたアドレスは保存していないため');
  });

  it('when an unknown page is asked, then a 404 page in HTML in the browser language', async () => {
    const ja = await request(service.app).get('/nothing-here');
    const en = await request(service.app).get('/nothing-here').set('Accept-Language', 'en-US,en;q=0.9');

    expect(ja.status).toBe(404);
    expect(ja.headers['content-type']).toMatch(/text\/html/);
    expect(ja.text).toContain('<html lang="ja">');
    expect(ja.text).toContain('ページが見つかりません');
    expect(en.status).toBe(404);
    expect(en.text).toContain('<html lang="en">');
    expect(en.text).toContain('Page not found');
  });

  it('when a form too large to be a check is posted, then the error page is localized and not a stack trace', async () => {
    const response = await request(service.app)
      .post('/check')
      .type('form')
      .set('Accept-Language', 'en')
      .send({ email: 'x'.repeat(20_000) });

    expect(response.status).toBe(413);
    expect(response.text).toContain('<html lang="en">');
    expect(response.text).toContain('Too much was sent');
    expect(response.text).not.toContain('xxxxxxxx');
  });

  it('when an API path fails, then it still answers JSON, untouched by the page language', async () => {
    const response = await request(service.app).get('/api/v1/nothing?lang=ja').set('Accept-Language', 'ja');

    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    expect(response.headers['set-cookie']).toBeUndefined();
  });
});
