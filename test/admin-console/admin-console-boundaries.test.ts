import request from 'supertest';
import type { StaffMember } from '../../src/actor/staff-member';
import { csrfFor, newStaff, signedIn, startStaffService, type StaffTestService } from '../staff/staff-fixtures';
import { wholeAuditLog } from './admin-console-fixtures';

describe('admin console: only admins get in', () => {
  let service: StaffTestService;
  let support: StaffMember;
  let admin: StaffMember;
  let incidentId: string;
  let exposureId: string;
  let tokenId: string;

  beforeAll(async () => {
    service = await startStaffService();
    support = await newStaff(service.runtime, 'support');
    admin = await newStaff(service.runtime, 'admin');
    const actions = service.runtime.catalog.audited.as({ kind: 'break-glass' });
    incidentId = (await actions.createIncident({ organization: 'Example Motors', title: 'Breach' })).id;
    exposureId = (await actions.createExposure(incidentId, { title: 'Sign-ups', dataExposed: ['email_address'] })).id;
    tokenId = (await service.runtime.tokens.service.createToken(admin.id, 'load-list')).record.id;
  });
  afterAll(async () => {
    await service.close();
  });

  const pages = () => [
    '/admin',
    '/admin/incidents',
    `/admin/incidents/${incidentId}`,
    `/admin/incidents/${incidentId}/delete`,
    `/admin/exposures/${exposureId}`,
    `/admin/exposures/${exposureId}/delete`,
    `/admin/exposures/${exposureId}/list/delete`,
    '/admin/staff',
    `/admin/staff/${admin.id}`,
    `/admin/staff/${admin.id}/disable`,
    `/admin/staff/${admin.id}/enable`,
    '/admin/tokens',
    `/admin/tokens/${tokenId}/revoke`,
  ];

  const forms = () => [
    '/admin/incidents',
    `/admin/incidents/${incidentId}`,
    `/admin/incidents/${incidentId}/exposures`,
    `/admin/incidents/${incidentId}/delete`,
    `/admin/exposures/${exposureId}`,
    `/admin/exposures/${exposureId}/publish`,
    `/admin/exposures/${exposureId}/unpublish`,
    `/admin/exposures/${exposureId}/delete`,
    `/admin/exposures/${exposureId}/list/delete`,
    '/admin/staff',
    `/admin/staff/${admin.id}/role`,
    `/admin/staff/${admin.id}/disable`,
    `/admin/staff/${admin.id}/password`,
    '/admin/tokens',
    `/admin/tokens/${tokenId}/revoke`,
  ];

  it('when support staff open any admin console page, then each is the 403 page', async () => {
    const agent = await signedIn(service.app, support.username);

    for (const path of pages()) {
      const response = await agent.get(`${path}?lang=en`);
      expect([path, response.status]).toEqual([path, 403]);
      expect(response.text).toContain('Not allowed');
    }
  });

  it('when support staff send any admin console form with a valid CSRF token, then each is 403 and nothing changes', async () => {
    const agent = await signedIn(service.app, support.username);
    const token = await csrfFor(agent);
    const logBefore = await wholeAuditLog(service.runtime);

    for (const path of forms()) {
      const response = await agent
        .post(path)
        .type('form')
        .send({ _csrf: token, organization_en: 'x', title_en: 'y', dataExposed: 'name', role: 'admin', password: 'p'.repeat(20), passwordAgain: 'p'.repeat(20), label: 'z' });
      expect([path, response.status]).toEqual([path, 403]);
    }

    expect(await service.runtime.catalog.admin.listIncidents()).toHaveLength(1);
    expect((await service.runtime.catalog.admin.getExposure(exposureId)).published).toBe(false);
    expect((await service.runtime.staff.service.get(admin.id))?.role).toBe('admin');
    expect((await service.runtime.tokens.service.listTokens(admin.id))[0]?.revokedAt).toBeUndefined();
    expect(await wholeAuditLog(service.runtime)).toBe(logBefore);
  });

  it('when support staff PUT a list with their session and CSRF header, then it is 403 JSON and no list is loaded', async () => {
    const agent = await signedIn(service.app, support.username);
    const token = await csrfFor(agent);

    const response = await agent
      .put(`/admin/exposures/${exposureId}/list`)
      .set('Content-Type', 'text/plain')
      .set('Accept', 'application/json')
      .set('X-CSRF-Token', token)
      .send(`${'ab'.repeat(32)}\n`);

    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('forbidden');
    expect((await service.runtime.catalog.admin.getExposure(exposureId)).list).toBeNull();
  });

  it('when the list is PUT by nobody signed in, then it is refused (no session, so no CSRF token) and no list is loaded', async () => {
    const response = await request(service.app)
      .put(`/admin/exposures/${exposureId}/list`)
      .set('Content-Type', 'text/plain')
      .send(`${'ab'.repeat(32)}\n`);

    expect(response.status).toBe(403);
    expect((await service.runtime.catalog.admin.getExposure(exposureId)).list).toBeNull();
  });
});
