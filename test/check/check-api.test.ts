import request from 'supertest';
import { startTestService, type TestService } from '../support/test-app';

describe.each(['memory', 'redis'] as const)('check API on the %s store with the demo data', (store) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ store, seed: true });
  });
  afterAll(async () => {
    await service.close();
  });

  const check = (body: unknown) => request(service.app).post('/api/v1/check').send(body as object);

  it('when the address is in the catalog list, then it is affected with that exposure and its incident', async () => {
    const response = await check({ email: 'taro.yamada@example.jp' });
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store, no-transform');
    // Never stored, so never revalidated: no hash of the answer is made for an ETag.
    expect(response.headers.etag).toBeUndefined();
    expect(response.body.affected).toBe(true);
    expect(response.body.exposures).toHaveLength(1);
    const [exposure] = response.body.exposures;
    expect(exposure).toMatchObject({
      id: 'porsche-japan-2018-catalog',
      title: { en: 'Catalog requests on the website, 2000-2009' },
      dataExposed: ['email_address'],
      dataNotExposed: ['name', 'postal_address', 'phone_number', 'annual_income', 'vehicles_owned'],
      incident: { id: 'porsche-japan-2018', attackWindow: { from: '2018-01-22', to: '2018-02-12' } },
    });
  });

  it('when typed full-width and in upper case, then it is found the same', async () => {
    const response = await check({ email: 'ＴＡＲＯ．ＹＡＭＡＤＡ＠ＥＸＡＭＰＬＥ．ＪＰ' });
    expect(response.body.affected).toBe(true);
    expect(response.body.exposures.map((item: { id: string }) => item.id)).toEqual(['porsche-japan-2018-catalog']);
  });

  it('when the address is in the promotion list only, then only that exposure matches', async () => {
    const response = await check({ email: ' Hanako.Suzuki@example.jp ' });
    expect(response.body.exposures.map((item: { id: string }) => item.id)).toEqual(['porsche-japan-2018-promotion']);
  });

  it('when the address is in no list, then it is not affected and says what was checked', async () => {
    const response = await check({ email: `nobody-${Date.now()}@example.com` });
    expect(response.status).toBe(200);
    expect(response.body.affected).toBe(false);
    expect(response.body.exposures).toEqual([]);
    expect(response.body.checked.map((item: { id: string }) => item.id).sort()).toEqual([
      'porsche-japan-2018-catalog',
      'porsche-japan-2018-promotion',
    ]);
    expect(response.body.notCheckableByEmail.map((item: { id: string }) => item.id)).toEqual([
      'toyota-tokyo-dealers-2019-customers',
    ]);
  });

  it('when only the plus-tagged form is listed, then the untagged address is not affected', async () => {
    expect((await check({ email: 'kenji.sato+porsche@example.jp' })).body.affected).toBe(true);
    expect((await check({ email: 'kenji.sato@example.jp' })).body.affected).toBe(false);
  });

  it('when the input is not an email address, then 400 invalid_email with a human message', async () => {
    const response = await check({ email: 'not-an-email' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_email');
    expect(response.body.error.message).toMatch(/email address/);
  });

  it.each([
    ['no email field', {}],
    ['a number', { email: 42 }],
    ['an array', { email: ['taro.yamada@example.jp'] }],
  ])('when the body has %s, then 400 invalid_request', async (_name, body) => {
    const response = await check(body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_request');
  });

  it('when the body is malformed JSON, then 400 malformed_json', async () => {
    const response = await request(service.app)
      .post('/api/v1/check')
      .set('Content-Type', 'application/json')
      .send('{"email": "taro');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('malformed_json');
  });

  it('when the body is not JSON, then 415', async () => {
    const response = await request(service.app).post('/api/v1/check').type('form').send('email=a@example.jp');
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe('unsupported_media_type');
  });

  it('when the body is too large, then 413 and the service keeps answering', async () => {
    const response = await check({ email: 'a'.repeat(20_000) });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('payload_too_large');
    expect((await check({ email: 'taro.yamada@example.jp' })).body.affected).toBe(true);
  });

  it('when the catalogue is read, then both incidents show, the Toyota one not checkable by email', async () => {
    const response = await request(service.app).get('/api/v1/incidents');
    expect(response.status).toBe(200);
    const incidents = response.body.incidents as { id: string; exposures: { id: string; checkableByEmail: boolean }[] }[];
    expect(incidents.map((incident) => incident.id)).toEqual(['porsche-japan-2018', 'toyota-tokyo-dealers-2019']);
    expect(incidents[1]!.exposures).toEqual([
      expect.objectContaining({ id: 'toyota-tokyo-dealers-2019-customers', checkableByEmail: false }),
    ]);
    expect(incidents[0]!.exposures.every((exposure) => exposure.checkableByEmail)).toBe(true);
  });

  it('when the hashing profile is read, then it has the OWASP argon2id costs and a 16-byte salt', async () => {
    const response = await request(service.app).get('/api/v1/hashing-profile');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      algorithm: 'argon2id',
      version: 19,
      memoryKiB: 19456,
      iterations: 2,
      parallelism: 1,
      hashLength: 32,
      normalization: 'email-v1',
      bucketBits: 16,
    });
    expect(Buffer.from(response.body.salt, 'base64')).toHaveLength(16);
  });

  it('when health and readiness are asked, then both answer 200', async () => {
    expect((await request(service.app).get('/healthz')).status).toBe(200);
    expect((await request(service.app).get('/readyz')).body).toEqual({ status: 'ready' });
  });

  it('when the OpenAPI document is asked, then it documents every public path', async () => {
    const response = await request(service.app).get('/api/v1/openapi.json');
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/check', '/api/v1/incidents', '/api/v1/hashing-profile', '/healthz', '/readyz']),
    );
  });

  it('when an unknown API path is asked, then 404 JSON', async () => {
    const response = await request(service.app).get('/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('not_found');
  });
});
