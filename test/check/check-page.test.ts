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

  it('when the page is opened, then it has a labelled email field posting to /check and a strict CSP', async () => {
    const response = await request(service.app).get('/');
    expect(response.status).toBe(200);
    expect(response.text).toContain('<form method="post" action="/check"');
    expect(response.text).toMatch(/<label for="email">/);
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.text).not.toMatch(/<script(?![^>]*\ssrc=)/);
    expect(response.text).not.toMatch(/\sstyle=/);
  });

  it('when a listed address is posted, then the result page names the exposure and what was not taken', async () => {
    const response = await request(service.app).post('/check').type('form').send({ email: 'taro.yamada@example.jp' });
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.text).toContain('Your email address was found in 1 exposure');
    expect(response.text).toContain('Catalog requests on the website, 2000-2009');
    expect(response.text).toContain('What was not exposed');
    expect(response.text).toContain('Annual income');
    // The address itself is not echoed back on the result page.
    expect(response.text).not.toContain('taro.yamada@example.jp');
  });

  it('when an unlisted address is posted, then the page says not found without calling it safe', async () => {
    const response = await request(service.app).post('/check').type('form').send({ email: 'someone.else@example.com' });
    expect(response.status).toBe(200);
    expect(response.text).toContain('Your email address was not found');
    expect(response.text).toContain('That does not mean it is safe');
    expect(response.text).toContain('Incidents that cannot be checked by email');
  });

  it('when an invalid address is posted, then the form comes back with an error tied to the field', async () => {
    const response = await request(service.app).post('/check').type('form').send({ email: '<b>not-an-email' });
    expect(response.status).toBe(400);
    expect(response.text).toContain('aria-describedby="email-error"');
    expect(response.text).toContain('id="email-error"');
    // What they typed comes back escaped, never as markup.
    expect(response.text).toContain('value="&lt;b&gt;not-an-email"');
    expect(response.text).not.toContain('<b>not-an-email');
  });

  it('when an unknown page is asked, then a 404 page in HTML', async () => {
    const response = await request(service.app).get('/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });
});
