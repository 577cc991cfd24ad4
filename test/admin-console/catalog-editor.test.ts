import { startStaffService, type StaffTestService } from '../staff/staff-fixtures';
import {
  auditEvents,
  EXPOSURE_FORM,
  INCIDENT_FORM,
  redirectedId,
  signedInAdmin,
  submitForm,
  type AdminBrowser,
} from './admin-console-fixtures';

describe('admin console: editing incidents and exposures through the forms', () => {
  let service: StaffTestService;
  let admin: AdminBrowser;

  beforeAll(async () => {
    service = await startStaffService();
    admin = await signedInAdmin(service);
  });
  afterAll(async () => {
    await service.close();
  });

  async function newIncident(fields: Record<string, string> = {}): Promise<string> {
    const response = await submitForm(admin.agent, '/admin/incidents', { ...INCIDENT_FORM, ...fields });
    return redirectedId(response, 'incidents');
  }

  async function newExposure(incidentId: string, fields: Record<string, string | string[]> = {}): Promise<string> {
    const response = await submitForm(
      admin.agent,
      `/admin/incidents/${incidentId}`,
      { ...EXPOSURE_FORM, ...fields },
      `/admin/incidents/${incidentId}/exposures`,
    );
    return redirectedId(response, 'exposures');
  }

  describe('when an admin fills in the new-incident form in both languages', () => {
    it('then the incident is stored as typed, audited as the admin, and its page says it was created', async () => {
      const response = await submitForm(admin.agent, '/admin/incidents', {
        ...INCIDENT_FORM,
        summary_ja: '顧客情報が閲覧された可能性があります。',
        summary_en: 'Customer records may have been viewed.',
        attackFrom: '2026-10-01',
        attackTo: '2026-10-20',
        announcedOn: '2026-11-02',
        sources: 'https://example.jp/news/1\n\nhttps://example.jp/news/2\n',
        status: 'investigating',
      });

      const id = redirectedId(response, 'incidents');
      expect(response.headers.location).toBe(`/admin/incidents/${id}?done=incidentCreated`);
      expect(await service.runtime.catalog.admin.getIncident(id)).toMatchObject({
        organization: { ja: '例モーターズ株式会社', en: 'Example Motors' },
        title: { ja: 'ウェブサイトへの不正アクセス', en: 'Unauthorized access to the website' },
        summary: { ja: '顧客情報が閲覧された可能性があります。', en: 'Customer records may have been viewed.' },
        attackWindow: { from: '2026-10-01', to: '2026-10-20' },
        announcedOn: '2026-11-02',
        sources: ['https://example.jp/news/1', 'https://example.jp/news/2'],
        status: 'investigating',
      });
      const [event] = await auditEvents(service.runtime, 'incident.create');
      expect(event).toMatchObject({ actor: { kind: 'staff', staffId: admin.member.id }, target: { incidentId: id } });
      const page = await admin.agent.get(`${response.headers.location}&lang=en`);
      expect(page.text).toContain('The incident was created.');
      expect(page.text).toContain('Unauthorized access to the website');
    });
  });

  describe('when the new-incident form has no organization in either language', () => {
    it('then the form comes back with 400, the field marked, and what was typed kept; nothing is stored', async () => {
      const before = (await service.runtime.catalog.admin.listIncidents()).length;

      const response = await submitForm(admin.agent, '/admin/incidents?lang=en', {
        ...INCIDENT_FORM,
        organization_ja: '',
        organization_en: '',
        title_en: 'A title worth keeping',
        sources: 'https://example.jp/kept',
      });

      expect(response.status).toBe(400);
      expect(response.text).toContain('Nothing was saved.');
      expect(response.text).toContain('id="new-organization-error"');
      expect(response.text).toContain('href="#new-organization-group"');
      expect(response.text).toMatch(/id="new-organization_en"[^>]*aria-invalid="true"/);
      expect(response.text).toContain('Enter the organization&#39;s name in Japanese, English or both');
      expect(response.text).toContain('value="A title worth keeping"');
      expect(response.text).toContain('https://example.jp/kept</textarea>');
      expect((await service.runtime.catalog.admin.listIncidents()).length).toBe(before);
    });
  });

  describe('when an incident is edited with an end date before its start', () => {
    it('then the page answers 400 in Japanese with the window marked, and the stored incident is unchanged', async () => {
      const id = await newIncident();

      const response = await submitForm(admin.agent, `/admin/incidents/${id}?lang=ja`, {
        ...INCIDENT_FORM,
        attackFrom: '2026-10-20',
        attackTo: '2026-10-01',
      });

      expect(response.status).toBe(400);
      expect(response.text).toContain('保存されていません。');
      expect(response.text).toContain('id="incident-attackWindow-error"');
      expect(response.text).toContain('value="2026-10-20"');
      expect((await service.runtime.catalog.admin.getIncident(id)).attackWindow).toBeUndefined();
    });
  });

  describe('when an incident is edited and a text is emptied', () => {
    it('then the change is saved, the emptied text is gone, and an update event is written', async () => {
      const id = await newIncident({ summary_en: 'To be removed', announcedOn: '2026-11-02' });

      const response = await submitForm(admin.agent, `/admin/incidents/${id}`, {
        ...INCIDENT_FORM,
        title_en: 'Renamed in the console',
        summary_en: '',
        announcedOn: '',
        status: 'resolved',
      });

      expect(response.status).toBe(303);
      expect(response.headers.location).toBe(`/admin/incidents/${id}?done=incidentSaved`);
      const incident = await service.runtime.catalog.admin.getIncident(id);
      expect(incident.title.en).toBe('Renamed in the console');
      expect(incident.summary).toBeUndefined();
      expect(incident.announcedOn).toBeUndefined();
      expect(incident.status).toBe('resolved');
      const events = await auditEvents(service.runtime, 'incident.update');
      expect(events.some((event) => event.target?.incidentId === id)).toBe(true);
    });
  });

  describe('when an exposure is added with data classes, a count and talking points', () => {
    it('then it is stored unpublished with exactly those values', async () => {
      const incidentId = await newIncident();

      const exposureId = await newExposure(incidentId, {
        dataExposed: ['email_address', 'name', 'postal_address'],
        dataNotExposed: ['payment_card'],
        windowFrom: '2015-07-01',
        windowTo: '2015-07-31',
        affectedCount: '５，５６８',
        talkingPoints_ja: 'お詫びのうえ、不審なメールに注意するようお伝えください。',
        talkingPoints_en: 'Apologize, and ask the caller to be wary of unexpected email.',
        sensitive: 'on',
      });

      const exposure = await service.runtime.catalog.admin.getExposure(exposureId);
      expect(exposure).toMatchObject({
        incidentId,
        title: { ja: 'メールマガジン登録者（2015年）', en: 'Newsletter sign-ups, 2015' },
        dataExposed: ['email_address', 'name', 'postal_address'],
        dataNotExposed: ['payment_card'],
        window: { from: '2015-07-01', to: '2015-07-31' },
        affectedCount: 5568,
        talkingPoints: {
          ja: 'お詫びのうえ、不審なメールに注意するようお伝えください。',
          en: 'Apologize, and ask the caller to be wary of unexpected email.',
        },
        sensitive: true,
        published: false,
      });
      const [event] = await auditEvents(service.runtime, 'exposure.create');
      expect(event?.target).toEqual({ incidentId, exposureId });
    });
  });

  describe('when the add-exposure form has no data class ticked', () => {
    it('then the incident page comes back with 400, the checkbox group marked and the title kept', async () => {
      const incidentId = await newIncident();

      const response = await submitForm(
        admin.agent,
        `/admin/incidents/${incidentId}?lang=en`,
        { ...EXPOSURE_FORM, dataExposed: [], title_en: 'Catalog requests' },
        `/admin/incidents/${incidentId}/exposures`,
      );

      expect(response.status).toBe(400);
      expect(response.text).toContain('id="new-exposure-dataExposed-error"');
      expect(response.text).toContain('Tick at least one kind of data that was exposed.');
      expect(response.text).toContain('value="Catalog requests"');
      expect(await service.runtime.catalog.admin.listExposures(incidentId)).toEqual([]);
    });
  });

  describe('when an exposure is edited on its page', () => {
    it('then every field is saved as sent, talking points included, and unticked classes are removed', async () => {
      const incidentId = await newIncident();
      const exposureId = await newExposure(incidentId, { dataExposed: ['email_address', 'name'] });
      const page = await admin.agent.get(`/admin/exposures/${exposureId}?lang=en`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Talking points (staff only)');

      const response = await submitForm(admin.agent, `/admin/exposures/${exposureId}`, {
        ...EXPOSURE_FORM,
        title_en: 'Catalog requests, 2000-2009',
        description_ja: '2000年から2009年にカタログを請求された方',
        advice_en: 'Change your password.',
        talkingPoints_en: 'Say the company will write to every affected customer.',
        dataExposed: ['email_address', 'phone_number'],
        dataNotExposed: ['bank_account', 'payment_card'],
        affectedCount: '28,700',
      });

      expect(response.status).toBe(303);
      expect(response.headers.location).toBe(`/admin/exposures/${exposureId}?done=exposureSaved`);
      const exposure = await service.runtime.catalog.admin.getExposure(exposureId);
      expect(exposure).toMatchObject({
        title: { ja: 'メールマガジン登録者（2015年）', en: 'Catalog requests, 2000-2009' },
        description: { ja: '2000年から2009年にカタログを請求された方' },
        advice: { en: 'Change your password.' },
        talkingPoints: { en: 'Say the company will write to every affected customer.' },
        dataExposed: ['email_address', 'phone_number'],
        dataNotExposed: ['bank_account', 'payment_card'],
        affectedCount: 28700,
        sensitive: false,
      });
      const events = await auditEvents(service.runtime, 'exposure.update');
      expect(events[0]?.target).toEqual({ incidentId, exposureId });
    });
  });

  describe('when an exposure is edited with a count that is no number', () => {
    it('then 400 with the count marked, its problem named by the field\'s label, what was typed kept, and nothing saved', async () => {
      const exposureId = await newExposure(await newIncident());

      const response = await submitForm(admin.agent, `/admin/exposures/${exposureId}?lang=en`, {
        ...EXPOSURE_FORM,
        dataNotExposed: ['password'],
        affectedCount: 'about 30,000',
      });

      expect(response.status).toBe(400);
      expect(response.text).toContain('id="exposure-affectedCount-error"');
      expect(response.text).toContain('value="about 30,000"');
      expect(response.text).toContain('<li>Number of people: Please enter a whole number of 0 or more, for example 28,700.</li>');
      expect(response.text).not.toContain('affectedCount: must be a whole number');
      expect(response.text).toMatch(/id="exposure-dataNotExposed-password" name="dataNotExposed" value="password" checked/);
      expect((await service.runtime.catalog.admin.getExposure(exposureId)).dataNotExposed).toEqual([]);
    });
  });

  describe('when an incident with an exposure is to be deleted', () => {
    it('then the page offers no deletion, its confirmation says why, and a POST deletes nothing', async () => {
      const incidentId = await newIncident();
      await newExposure(incidentId);

      const page = await admin.agent.get(`/admin/incidents/${incidentId}?lang=en`);
      const confirmation = await admin.agent.get(`/admin/incidents/${incidentId}/delete?lang=en`);
      const posted = await submitForm(admin.agent, `/admin/incidents/${incidentId}`, {}, `/admin/incidents/${incidentId}/delete`);

      expect(page.text).not.toContain(`/admin/incidents/${incidentId}/delete`);
      expect(page.text).toContain('delete them first');
      expect(confirmation.status).toBe(409);
      expect(confirmation.text).not.toContain(`action="/admin/incidents/${incidentId}/delete"`);
      expect(posted.status).toBe(409);
      expect(await service.runtime.catalog.admin.getIncident(incidentId)).toBeDefined();
    });
  });

  describe('when an incident without exposures is deleted through its confirmation page', () => {
    it('then the confirmation comes first, the POST deletes it, and the list says so', async () => {
      const incidentId = await newIncident();

      const confirmation = await admin.agent.get(`/admin/incidents/${incidentId}/delete?lang=en`);
      expect(confirmation.status).toBe(200);
      expect(confirmation.text).toContain('This cannot be undone.');
      expect(await service.runtime.catalog.admin.getIncident(incidentId)).toBeDefined();

      const response = await submitForm(admin.agent, `/admin/incidents/${incidentId}/delete`, {});

      expect(response.status).toBe(303);
      expect(response.headers.location).toBe('/admin/incidents?done=incidentDeleted');
      await expect(service.runtime.catalog.admin.getIncident(incidentId)).rejects.toMatchObject({ status: 404 });
      const [event] = await auditEvents(service.runtime, 'incident.delete');
      expect(event?.target).toEqual({ incidentId });
    });
  });

  describe('when an exposure is deleted through its confirmation page', () => {
    it('then it is gone and the incident page says so', async () => {
      const incidentId = await newIncident();
      const exposureId = await newExposure(incidentId);

      const confirmation = await admin.agent.get(`/admin/exposures/${exposureId}/delete?lang=en`);
      const response = await submitForm(admin.agent, `/admin/exposures/${exposureId}/delete`, {});

      expect(confirmation.text).toContain('It has no hashed list.');
      expect(response.headers.location).toBe(`/admin/incidents/${incidentId}?done=exposureDeleted`);
      await expect(service.runtime.catalog.admin.getExposure(exposureId)).rejects.toMatchObject({ status: 404 });
      const [event] = await auditEvents(service.runtime, 'exposure.delete');
      expect(event?.target).toMatchObject({ exposureId });
    });
  });

  describe('when an exposure is published and unpublished with the buttons', () => {
    it('then its state follows, each change audited, and the page shows the state', async () => {
      const exposureId = await newExposure(await newIncident());

      const published = await submitForm(admin.agent, `/admin/exposures/${exposureId}`, {}, `/admin/exposures/${exposureId}/publish`);
      expect(published.headers.location).toBe(`/admin/exposures/${exposureId}?done=published`);
      expect((await service.runtime.catalog.admin.getExposure(exposureId)).published).toBe(true);
      const page = await admin.agent.get(`/admin/exposures/${exposureId}?lang=en`);
      expect(page.text).toContain(`action="/admin/exposures/${exposureId}/unpublish"`);
      expect(page.text).toContain('Published: it is on the public page');

      await submitForm(admin.agent, `/admin/exposures/${exposureId}`, {}, `/admin/exposures/${exposureId}/unpublish`);
      expect((await service.runtime.catalog.admin.getExposure(exposureId)).published).toBe(false);
      expect((await auditEvents(service.runtime, 'exposure.publish'))[0]?.target?.exposureId).toBe(exposureId);
      expect((await auditEvents(service.runtime, 'exposure.unpublish'))[0]?.target?.exposureId).toBe(exposureId);
    });
  });

  describe('when the incidents list and the dashboard are opened', () => {
    it('then they list the incidents with their exposures and count the catalogue', async () => {
      const incidentId = await newIncident({ title_en: 'Listed incident' });
      await newExposure(incidentId);

      const list = await admin.agent.get('/admin/incidents?lang=en');
      const dashboard = await admin.agent.get('/admin?lang=en');

      expect(list.text).toContain(`href="/admin/incidents/${incidentId}"`);
      expect(list.text).toContain('Listed incident');
      expect(list.text).toContain('1 (0 published)');
      expect(dashboard.status).toBe(200);
      expect(dashboard.text).toMatch(/\d+ incidents, \d+ exposures? \(\d+ published\)/);
      expect(dashboard.text).toContain('href="/admin/tokens"');
    });
  });
});
