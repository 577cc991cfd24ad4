import request from 'supertest';
import type { AuditEvent } from '../../src/audit/audit-event';
import type { Actor } from '../../src/actor/actor';
import type { StaffMember } from '../../src/actor/staff-member';
import { newStaff, signedIn, startStaffService, type StaffTestService } from '../staff/staff-fixtures';

const NEW_PASSWORD = 'a brand new passphrase 2026';

/** A password reset, a role change and a disabling revoke the account's API tokens. */
describe("an admin's change to another admin's account", () => {
  let service: StaffTestService;

  beforeAll(async () => {
    service = await startStaffService();
  });
  afterAll(async () => {
    await service.close();
  });

  const adminApi = (token: string) => request(service.app).get('/api/v1/admin/incidents').set('Authorization', `Bearer ${token}`);
  const actorOf = (member: StaffMember): Actor => ({ kind: 'staff', staffId: member.id, username: member.username, role: 'admin' });

  /** Admin A (acting) and admin B, who holds a working token. */
  async function adminWithToken(): Promise<{ a: StaffMember; b: StaffMember; token: string; tokenId: string; aToken: string }> {
    const a = await newStaff(service.runtime, 'admin');
    const b = await newStaff(service.runtime, 'admin');
    const created = await service.runtime.tokens.service.createToken(b.id, 'load-list on the batch server');
    const own = await service.runtime.tokens.service.createToken(a.id, 'the acting admin own');
    expect((await adminApi(created.token)).status).toBe(200);
    return { a, b, token: created.token, tokenId: created.record.id, aToken: own.token };
  }

  async function revocationsOf(staffId: string): Promise<AuditEvent[]> {
    const { events } = await service.runtime.audit.service.query({ action: 'token.revoke', limit: 500 });
    return events.filter((event) => event.target?.staffId === staffId);
  }

  describe.each([
    ['resets B\'s password', 'staff.password_reset', (actions: Actions, id: string) => actions.resetPassword(id, NEW_PASSWORD)],
    ['makes B support', 'staff.role', (actions: Actions, id: string) => actions.setRole(id, 'support')],
    ['disables B', 'staff.disable', (actions: Actions, id: string) => actions.setDisabled(id, true)],
  ])('when admin A %s', (_change, reason, change) => {
    it("then B's token answers 401 at once, the token is listed as revoked, and the revocation is audited as A's", async () => {
      const { a, b, token, tokenId, aToken } = await adminWithToken();

      await change(service.runtime.staff.admin.as(actorOf(a)), b.id);

      const refused = await adminApi(token);
      expect(refused.status).toBe(401);
      expect(refused.body.error.code).toBe('unauthorized');
      expect((await service.runtime.tokens.service.listTokens(b.id))[0]).toMatchObject({
        id: tokenId,
        revokedAt: service.clock.now().toISOString(),
      });
      expect(await revocationsOf(b.id)).toEqual([
        expect.objectContaining({
          actor: expect.objectContaining({ kind: 'staff', staffId: a.id }),
          action: 'token.revoke',
          target: { staffId: b.id, tokenId },
          details: { reason },
        }),
      ]);
      // Only the account's tokens: the acting admin's own keep working.
      expect((await adminApi(aToken)).status).toBe(200);
    });
  });

  it('when B is made support and then admin again, then the revoked token stays revoked', async () => {
    const { a, b, token } = await adminWithToken();
    const actions = service.runtime.staff.admin.as(actorOf(a));

    await actions.setRole(b.id, 'support');
    await actions.setRole(b.id, 'admin');

    expect((await adminApi(token)).status).toBe(401);
  });

  it('when B is disabled and then enabled again, then the revoked token stays revoked', async () => {
    const { a, b, token } = await adminWithToken();
    const actions = service.runtime.staff.admin.as(actorOf(a));

    await actions.setDisabled(b.id, true);
    await actions.setDisabled(b.id, false);

    expect((await adminApi(token)).status).toBe(401);
  });

  it("when a password reset is refused (a password too short), then B's token keeps working and nothing is revoked", async () => {
    const { a, b, token } = await adminWithToken();

    await expect(service.runtime.staff.admin.as(actorOf(a)).resetPassword(b.id, 'short')).rejects.toMatchObject({ status: 400 });

    expect((await adminApi(token)).status).toBe(200);
    expect(await revocationsOf(b.id)).toEqual([]);
  });

  it("when admin A opens B's account page, then B's tokens are listed, and after A resets B's password as revoked", async () => {
    const { a, b } = await adminWithToken();
    const browser = await signedIn(service.app, a.username);

    const before = await browser.get(`/admin/staff/${b.id}?lang=en`);
    await service.runtime.staff.admin.as(actorOf(a)).resetPassword(b.id, NEW_PASSWORD);
    const after = await browser.get(`/admin/staff/${b.id}?lang=en`);

    expect(before.status).toBe(200);
    expect(before.text).toContain('API tokens of this account');
    expect(before.text).toContain('load-list on the batch server');
    expect(before.text).toMatch(/state-on">Active</);
    // Listed only: revoking one by one stays with the owner.
    expect(before.text).not.toContain('/revoke');
    expect(after.text).toContain('load-list on the batch server');
    expect(after.text).toMatch(/state-off">Revoked /);
    expect(after.text).not.toMatch(/state-on">Active</);
    // A's own token is not on B's page.
    expect(after.text).not.toContain('the acting admin own');
  });

  it("when B is set to the role B already has (admin), then B's token keeps working", async () => {
    const { a, b, token } = await adminWithToken();

    await service.runtime.staff.admin.as(actorOf(a)).setRole(b.id, 'admin');

    expect((await adminApi(token)).status).toBe(200);
  });
});

type Actions = ReturnType<StaffTestService['runtime']['staff']['admin']['as']>;
