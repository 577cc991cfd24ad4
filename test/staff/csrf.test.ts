import request from 'supertest';
import type { StaffMember } from '../../src/actor/staff-member';
import { csrfFor, csrfOf, LOGIN_CSRF_FIELD, newStaff, PASSWORD, signedIn, startStaffService, type StaffTestService } from './staff-fixtures';

describe('CSRF protection of the consoles', () => {
  let service: StaffTestService;
  let admin: StaffMember;

  beforeAll(async () => {
    service = await startStaffService();
    admin = await newStaff(service.runtime, 'admin');
  });
  afterAll(async () => {
    await service.close();
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { _csrf: 'f'.repeat(64) }],
    ['an empty token', { _csrf: '' }],
  ])('when sign-out is posted with %s, then it is 403 csrf_rejected and the session lives on', async (_name, body) => {
    const agent = await signedIn(service.app, admin.username);

    const response = await agent.post('/staff/logout').type('form').send(body).set('Accept', 'application/json');

    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('csrf_rejected');
    expect((await agent.get('/admin')).status).toBe(200);
  });

  it('when a form is posted without its token, then the browser gets the console page saying the form expired', async () => {
    const agent = await signedIn(service.app, admin.username);

    const response = await agent.post('/staff/logout').set('Accept-Language', 'en').type('form').send({});

    expect(response.status).toBe(403);
    expect(response.text).toContain('The form has expired');
  });

  it('when sign-out is posted with the session token, then it is done', async () => {
    const agent = await signedIn(service.app, admin.username);

    const response = await agent.post('/staff/logout').type('form').send({ _csrf: await csrfFor(agent, '/admin') });

    expect(response.status).toBe(303);
  });

  it('when the token comes in the X-CSRF-Token header instead of the form, then it is accepted', async () => {
    const agent = await signedIn(service.app, admin.username);

    const response = await agent.post('/staff/logout').set('X-CSRF-Token', await csrfFor(agent, '/admin'));

    expect(response.status).toBe(303);
  });

  it("when another session's token is sent, then it is refused", async () => {
    const mine = await signedIn(service.app, admin.username);
    const theirs = await signedIn(service.app, admin.username);

    const response = await mine.post('/staff/logout').type('form').send({ _csrf: await csrfFor(theirs, '/admin') });

    expect(response.status).toBe(403);
  });

  it('when the sign-in form is posted without the token from its page, then nobody is signed in and a fresh form is shown', async () => {
    const agent = request.agent(service.app);

    const response = await agent.post('/staff/login').set('Accept-Language', 'en').type('form').send({ username: admin.username, password: PASSWORD });

    expect(response.status).toBe(403);
    expect(response.text).toContain('The sign-in form had expired.');
    expect(response.text).toMatch(LOGIN_CSRF_FIELD);
    expect((await agent.get('/admin')).status).toBe(303);
    // The fresh form works.
    const retried = await agent.post('/staff/login').type('form').send({ _csrf: csrfOf(response.text), username: admin.username, password: PASSWORD });
    expect(retried.status).toBe(303);
  });

  it('when the token from before sign-in is replayed after it, then it is refused: sign-in starts a new token', async () => {
    const agent = request.agent(service.app);
    const page = await agent.get('/staff/login');
    const before = csrfOf(page.text);
    await agent.post('/staff/login').type('form').send({ _csrf: before, username: admin.username, password: PASSWORD });

    const response = await agent.post('/staff/logout').type('form').send({ _csrf: before });

    expect(response.status).toBe(403);
    expect(await csrfFor(agent, '/admin')).not.toBe(before);
  });

  it('when an admin writes through the admin API with the session but without the header, then it is 403 and nothing is written', async () => {
    const agent = await signedIn(service.app, admin.username);

    const response = await agent.post('/api/v1/admin/incidents').send({ organization: 'Forged', title: 'Cross-site' });

    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('csrf_rejected');
    expect(await service.runtime.catalog.admin.listIncidents()).toEqual([]);
  });

  it('when a bearer token is used, then no CSRF token is needed: it is not an ambient credential', async () => {
    const created = await service.runtime.tokens.service.createToken(admin.id, 'ci');

    const response = await request(service.app)
      .post('/api/v1/admin/incidents')
      .set('Authorization', `Bearer ${created.token}`)
      .send({ organization: 'Example Motors', title: 'From a script' });

    expect(response.status).toBe(201);
  });
});
