import request from 'supertest';
import { signedIn, startStaffService, type StaffTestService } from './staff-fixtures';

describe('staff sign-in in demo mode (no Redis)', () => {
  let service: StaffTestService;

  beforeAll(async () => {
    service = await startStaffService({ store: 'memory' });
  });
  afterAll(async () => {
    await service.close();
  });

  it('when the demo starts, then demo-admin and demo-support exist with random passwords of this run', async () => {
    const credentials = service.runtime.demoStaff;

    expect(credentials.map(({ username, role }) => [username, role])).toEqual([
      ['demo-admin', 'admin'],
      ['demo-support', 'support'],
    ]);
    expect(credentials[0]!.password).not.toBe(credentials[1]!.password);
    expect(credentials.every(({ password }) => password.length >= 12)).toBe(true);
  });

  it('when demo-admin signs in with the printed password, then the admin console opens, and demo-support gets the support one', async () => {
    const [adminLogin, supportLogin] = service.runtime.demoStaff;
    const admin = await signedIn(service.app, adminLogin!.username, adminLogin!.password);
    const support = await signedIn(service.app, supportLogin!.username, supportLogin!.password);

    expect((await admin.get('/admin')).status).toBe(200);
    expect((await support.get('/admin')).status).toBe(403);
    expect((await support.get('/support')).status).toBe(200);
  });

  it('when the sign-in page is shown in demo mode, then it says where the passwords are', async () => {
    const page = await request(service.app).get('/staff/login?lang=en');

    expect(page.text).toContain('printed in the server log at start');
  });

  it('when demo-admin makes an API token, then it opens the admin API and stops once revoked', async () => {
    const admin = await service.runtime.staff.service.getByUsername('demo-admin');
    const created = await service.runtime.tokens.service.createToken(admin!.id, 'demo');
    const call = () => request(service.app).get('/api/v1/admin/incidents').set('Authorization', `Bearer ${created.token}`);

    expect((await call()).status).toBe(200);
    await service.runtime.tokens.service.revokeToken(admin!.id, created.record.id);
    expect((await call()).status).toBe(401);
  });
});
