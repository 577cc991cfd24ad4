import { PASSWORD, newStaff, signInWith, signedIn, startStaffService, type StaffTestService } from '../staff/staff-fixtures';
import request from 'supertest';
import { auditEvents, redirectedId, signedInAdmin, submitForm, wholeAuditLog, type AdminBrowser } from './admin-console-fixtures';

const NEW_PASSWORD = 'a brand new passphrase 2026';

describe('admin console: staff management', () => {
  let service: StaffTestService;
  let admin: AdminBrowser;

  beforeAll(async () => {
    service = await startStaffService();
    admin = await signedInAdmin(service);
  });
  afterAll(async () => {
    await service.close();
  });

  let counter = 0;
  function username(): string {
    counter += 1;
    return `new-staff-${counter}-${process.pid}`;
  }

  async function createThroughForm(role: 'admin' | 'support', name = username()): Promise<string> {
    const response = await submitForm(admin.agent, '/admin/staff', {
      username: name,
      displayName: '山田 花子',
      role,
      password: PASSWORD,
      passwordAgain: PASSWORD,
    });
    return redirectedId(response, 'staff');
  }

  describe('when an admin creates an account with the form', () => {
    it('then it exists with that role, can sign in, is listed, and the event names it without the password', async () => {
      const name = username();

      const id = await createThroughForm('support', name);

      expect(await service.runtime.staff.service.get(id)).toMatchObject({ username: name, displayName: '山田 花子', role: 'support', disabled: false });
      expect((await signInWith(request.agent(service.app), name, PASSWORD)).status).toBe(303);
      const roster = await admin.agent.get('/admin/staff?lang=en');
      expect(roster.text).toContain(`href="/admin/staff/${id}"`);
      expect(roster.text).toContain('山田 花子');
      const [event] = await auditEvents(service.runtime, 'staff.create');
      expect(event).toMatchObject({
        actor: { kind: 'staff', staffId: admin.member.id },
        target: { staffId: id },
        details: { username: name, role: 'support' },
      });
      expect(await wholeAuditLog(service.runtime)).not.toContain(PASSWORD);
    });
  });

  describe('when the two passwords of the new account differ', () => {
    it('then 400 says so, keeps the username, never echoes a password, and creates nothing', async () => {
      const name = username();

      const response = await submitForm(admin.agent, '/admin/staff?lang=en', {
        username: name,
        displayName: '',
        role: 'support',
        password: PASSWORD,
        passwordAgain: `${PASSWORD}!`,
      });

      expect(response.status).toBe(400);
      expect(response.text).toContain('The two passwords are not the same.');
      expect(response.text).toContain(`value="${name}"`);
      expect(response.text).not.toContain(PASSWORD);
      expect(await service.runtime.staff.service.getByUsername(name)).toBeNull();
    });
  });

  describe('when the new username is an email address or already taken', () => {
    it('then each is refused with its own message', async () => {
      const taken = username();
      await createThroughForm('support', taken);
      const fields = { displayName: '', role: 'support', password: PASSWORD, passwordAgain: PASSWORD };

      const address = await submitForm(admin.agent, '/admin/staff?lang=en', { ...fields, username: 'someone@example.jp' });
      const twice = await submitForm(admin.agent, '/admin/staff?lang=en', { ...fields, username: taken });

      expect(address.status).toBe(400);
      expect(address.text).toContain('Not an email address.');
      expect(twice.status).toBe(400);
      expect(twice.text).toContain('This username is already taken.');
    });
  });

  describe('when an admin changes another account\'s role', () => {
    it('then the role changes at once and the event says to what', async () => {
      const id = await createThroughForm('support');

      const response = await submitForm(admin.agent, `/admin/staff/${id}`, { role: 'admin' }, `/admin/staff/${id}/role`);

      expect(response.headers.location).toBe(`/admin/staff/${id}?done=roleChanged`);
      expect((await service.runtime.staff.service.get(id))?.role).toBe('admin');
      const [event] = await auditEvents(service.runtime, 'staff.role');
      expect(event).toMatchObject({ target: { staffId: id }, details: { role: 'admin', previousRole: 'support' } });
    });
  });

  describe('when an admin disables an account through its confirmation page', () => {
    it('then that person\'s open session stops at once, they cannot sign in, and enabling lets them back in', async () => {
      const person = await newStaff(service.runtime, 'support');
      const theirBrowser = await signedIn(service.app, person.username);
      expect((await theirBrowser.get('/support')).status).toBe(200);

      const confirmation = await admin.agent.get(`/admin/staff/${person.id}/disable?lang=en`);
      expect(confirmation.text).toContain('their open sessions end at once');
      expect((await service.runtime.staff.service.get(person.id))?.disabled).toBe(false);
      const disabled = await submitForm(admin.agent, `/admin/staff/${person.id}/disable`, {});

      expect(disabled.headers.location).toBe(`/admin/staff/${person.id}?done=disabled`);
      const after = await theirBrowser.get('/support');
      expect(after.status).toBe(303);
      expect(after.headers.location).toBe('/staff/login?ended=1');
      expect((await signInWith(request.agent(service.app), person.username, PASSWORD)).status).toBe(400);
      expect((await auditEvents(service.runtime, 'staff.disable'))[0]?.target).toEqual({ staffId: person.id });

      await submitForm(admin.agent, `/admin/staff/${person.id}/enable`, {});

      expect((await signInWith(request.agent(service.app), person.username, PASSWORD)).status).toBe(303);
      expect((await auditEvents(service.runtime, 'staff.enable'))[0]?.target).toEqual({ staffId: person.id });
    });
  });

  describe('when an admin resets another account\'s password', () => {
    it('then the old password fails, the new one works, their session ends, and no password is in the event', async () => {
      const person = await newStaff(service.runtime, 'support');
      const theirBrowser = await signedIn(service.app, person.username);

      const response = await submitForm(
        admin.agent,
        `/admin/staff/${person.id}`,
        { password: NEW_PASSWORD, passwordAgain: NEW_PASSWORD },
        `/admin/staff/${person.id}/password`,
      );

      expect(response.headers.location).toBe(`/admin/staff/${person.id}?done=passwordReset`);
      expect((await theirBrowser.get('/support')).headers.location).toBe('/staff/login?ended=1');
      expect((await signInWith(request.agent(service.app), person.username, PASSWORD)).status).toBe(400);
      expect((await signInWith(request.agent(service.app), person.username, NEW_PASSWORD)).status).toBe(303);
      const [event] = await auditEvents(service.runtime, 'staff.password_reset');
      expect(event).toMatchObject({ target: { staffId: person.id } });
      expect(event?.details).toBeUndefined();
      const log = await wholeAuditLog(service.runtime);
      expect(log).not.toContain(NEW_PASSWORD);
      expect(log).not.toContain('$argon2');
    });
  });

  describe('when a reset password is too short or typed differently', () => {
    it('then 400 says why and the old password still works', async () => {
      const person = await newStaff(service.runtime, 'support');
      const page = `/admin/staff/${person.id}?lang=en`;

      const short = await submitForm(admin.agent, page, { password: 'short', passwordAgain: 'short' }, `/admin/staff/${person.id}/password`);
      const differ = await submitForm(admin.agent, page, { password: NEW_PASSWORD, passwordAgain: 'x' }, `/admin/staff/${person.id}/password`);

      expect(short.status).toBe(400);
      expect(short.text).toContain('A password is 12 to 256 characters long.');
      expect(differ.status).toBe(400);
      expect(differ.text).toContain('The two passwords are not the same.');
      expect((await signInWith(request.agent(service.app), person.username, PASSWORD)).status).toBe(303);
    });
  });

  describe('when an admin opens their own account', () => {
    it('then it offers neither a role change nor disabling, and forged requests for either are refused with 409', async () => {
      const self = `/admin/staff/${admin.member.id}`;

      const page = await admin.agent.get(`${self}?lang=en`);
      const demote = await submitForm(admin.agent, `${self}?lang=en`, { role: 'support' }, `${self}/role`);
      const disable = await submitForm(admin.agent, `${self}?lang=en`, {}, `${self}/disable`);

      expect(page.text).toContain('This is your own account');
      expect(page.text).not.toContain(`action="${self}/role"`);
      expect(page.text).not.toContain(`href="${self}/disable"`);
      expect(demote.status).toBe(409);
      expect(demote.text).toContain('You cannot change your own role');
      expect(disable.status).toBe(409);
      expect(disable.text).toContain('You cannot disable your own account');
      expect(await service.runtime.staff.service.get(admin.member.id)).toMatchObject({ role: 'admin', disabled: false });
      expect((await admin.agent.get('/admin')).status).toBe(200);
    });
  });

  describe('when the last enabled admin would be disabled or demoted', () => {
    it('then it is refused, and no event is written', async () => {
      // A store of its own: here the admin must be the only one.
      const alone = await startStaffService();
      try {
        const only = await newStaff(alone.runtime, 'admin');
        const actions = alone.runtime.staff.admin.as({ kind: 'break-glass' });

        await expect(actions.setDisabled(only.id, true)).rejects.toMatchObject({ code: 'last_admin', status: 409 });
        await expect(actions.setRole(only.id, 'support')).rejects.toMatchObject({ code: 'last_admin', status: 409 });

        expect(await alone.runtime.staff.service.get(only.id)).toMatchObject({ role: 'admin', disabled: false });
        expect((await alone.runtime.audit.service.query({})).events).toEqual([]);
      } finally {
        await alone.close();
      }
    });
  });
});
