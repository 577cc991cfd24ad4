import request from 'supertest';
import type { StaffMember } from '../../src/actor/staff-member';
import { csrfFor, newStaff, signedIn, startStaffService, type StaffTestService } from './staff-fixtures';

const ADMIN_PAGES = ['/admin', '/admin/incidents', '/admin/staff', '/admin/tokens', '/admin/audit', '/admin/stats'];
const ADMIN_API: ['get' | 'post', string][] = [
  ['get', '/api/v1/admin/incidents'],
  ['post', '/api/v1/admin/incidents'],
  ['get', '/api/v1/admin/exposures/any-id'],
];

describe('staff roles: who may open what', () => {
  let service: StaffTestService;
  let admin: StaffMember;
  let support: StaffMember;

  beforeAll(async () => {
    service = await startStaffService();
    admin = await newStaff(service.runtime, 'admin');
    support = await newStaff(service.runtime, 'support');
  });
  afterAll(async () => {
    await service.close();
  });

  it.each(ADMIN_PAGES)('when support staff open %s, then it is the 403 page in the console frame', async (path) => {
    const agent = await signedIn(service.app, support.username);

    const response = await agent.get(`${path}?lang=en`);

    expect(response.status).toBe(403);
    expect(response.text).toContain('Not allowed');
    expect(response.text).toContain('/static/console.css');
  });

  it.each(ADMIN_API)('when support staff call %s %s with their session, then it is 403 JSON and nothing is done', async (method, path) => {
    const agent = await signedIn(service.app, support.username);
    const token = await csrfFor(agent);

    const response = await agent[method](path).set('X-CSRF-Token', token).send({ organization: 'x', title: 'y' });

    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('forbidden');
    const incidents = await service.runtime.catalog.admin.listIncidents();
    expect(incidents).toEqual([]);
  });

  it('when an admin opens /admin and /support, then both answer', async () => {
    const agent = await signedIn(service.app, admin.username);

    expect((await agent.get('/admin')).status).toBe(200);
    expect((await agent.get('/support')).status).toBe(200);
  });

  it('when an admin calls the admin API with their session and CSRF header, then it answers', async () => {
    const agent = await signedIn(service.app, admin.username);
    const token = await csrfFor(agent, '/admin');

    const listed = await agent.get('/api/v1/admin/incidents');
    const created = await agent
      .post('/api/v1/admin/incidents')
      .set('X-CSRF-Token', token)
      .send({ organization: 'Example Motors', title: 'Made from the console' });

    expect(listed.status).toBe(200);
    expect(created.status).toBe(201);
  });

  it.each(['/admin', '/admin/incidents', '/support', '/staff'])('when nobody is signed in, then %s redirects to the sign-in page', async (path) => {
    const response = await request(service.app).get(path);

    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/staff/login');
  });

  it('when nobody is signed in and JSON is asked for, then a console path answers 401 JSON', async () => {
    const response = await request(service.app).get('/admin/incidents').set('Accept', 'application/json');

    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('unauthorized');
  });

  it('when the admin API is called with a session cookie that is not signed in, then it is 401', async () => {
    const page = await request(service.app).get('/staff/login');
    const cookie = ([] as string[]).concat(page.headers['set-cookie'] ?? [])[0]!.split(';', 1)[0]!;

    const response = await request(service.app).get('/api/v1/admin/incidents').set('Cookie', cookie);

    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('unauthorized');
  });

  it('when a signed-in admin opens a console page that does not exist, then it is the console 404 page', async () => {
    const agent = await signedIn(service.app, admin.username);

    const response = await agent.get('/admin/no-such-page?lang=en');

    expect(response.status).toBe(404);
    expect(response.text).toContain('There is no console page at this address.');
  });

  it('when support staff look at their console, then the navigation offers the check only', async () => {
    const agent = await signedIn(service.app, support.username);

    const page = await agent.get('/support');

    expect(page.text).toContain('href="/support"');
    expect(page.text).not.toContain('href="/admin/');
  });
});
