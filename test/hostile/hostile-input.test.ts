import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { ADMIN_TOKEN, admin, createExposure, createIncident, FAST_ARGON2 } from '../admin/admin-fixtures';
import { ODD_STRINGS } from '../support/hostile-strings';
import { startTestService, type TestService } from '../support/test-app';

/** A refusal: a 4xx with a stable code in the JSON error body. */
function expectJsonRefusal(response: request.Response, status?: number): void {
  if (status !== undefined) expect(response.status).toBe(status);
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(response.body).toEqual({ error: { code: expect.stringMatching(/^[a-z_]+$/), message: expect.any(String) } });
}

/**
 * Sends what supertest cannot: repeated headers, lying lengths. Headers are a flat name/value
 * list, as they go on the wire. A socket Node's parser closes counts as a refusal, not a crash.
 */
async function rawPost(service: TestService, path: string, headers: string[], body: string): Promise<number> {
  const server = service.app.listen(0);
  try {
    const port = (server.address() as { port: number }).port;
    return await new Promise<number>((resolve) => {
      const req = httpRequest({ port, method: 'POST', path, headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', () => resolve(400));
      req.end(body);
    });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

function expectNo5xx(response: request.Response): void {
  expect(response.status).toBeLessThan(500);
}

const oddEntries = Object.entries(ODD_STRINGS);
// JSON escapes that JSON.stringify never writes, sent raw.
const RAW_JSON_ESCAPES = ['\\ud800', '\\udc00x', '\\u0000', '\\u202e', '\\ufeff', '\\ud83d\\ude00', '\\uD800\\uD800'];

describe('when hostile input reaches the service', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ store: 'shared', seed: true, env: { ADMIN_API_TOKEN: ADMIN_TOKEN, ...FAST_ARGON2 } });
  });
  afterAll(async () => {
    await service.close();
  });
  const app = () => service.app;

  describe('oversized bodies', () => {
    it('when a JSON check is larger than the limit, then 413 payload_too_large', async () => {
      const response = await request(app())
        .post('/api/v1/check')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ email: 'a'.repeat(200_000) }));
      expectJsonRefusal(response, 413);
      expect(response.body.error.code).toBe('payload_too_large');
    });

    it('when a form is larger than the limit, then a 413 page in the form language', async () => {
      const response = await request(app()).post('/check').type('form').send(`email=${'a'.repeat(200_000)}&lang=en`);
      expect(response.status).toBe(413);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).not.toContain('aaaaaaaaaa');
    });

    it('when an admin JSON body is larger than its limit, then 413', async () => {
      const response = await admin(app()).post('/api/v1/admin/incidents', { organization: 'x'.repeat(1_000_000), title: 't' });
      expectJsonRefusal(response, 413);
    });
  });

  describe('wrong content types and malformed JSON', () => {
    it.each(['text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'nonsense'])(
      'when the API check is sent as %s, then 415 unsupported_media_type',
      async (type) => {
        const response = await request(app()).post('/api/v1/check').set('Content-Type', type).send('email=taro@example.jp');
        expectJsonRefusal(response, 415);
      },
    );

    it.each(['{', '{"email": }', '{"email": "a@b.jp"} trailing', "{'email': 'a@b.jp'}", '\u0000', '[]', '"just a string"', 'null', '42'])(
      'when the API check body is %p, then a 4xx with a code',
      async (body) => {
        const response = await request(app()).post('/api/v1/check').set('Content-Type', 'application/json').send(body);
        expectJsonRefusal(response);
      },
    );

    it('when the API check has no body at all, then 4xx', async () => {
      expectJsonRefusal(await request(app()).post('/api/v1/check'));
    });

    it('when an admin body is malformed JSON, then 400 malformed_json', async () => {
      const response = await admin(app()).post('/api/v1/admin/incidents').set('Content-Type', 'application/json').send('{"title":');
      expectJsonRefusal(response, 400);
    });

    it('when an admin body is not JSON, then 4xx', async () => {
      const response = await admin(app()).post('/api/v1/admin/incidents').set('Content-Type', 'text/plain').send('title=x');
      expectJsonRefusal(response);
    });
  });

  describe('control characters and odd Unicode in every public field', () => {
    it.each(oddEntries)('when the API email is %s, then 200 or a 4xx with a code', async (_name, text) => {
      const response = await request(app()).post('/api/v1/check').send({ email: text });
      if (response.status !== 200) expectJsonRefusal(response);
    });

    it.each(oddEntries)('when the form email and lang are %s, then a page and no 5xx', async (_name, text) => {
      const response = await request(app()).post('/check').type('form').send({ email: text, lang: text });
      expectNo5xx(response);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
    });

    it.each(oddEntries)('when ?lang= is %s, then the pages still answer', async (_name, text) => {
      for (const path of ['/', '/api/v1/incidents', '/api/v1/hashing-profile']) {
        const response = await request(app()).get(path).query({ lang: text });
        // 431: the URL is longer than Node's header limit; refused before the app, and a 4xx.
        expect([200, 431]).toContain(response.status);
      }
    });

    it.each(RAW_JSON_ESCAPES)('when the API email carries the raw JSON escape %s, then no 5xx', async (escape) => {
      const response = await request(app())
        .post('/api/v1/check')
        .set('Content-Type', 'application/json')
        .send(`{"email": "taro${escape}@example.jp", "${escape}": "${escape}"}`);
      if (response.status !== 200) expectJsonRefusal(response);
    });
  });

  describe('control characters and odd Unicode in every admin JSON field', () => {
    it.each(oddEntries)('when incident and exposure fields are %s, then created or refused with a code', async (_name, text) => {
      const incident = await admin(app()).post('/api/v1/admin/incidents', {
        organization: text,
        title: { ja: text, en: text },
        summary: text,
        announcedOn: text,
        status: text,
        sources: [text],
      });
      if (incident.status !== 201) expectJsonRefusal(incident);
      const incidentId = await createIncident(app());
      const exposure = await admin(app()).post(`/api/v1/admin/incidents/${incidentId}/exposures`, {
        title: text,
        dataExposed: [text],
        dataNotExposed: [text],
        advice: { ja: text },
        window: { from: text, to: text },
        people: text,
        sensitive: text,
      });
      if (exposure.status !== 201) expectJsonRefusal(exposure);
      const patched = await admin(app()).patch(`/api/v1/admin/incidents/${incidentId}`, { title: text, [text]: text });
      if (patched.status !== 200) expectJsonRefusal(patched);
    });

    it.each(RAW_JSON_ESCAPES)('when admin fields carry the raw JSON escape %s, then no 5xx', async (escape) => {
      const response = await admin(app())
        .post('/api/v1/admin/incidents')
        .set('Content-Type', 'application/json')
        .send(`{"organization": "a${escape}", "title": {"ja": "${escape}", "en": "x"}, "${escape}": 1}`);
      if (response.status !== 201) expectJsonRefusal(response);
    });
  });

  describe('header tricks', () => {
    it.each([
      ['application/json', 'text/plain'],
      ['text/plain', 'application/json'],
      ['application/x-www-form-urlencoded', 'application/json'],
    ])('when Content-Type is sent twice (%s, then %s), then no 5xx', async (first, second) => {
      for (const path of ['/api/v1/check', '/check']) {
        const status = await rawPost(service, path, ['Content-Type', first, 'Content-Type', second], '{"email":"taro.yamada@example.jp"}');
        expect(status).toBeLessThan(500);
      }
    });

    it('when Accept-Language is garbage or huge, then the page answers in some language', async () => {
      for (const value of ['*;q=abc, ;;;, en-;q=2', 'x'.repeat(6_000), '\u00ff\u00fe', 'ja;q=0, en;q=0, *;q=0']) {
        const response = await request(app()).get('/').set('Accept-Language', value);
        expect(response.status).toBe(200);
        expect(['ja', 'en']).toContain(response.headers['content-language']);
      }
    });

    it('when the cookie is giant or odd, then the page answers and the cookie is ignored', async () => {
      for (const value of [`lang=${'e'.repeat(6_000)}`, 'lang=en; lang=ja; lang=xx', 'lang', '=;=;=', 'lang=%E3%81']) {
        const response = await request(app()).get('/').set('Cookie', value);
        expect(response.status).toBe(200);
      }
    });

    it.each(['99999999999999999999', '-1', 'abc', '1e3', '0', '5'])('when Content-Length is %s, then no 5xx', async (length) => {
      for (const path of ['/api/v1/check', '/check']) {
        const status = await rawPost(service, path, ['Content-Type', 'application/json', 'Content-Length', length], '{"email":"taro.yamada@example.jp"}');
        expect(status).toBeLessThan(500);
      }
    });
  });

  describe('path tricks on admin ids', () => {
    let incidentId: string;
    let exposureId: string;
    beforeAll(async () => {
      incidentId = await createIncident(app());
      exposureId = await createExposure(app(), incidentId);
    });

    const TRICKS = [
      '..',
      '%2e%2e',
      '..%2f..%2fhealthz',
      'a%2fb',
      'a%5cb',
      'x%00',
      '%00',
      'a'.repeat(5_000),
      '%E3%81%82',
      encodeURIComponent('例え'),
      '%F0%9F%99%82',
      '%ZZ',
      '%E3%81',
      '__proto__',
      'constructor',
      '*',
      '%20',
    ];

    it.each(TRICKS.map((trick) => [trick.length > 40 ? `${trick.slice(0, 20)}... (${trick.length})` : trick, trick]))(
      'when an admin id is %s, then every admin route answers 4xx with a code',
      async (_label, trick) => {
        const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
        const paths = [
          `/api/v1/admin/incidents/${trick}`,
          `/api/v1/admin/incidents/${trick}/exposures`,
          `/api/v1/admin/exposures/${trick}`,
          `/api/v1/admin/exposures/${trick}/publish`,
          `/api/v1/admin/exposures/${trick}/list`,
          `/api/v1/admin/incidents/${incidentId}/exposures/${trick}`,
        ];
        for (const path of paths) {
          for (const method of ['get', 'patch', 'delete', 'post'] as const) {
            const response = await request(app())[method](path).set(auth).send({ title: 'x' });
            expect({ path: path.slice(0, 80), method, status: response.status }).toEqual({
              path: path.slice(0, 80),
              method,
              status: expect.any(Number),
            });
            expect(response.status).toBeGreaterThanOrEqual(400);
            expect(response.status).toBeLessThan(500);
            expect(response.body.error.code).toEqual(expect.any(String));
          }
        }
        // The real records are untouched.
        expect((await admin(app()).get(`/api/v1/admin/incidents/${incidentId}`)).status).toBe(200);
        expect((await admin(app()).get(`/api/v1/admin/exposures/${exposureId}`)).status).toBe(200);
      },
    );
  });
});
