import request from 'supertest';
import { newStaff, PASSWORD, signedIn, startStaffService, type StaffTestService } from './staff-fixtures';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('staff session lifetime', () => {
  let service: StaffTestService;

  beforeAll(async () => {
    service = await startStaffService();
  });
  afterAll(async () => {
    await service.close();
  });

  it('when a session is used every 29 minutes, then it stays open: the idle timeout rolls', async () => {
    const admin = await newStaff(service.runtime, 'admin');
    const agent = await signedIn(service.app, admin.username);

    for (let step = 0; step < 4; step += 1) {
      service.clock.advance(29 * MINUTE);
      expect((await agent.get('/admin')).status).toBe(200);
    }
  });

  it('when a session is left alone for 30 minutes, then it has ended and the sign-in page says so', async () => {
    const admin = await newStaff(service.runtime, 'admin');
    const agent = await signedIn(service.app, admin.username);

    service.clock.advance(30 * MINUTE);
    const response = await agent.get('/admin');

    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/staff/login?ended=1');
    expect((await agent.get('/staff/login?ended=1&lang=en')).text).toContain('Your session has ended.');
    // Ended for good: going back in time (a second instance with a slower clock) does not revive it.
    service.clock.advance(-30 * MINUTE);
    expect((await agent.get('/admin')).status).toBe(303);
  });

  it('when a busy session reaches 12 hours, then it ends however recently it was used', async () => {
    const admin = await newStaff(service.runtime, 'admin');
    const agent = await signedIn(service.app, admin.username);

    for (let step = 0; step < 24; step += 1) {
      service.clock.advance(29 * MINUTE);
      expect((await agent.get('/admin')).status).toBe(200);
    }
    service.clock.advance(12 * HOUR - 24 * 29 * MINUTE);

    expect((await agent.get('/admin')).status).toBe(303);
  });

  it('when an account is disabled, then its open session stops at the next request, pages and API alike', async () => {
    const admin = await newStaff(service.runtime, 'admin');
    await newStaff(service.runtime, 'admin');
    const pages = await signedIn(service.app, admin.username);
    const api = await signedIn(service.app, admin.username);
    expect((await api.get('/api/v1/admin/incidents')).status).toBe(200);

    await service.runtime.staff.service.setDisabled(admin.id, true);

    expect((await pages.get('/admin')).status).toBe(303);
    expect((await api.get('/api/v1/admin/incidents')).status).toBe(401);
  });

  it('when an account is disabled, then it cannot sign in, with the same message as a wrong password', async () => {
    const admin = await newStaff(service.runtime, 'admin');
    await service.runtime.staff.service.setDisabled(admin.id, true);
    const agent = request.agent(service.app);
    const page = await agent.get('/staff/login?lang=en');

    const response = await agent
      .post('/staff/login')
      .type('form')
      .send({ _csrf: /name="_csrf" value="([^"]+)"/.exec(page.text)![1], username: admin.username, password: PASSWORD });

    expect(response.status).toBe(400);
    expect(response.text).toContain('The username or password is not correct.');
  });

  it('when an account is enabled again, then it can sign in again', async () => {
    const admin = await newStaff(service.runtime, 'admin');
    await service.runtime.staff.service.setDisabled(admin.id, true);
    await service.runtime.staff.service.setDisabled(admin.id, false);

    await expect(signedIn(service.app, admin.username)).resolves.toBeDefined();
  });

  it('when a password is reset, then sessions signed in with the old one end, and the new one signs in', async () => {
    const member = await newStaff(service.runtime, 'support');
    const agent = await signedIn(service.app, member.username);

    await service.runtime.staff.service.resetPassword(member.id, 'a brand new passphrase');

    expect((await agent.get('/support')).status).toBe(303);
    await expect(signedIn(service.app, member.username)).rejects.toThrow();
    await expect(signedIn(service.app, member.username, 'a brand new passphrase')).resolves.toBeDefined();
  });

  it('when an admin is made support, then their open session loses the admin pages at once', async () => {
    const member = await newStaff(service.runtime, 'admin');
    await newStaff(service.runtime, 'admin');
    const agent = await signedIn(service.app, member.username);
    expect((await agent.get('/admin')).status).toBe(200);

    await service.runtime.staff.service.setRole(member.id, 'support');

    expect((await agent.get('/admin')).status).toBe(403);
    expect((await agent.get('/support')).status).toBe(200);
  });
});
