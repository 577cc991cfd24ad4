import request from 'supertest';
import type { AuditEvent } from '../../src/audit/audit-event';
import { csrfFor, newStaff, PASSWORD, signedIn, signInWith, startStaffService, type StaffTestService } from '../staff/staff-fixtures';

/** Sign-ins are staff actions too: who came in, who tried and failed, who left. */
describe('when staff sign in and out', () => {
  let service: StaffTestService;

  beforeAll(async () => {
    service = await startStaffService();
  });
  afterAll(async () => {
    await service.close();
  });

  const eventsOf = async (action: AuditEvent['action']): Promise<AuditEvent[]> =>
    (await service.runtime.audit.service.query({ action })).events;

  it('then a sign-in and a sign-out are recorded with the staff member as actor', async () => {
    const member = await newStaff(service.runtime, 'support');
    const agent = await signedIn(service.app, member.username);
    const csrf = await csrfFor(agent);
    const out = await agent.post('/staff/logout').type('form').send({ _csrf: csrf });
    expect(out.status).toBe(303);

    const [login] = (await eventsOf('staff.login')).filter((event) => 'staffId' in event.actor && event.actor.staffId === member.id);
    const [logout] = (await eventsOf('staff.logout')).filter((event) => 'staffId' in event.actor && event.actor.staffId === member.id);
    expect(login?.actor).toEqual({ kind: 'staff', staffId: member.id, username: member.username, role: 'support' });
    expect(logout?.actor).toEqual(login?.actor);
  });

  it('then a wrong password is recorded as a failed sign-in naming the account, and never the password', async () => {
    const member = await newStaff(service.runtime, 'admin');
    const response = await signInWith(request.agent(service.app), member.username, `${PASSWORD}-wrong`);
    expect(response.status).toBe(400);

    const failed = (await service.runtime.audit.service.query({ action: 'staff.login_failed', actorUsername: member.username })).events;
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      actor: { kind: 'unauthenticated', username: member.username },
      target: { staffId: member.id },
      details: { reason: 'wrong_password' },
    });
    expect(JSON.stringify(failed[0])).not.toContain(PASSWORD);
  });

  it('then an address typed as the username is recorded without it', async () => {
    const typed = 'taro.yamada@example.jp';
    const response = await signInWith(request.agent(service.app), typed, PASSWORD);
    expect(response.status).toBe(400);

    const failed = (await eventsOf('staff.login_failed')).filter((event) => event.details?.reason === 'unknown_user');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.at(0)?.actor).toEqual({ kind: 'unauthenticated' });
    expect(JSON.stringify(failed)).not.toMatch(/taro|yamada|example\.jp/);
  });
});
