import request from 'supertest';
import { argon2idOf } from '../../src/hashing/list-entry';
import { normalizeEmail } from '../../src/hashing/normalize-email';
import { startStaffService, type StaffTestService } from '../staff/staff-fixtures';
import { auditEvents, EXPOSURE_FORM, INCIDENT_FORM, redirectedId, signedInAdmin, submitForm, type AdminBrowser } from './admin-console-fixtures';

const ALICE = 'alice@example.jp';
const BOB = 'Bob@Example.JP';
const CAROL = 'carol@example.com';

describe('admin console: the exposure\'s hashed list', () => {
  let service: StaffTestService;
  let admin: AdminBrowser;

  beforeAll(async () => {
    service = await startStaffService();
    admin = await signedInAdmin(service);
  });
  afterAll(async () => {
    await service.close();
  });

  /** One list row as npm run hash-list writes it, hashed with the server's profile. */
  async function row(address: string): Promise<string> {
    return (await argon2idOf(normalizeEmail(address), service.runtime.hashing.profile)).toString('hex');
  }

  async function listFile(...addresses: string[]): Promise<string> {
    const rows = await Promise.all(addresses.map(row));
    return `# profile: ${service.runtime.hashing.profile.id}\n${rows.join('\n')}\n`;
  }

  async function newExposure(): Promise<string> {
    const incidentId = redirectedId(await submitForm(admin.agent, '/admin/incidents', INCIDENT_FORM), 'incidents');
    const created = await submitForm(admin.agent, `/admin/incidents/${incidentId}`, EXPOSURE_FORM, `/admin/incidents/${incidentId}/exposures`);
    return redirectedId(created, 'exposures');
  }

  /** The CSRF token the page hands its upload script. */
  async function uploadToken(exposureId: string): Promise<string> {
    const page = await admin.agent.get(`/admin/exposures/${exposureId}`);
    const token = /data-csrf="([^"]+)"/.exec(page.text)?.[1];
    if (token === undefined) throw new Error('no upload form on the exposure page');
    return token;
  }

  /** What the page's script sends: the file as text/plain, the session cookie and the X-CSRF-Token header. */
  function upload(exposureId: string, body: string, token: string | undefined, contentType = 'text/plain') {
    const put = admin.agent.put(`/admin/exposures/${exposureId}/list`).set('Content-Type', contentType).set('Accept', 'application/json');
    return (token === undefined ? put : put.set('X-CSRF-Token', token)).send(body);
  }

  async function affectedBy(address: string): Promise<string[]> {
    const response = await request(service.app).post('/api/v1/check').send({ email: address });
    expect(response.status).toBe(200);
    return (response.body.exposures as { id: string }[]).map((exposure) => exposure.id);
  }

  describe('when the exposure page is opened', () => {
    it('then it offers the upload form to its script, says what to do without JavaScript, and loads the script from a file', async () => {
      const exposureId = await newExposure();

      const page = await admin.agent.get(`/admin/exposures/${exposureId}?lang=en`);

      expect(page.text).toContain(`data-url="/admin/exposures/${exposureId}/list"`);
      expect(page.text).toMatch(/<form id="list-upload" class="upload-form" hidden/);
      expect(page.text).toContain('Uploading from this page needs JavaScript. Without it, load the list with npm run load-list');
      expect(page.text).toContain('<script src="/static/list-upload.js" defer></script>');
      expect(page.text).toContain('<progress id="list-progress"');
      expect(page.text).toContain('aria-live="polite"');
      expect(page.text).toContain('No list is loaded');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect((await request(service.app).get('/static/list-upload.js')).status).toBe(200);
    });
  });

  describe('when an admin uploads a list file with the session and the CSRF header, then publishes', () => {
    it('then the summary comes back, the page shows the live list, and the exposure answers checks', async () => {
      const exposureId = await newExposure();

      const response = await upload(exposureId, await listFile(ALICE, BOB, ALICE), await uploadToken(exposureId));

      expect(response.status).toBe(200);
      expect(response.body).toEqual({ records: 2, duplicates: 1, version: 1 });
      const page = await admin.agent.get(`/admin/exposures/${exposureId}?lang=en`);
      expect(page.text).toContain('Version 1, 2 rows');
      expect(page.text).toContain(`<code>${service.runtime.hashing.profile.id}</code> (the current profile)`);
      expect(page.text).toContain(`href="/admin/exposures/${exposureId}/list/delete"`);
      expect(await affectedBy(ALICE)).not.toContain(exposureId);

      await submitForm(admin.agent, `/admin/exposures/${exposureId}`, {}, `/admin/exposures/${exposureId}/publish`);

      expect(await affectedBy(ALICE)).toContain(exposureId);
      expect(await affectedBy('ｂｏｂ＠ｅｘａｍｐｌｅ．ｊｐ')).toContain(exposureId);
      expect(await affectedBy(CAROL)).not.toContain(exposureId);
      const [event] = await auditEvents(service.runtime, 'list.upload');
      expect(event).toMatchObject({
        actor: { kind: 'staff', staffId: admin.member.id },
        target: { exposureId },
        details: { version: 1, records: 2, duplicates: 1 },
      });
    });
  });

  describe('when the upload carries no CSRF header', () => {
    it('then it is refused with 403 JSON and no list is loaded', async () => {
      const exposureId = await newExposure();

      const response = await upload(exposureId, await listFile(ALICE), undefined);

      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('csrf_rejected');
      expect((await service.runtime.catalog.admin.getExposure(exposureId)).list).toBeNull();
    });
  });

  describe('when the upload carries another session\'s CSRF token', () => {
    it('then it is refused with 403 and no list is loaded', async () => {
      const exposureId = await newExposure();
      const other = await signedInAdmin(service);
      const othersToken = /data-csrf="([^"]+)"/.exec((await other.agent.get(`/admin/exposures/${exposureId}`)).text)?.[1];

      const response = await upload(exposureId, await listFile(ALICE), othersToken);

      expect(response.status).toBe(403);
      expect((await service.runtime.catalog.admin.getExposure(exposureId)).list).toBeNull();
    });
  });

  describe('when the uploaded file has bad lines', () => {
    it('then the answer is 400 invalid_list naming the lines, and the live list keeps answering', async () => {
      const exposureId = await newExposure();
      const token = await uploadToken(exposureId);
      await upload(exposureId, await listFile(ALICE), token);
      await submitForm(admin.agent, `/admin/exposures/${exposureId}`, {}, `/admin/exposures/${exposureId}/publish`);

      const response = await upload(exposureId, `${await row(BOB)}\nnot a row\n${await row(CAROL)}\nalso bad\n`, token);

      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('invalid_list');
      expect(response.body.error.message).toContain('line 2, 4');
      // For the page's script, which says it in the page's language.
      expect(response.body.error.params).toEqual({ count: 2, lines: [2, 4] });
      expect((await service.runtime.catalog.admin.getExposure(exposureId)).list).toMatchObject({ version: 1, records: 1 });
      expect(await affectedBy(ALICE)).toContain(exposureId);
      expect(await affectedBy(BOB)).not.toContain(exposureId);
    });
  });

  describe('when the upload is not text/plain', () => {
    it('then it is refused with 415 before anything is read', async () => {
      const exposureId = await newExposure();

      const response = await upload(exposureId, await listFile(ALICE), await uploadToken(exposureId), 'application/octet-stream');

      expect(response.status).toBe(415);
      expect((await service.runtime.catalog.admin.getExposure(exposureId)).list).toBeNull();
    });
  });

  describe('when an admin deletes the list', () => {
    it('then the confirmation page erases nothing, its POST erases every row, and checks no longer find the address', async () => {
      const exposureId = await newExposure();
      await upload(exposureId, await listFile(ALICE, BOB), await uploadToken(exposureId));
      await submitForm(admin.agent, `/admin/exposures/${exposureId}`, {}, `/admin/exposures/${exposureId}/publish`);

      const confirmation = await admin.agent.get(`/admin/exposures/${exposureId}/list/delete?lang=en`);

      expect(confirmation.status).toBe(200);
      expect(confirmation.text).toContain('Every row (2) of every version of this list is erased');
      expect(confirmation.text).toContain('This cannot be undone.');
      expect(confirmation.text).toContain(`action="/admin/exposures/${exposureId}/list/delete"`);
      expect(await affectedBy(ALICE)).toContain(exposureId);

      const erased = await submitForm(admin.agent, `/admin/exposures/${exposureId}/list/delete`, {});

      expect(erased.status).toBe(303);
      expect(erased.headers.location).toBe(`/admin/exposures/${exposureId}?done=listDeleted`);
      expect((await service.runtime.catalog.admin.getExposure(exposureId)).list).toBeNull();
      expect(await affectedBy(ALICE)).not.toContain(exposureId);
      const [event] = await auditEvents(service.runtime, 'list.delete');
      expect(event?.target).toEqual({ exposureId });
      const page = await admin.agent.get(`${erased.headers.location}&lang=en`);
      expect(page.text).toContain('The hashed list was deleted');
      expect(page.text).toContain('No list is loaded');
    });
  });

  describe('when the list deletion is posted without the form\'s CSRF token', () => {
    it('then it is refused with 403 and the list stays', async () => {
      const exposureId = await newExposure();
      await upload(exposureId, await listFile(ALICE), await uploadToken(exposureId));

      const response = await admin.agent.post(`/admin/exposures/${exposureId}/list/delete`).type('form').send('');

      expect(response.status).toBe(403);
      expect((await service.runtime.catalog.admin.getExposure(exposureId)).list).not.toBeNull();
    });
  });

  describe('when an exposure with a list is deleted', () => {
    it('then its confirmation names the rows that go with it', async () => {
      const exposureId = await newExposure();
      await upload(exposureId, await listFile(ALICE, BOB, CAROL), await uploadToken(exposureId));

      const confirmation = await admin.agent.get(`/admin/exposures/${exposureId}/delete?lang=en`);

      expect(confirmation.text).toContain('its hashed list (3 rows, every version) are erased');
    });
  });
});
