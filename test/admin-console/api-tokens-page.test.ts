import request from 'supertest';
import { startStaffService, type StaffTestService } from '../staff/staff-fixtures';
import { auditEvents, signedInAdmin, submitForm, wholeAuditLog, type AdminBrowser } from './admin-console-fixtures';

const SECRET = /xct_[A-Za-z0-9_-]{43}/g;

describe('admin console: API tokens', () => {
  let service: StaffTestService;
  let admin: AdminBrowser;

  beforeAll(async () => {
    service = await startStaffService();
    admin = await signedInAdmin(service);
  });
  afterAll(async () => {
    await service.close();
  });

  async function createToken(label: string): Promise<{ secret: string; page: request.Response }> {
    const page = await submitForm(admin.agent, '/admin/tokens?lang=en', { label });
    expect(page.status).toBe(201);
    const secret = page.text.match(SECRET)?.[0];
    if (secret === undefined) throw new Error('no token on the answer page');
    return { secret, page };
  }

  function adminApi(secret: string) {
    return request(service.app).get('/api/v1/admin/incidents').set('Authorization', `Bearer ${secret}`);
  }

  describe('when an admin creates a token', () => {
    it('then the answer shows the secret once, with the load-list usage, and the token opens the admin API', async () => {
      const { secret, page } = await createToken('load-list on the hashing laptop');

      expect(page.text).toContain('it is shown only this once');
      expect(page.text).toContain(`export EXPOSURE_CHECK_TOKEN=${secret}`);
      expect(page.text).toMatch(/npm run -s load-list -- --server http:\/\/127\.0\.0\.1:\d+ --exposure EXPOSURE_ID --publish list\.txt/);
      expect(page.headers['cache-control']).toContain('no-store');
      expect((await adminApi(secret)).status).toBe(200);
    });
  });

  describe('when the tokens page is opened after a token was made', () => {
    it('then it lists the token by its label and never shows its secret again', async () => {
      const { secret } = await createToken('listed token');

      const list = await admin.agent.get('/admin/tokens?lang=en');

      expect(list.text).toContain('listed token');
      expect(list.text).not.toContain(secret);
      expect(list.text.match(SECRET)).toBeNull();
    });
  });

  describe('when a token is used and the page is opened again', () => {
    it('then it says when the token was last used instead of never', async () => {
      const { secret } = await createToken('used token');
      const unused = await admin.agent.get('/admin/tokens?lang=en');
      expect(unused.text).toMatch(/used token<\/td>\s*<td[^>]*>[^<]+<\/td>\s*<td[^>]*>Never<\/td>/);

      expect((await adminApi(secret)).status).toBe(200);

      const used = await admin.agent.get('/admin/tokens?lang=en');
      expect(used.text).toMatch(/used token<\/td>\s*<td[^>]*>[^<]+<\/td>\s*<td[^>]*>[^<]+\(Japan time\)<\/td>/);
    });
  });

  describe('when an admin revokes a token through its confirmation page', () => {
    it('then the token stops working at once, the list says revoked, and both changes are audited without the secret', async () => {
      const { secret } = await createToken('to be revoked');
      const created = (await auditEvents(service.runtime, 'token.create'))[0];
      const tokenId = created?.target?.tokenId;
      expect(created).toMatchObject({ actor: { staffId: admin.member.id }, details: { label: 'to be revoked' } });
      expect(tokenId).toBeDefined();

      const confirmation = await admin.agent.get(`/admin/tokens/${tokenId}/revoke?lang=en`);
      expect(confirmation.text).toContain('Scripts that use it stop working at once.');
      expect((await adminApi(secret)).status).toBe(200);
      const revoked = await submitForm(admin.agent, `/admin/tokens/${tokenId}/revoke`, {});

      expect(revoked.headers.location).toBe('/admin/tokens?done=tokenRevoked');
      expect((await adminApi(secret)).status).toBe(401);
      const list = await admin.agent.get('/admin/tokens?lang=en');
      expect(list.text).toContain('Revoked');
      expect(list.text).not.toContain(`href="/admin/tokens/${tokenId}/revoke"`);
      expect((await auditEvents(service.runtime, 'token.revoke'))[0]?.target).toEqual({ staffId: admin.member.id, tokenId });
      expect(await wholeAuditLog(service.runtime)).not.toMatch(SECRET);
    });
  });

  describe('when the revocation is sent twice', () => {
    it('then the confirmation page is skipped, the second POST changes nothing and writes no second event', async () => {
      await createToken('revoked twice');
      const tokenId = (await auditEvents(service.runtime, 'token.create'))[0]?.target?.tokenId;
      await submitForm(admin.agent, `/admin/tokens/${tokenId}/revoke`, {});
      const eventsBefore = (await auditEvents(service.runtime, 'token.revoke')).length;

      const confirmation = await admin.agent.get(`/admin/tokens/${tokenId}/revoke`);
      const again = await submitForm(admin.agent, '/admin/tokens', {}, `/admin/tokens/${tokenId}/revoke`);

      expect(confirmation.status).toBe(303);
      expect(confirmation.headers.location).toBe('/admin/tokens');
      expect(again.status).toBe(303);

      expect((await auditEvents(service.runtime, 'token.revoke')).length).toBe(eventsBefore);
    });
  });

  describe('when another admin opens the tokens page or a revocation link', () => {
    it('then they see none of the first admin\'s tokens and cannot revoke them', async () => {
      const { secret } = await createToken('not yours');
      const tokenId = (await auditEvents(service.runtime, 'token.create'))[0]?.target?.tokenId;
      const other = await signedInAdmin(service);

      const list = await other.agent.get('/admin/tokens?lang=en');
      const confirmation = await other.agent.get(`/admin/tokens/${tokenId}/revoke`);
      const revoke = await submitForm(other.agent, '/admin/tokens', {}, `/admin/tokens/${tokenId}/revoke`);

      expect(list.text).not.toContain('not yours');
      expect(list.text).toContain('You have no API tokens.');
      expect(confirmation.status).toBe(404);
      expect(revoke.status).toBe(404);
      expect((await adminApi(secret)).status).toBe(200);
    });
  });

  describe('when the label holds a character the audit log refuses (a zero-width space)', () => {
    it('then the token is still made and audited, without its label', async () => {
      const { secret } = await createToken('laptop\u200bhome');

      const [event] = await auditEvents(service.runtime, 'token.create');

      expect((await adminApi(secret)).status).toBe(200);
      expect(event?.target?.staffId).toBe(admin.member.id);
      expect(event?.details).toBeUndefined();
    });
  });

  describe('when the label holds an @, in any width', () => {
    it('then 400, like an empty label, and no token is made', async () => {
      const before = (await service.runtime.tokens.service.listTokens(admin.member.id)).length;

      const response = await submitForm(admin.agent, '/admin/tokens?lang=en', { label: 'laptop＠home' });

      expect(response.status).toBe(400);
      expect(response.text.match(SECRET)).toBeNull();
      expect((await service.runtime.tokens.service.listTokens(admin.member.id)).length).toBe(before);
    });
  });

  describe('when the label is empty', () => {
    it('then 400 says what a label is and no token is made', async () => {
      const before = (await service.runtime.tokens.service.listTokens(admin.member.id)).length;

      const response = await submitForm(admin.agent, '/admin/tokens?lang=en', { label: '   ' });

      expect(response.status).toBe(400);
      expect(response.text).toContain('A label is 1 to 100 characters');
      expect(response.text.match(SECRET)).toBeNull();
      expect((await service.runtime.tokens.service.listTokens(admin.member.id)).length).toBe(before);
    });
  });
});
