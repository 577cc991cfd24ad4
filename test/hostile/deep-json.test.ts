import request from 'supertest';
import { ADMIN_TOKEN, admin, createIncident } from '../admin/admin-fixtures';
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../../src/http/json-body';
import { newStaff, signedIn, startStaffService, type StaffTestService } from '../staff/staff-fixtures';

/** `{"a":{"a":...1...}}`, `levels` objects deep: 10,000 levels are 60 KB. */
function nestedObjects(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

/** `[[[...]]]`, `levels` arrays deep: two bytes a level, so that a deep one fits the check's 8 kB. */
function nestedArrays(levels: number): string {
  return `${'['.repeat(levels)}${']'.repeat(levels)}`;
}

function expectTooDeep(response: request.Response): void {
  expect(response.status).toBe(400);
  expect(response.body).toEqual({
    error: { code: 'invalid_request', message: `The JSON body is nested too deeply: at most ${MAX_JSON_DEPTH} levels of objects and arrays.` },
  });
}

/** Deeply nested JSON answered 500 (RangeError: Maximum call stack size exceeded). */
describe('when a JSON body is nested thousands of levels deep', () => {
  let service: StaffTestService;

  beforeAll(async () => {
    service = await startStaffService({ env: { ADMIN_API_TOKEN: ADMIN_TOKEN } });
  });
  afterAll(async () => {
    await service.close();
  });

  /** An admin merge patch whose body is sent exactly as written. */
  const rawPatch = (path: string, body: string) =>
    request(service.app)
      .patch(path)
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .set('Content-Type', 'application/json')
      .send(body);

  /** The service still answers: its liveness, and a real admin write. */
  async function expectStillServing(): Promise<void> {
    expect((await request(service.app).get('/healthz')).status).toBe(200);
    expect(await createIncident(service.app)).toMatch(/^[a-z0-9-]+$/);
  }

  it('then the public check answers 400 invalid_request, and the service still answers', async () => {
    const response = await request(service.app)
      .post('/api/v1/check')
      .set('Content-Type', 'application/json')
      .send(`{"email":${nestedArrays(3000)}}`);

    expectTooDeep(response);
    await expectStillServing();
  });

  it('then an admin merge patch of 10,000 levels (60 KB) answers 400 invalid_request and changes nothing', async () => {
    const incidentId = await createIncident(service.app);
    const before = (await admin(service.app).get(`/api/v1/admin/incidents/${incidentId}`)).body as unknown;

    const response = await rawPatch(`/api/v1/admin/incidents/${incidentId}`, `{"title":${nestedObjects(10_000)}}`);

    expectTooDeep(response);
    expect((await admin(service.app).get(`/api/v1/admin/incidents/${incidentId}`)).body).toEqual(before);
    await expectStillServing();
  });

  it('then a console JSON request of a signed-in admin answers 400 invalid_request', async () => {
    const member = await newStaff(service.runtime, 'admin');
    const agent = await signedIn(service.app, member.username);

    const response = await agent
      .post('/admin/incidents')
      .set('Content-Type', 'application/json')
      .set('Accept', 'application/json')
      .send(nestedObjects(10_000));

    expectTooDeep(response);
    expect((await agent.get('/admin')).status).toBe(200);
    await expectStillServing();
  });

  it("then a JSON body to any other path (the app's own parser) answers 400 invalid_request", async () => {
    const response = await request(service.app)
      .post('/api/v1/incidents')
      .set('Content-Type', 'application/json')
      .send(nestedArrays(100));

    expectTooDeep(response);
    await expectStillServing();
  });

  it(`then exactly ${MAX_JSON_DEPTH} levels still pass the parser, and one more does not`, async () => {
    const check = (levels: number) =>
      request(service.app)
        .post('/api/v1/check')
        .set('Content-Type', 'application/json')
        .send(`{"email":${nestedArrays(levels - 1)}}`);

    expect(nestedDeeperThan(JSON.parse(nestedObjects(MAX_JSON_DEPTH)), MAX_JSON_DEPTH)).toBe(false);
    expect(nestedDeeperThan(JSON.parse(nestedObjects(MAX_JSON_DEPTH + 1)), MAX_JSON_DEPTH)).toBe(true);
    // 32 levels reach the check itself, which refuses an email that is not text.
    const deepest = await check(MAX_JSON_DEPTH);
    expect(deepest.status).toBe(400);
    expect(deepest.body.error.message).toBe('Send a JSON object with an "email" string.');
    expectTooDeep(await check(MAX_JSON_DEPTH + 1));
  });
});
