import request from 'supertest';
import { startTestService, type TestService } from '../support/test-app';
import { uniquePrefix } from '../support/test-redis';
import { ADMIN_TOKEN, admin } from './admin-fixtures';

const ADMIN_PATHS: [string, string][] = [
  ['get', '/api/v1/admin/incidents'],
  ['post', '/api/v1/admin/incidents'],
  ['get', '/api/v1/admin/incidents/any-id'],
  ['patch', '/api/v1/admin/incidents/any-id'],
  ['delete', '/api/v1/admin/incidents/any-id'],
  ['post', '/api/v1/admin/incidents/any-id/exposures'],
  ['get', '/api/v1/admin/exposures/any-id'],
  ['post', '/api/v1/admin/exposures/any-id/publish'],
  ['get', '/api/v1/admin/no-such-route'],
];

type Method = 'get' | 'post' | 'patch' | 'delete';

describe('admin API authentication', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({
      store: 'shared',
      prefix: uniquePrefix('admin-auth'),
      env: { ADMIN_API_TOKEN: ADMIN_TOKEN },
    });
  });
  afterAll(async () => {
    await service.close();
  });

  it.each(ADMIN_PATHS)('when %s %s comes without a token, then it is 401 with WWW-Authenticate: Bearer', async (method, path) => {
    const response = await request(service.app)[method as Method](path).send({ organization: 'x', title: 'y' });

    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.body).toEqual({ error: { code: 'unauthorized', message: expect.stringContaining('Bearer') } });
  });

  it.each([
    ['a wrong token of the same length', 'Bearer ' + 'x'.repeat(ADMIN_TOKEN.length)],
    ['a prefix of the right token', 'Bearer ' + ADMIN_TOKEN.slice(0, -1)],
    ['the right token with something appended', `Bearer ${ADMIN_TOKEN}x`],
    ['an empty token', 'Bearer '],
    ['the right token under another scheme', `Basic ${ADMIN_TOKEN}`],
    ['the right token without a scheme', ADMIN_TOKEN],
  ])('when the request carries %s, then it is 401', async (_name, authorization) => {
    const response = await request(service.app).get('/api/v1/admin/incidents').set('Authorization', authorization);

    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer\b/);
    expect(response.body.error.code).toBe('unauthorized');
    expect(JSON.stringify(response.body)).not.toContain(ADMIN_TOKEN.slice(0, 8));
  });

  it('when a write comes with a wrong token, then nothing is written', async () => {
    const refused = await request(service.app)
      .post('/api/v1/admin/incidents')
      .set('Authorization', 'Bearer not-the-token')
      .send({ organization: 'Example Motors', title: 'Breach' });

    expect(refused.status).toBe(401);
    expect((await admin(service.app).get('/api/v1/admin/incidents')).body).toEqual({ incidents: [] });
  });

  it('when the right token is sent, then the admin API answers, uncached', async () => {
    const response = await admin(service.app).get('/api/v1/admin/incidents');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ incidents: [] });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('when the scheme is written in lower case, then the token is still accepted', async () => {
    const response = await request(service.app).get('/api/v1/admin/incidents').set('Authorization', `bearer ${ADMIN_TOKEN}`);

    expect(response.status).toBe(200);
  });

  it('when an unknown admin path is asked with the right token, then it is a JSON 404', async () => {
    const response = await admin(service.app).get('/api/v1/admin/no-such-route');

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('not_found');
  });

  it('when a body over the admin size limit comes without a token, then it is 401, not 413: it was never read', async () => {
    const response = await request(service.app)
      .post('/api/v1/admin/incidents')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ organization: 'x'.repeat(300_000), title: 'y' }));

    expect(response.status).toBe(401);
  });
});

describe('admin API without ADMIN_API_TOKEN configured', () => {
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({ store: 'shared', prefix: uniquePrefix('admin-auth-off') });
  });
  afterAll(async () => {
    await service.close();
  });

  it.each(ADMIN_PATHS)('when %s %s comes with the would-be break-glass token, then it is 401 invalid_token', async (method, path) => {
    const response = await request(service.app)
      [method as Method](path)
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .send({ organization: 'x', title: 'y' });

    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(response.body).toEqual({ error: { code: 'unauthorized', message: 'The admin API token is not valid.' } });
  });

  it("when an admin's own API token is sent, then the admin API answers: the break-glass token is only a bootstrap", async () => {
    const owner = await service.runtime.staff.service.createStaff({ username: 'first-admin', role: 'admin', password: 'a long enough passphrase' });
    const { token } = await service.runtime.tokens.service.createToken(owner.id, 'load-list');

    const response = await request(service.app).get('/api/v1/admin/incidents').set('Authorization', `Bearer ${token}`);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ incidents: [] });
  });

  it('when the break-glass token is off, then the public API still answers', async () => {
    const response = await request(service.app).get('/api/v1/incidents');

    expect(response.status).toBe(200);
  });
});
