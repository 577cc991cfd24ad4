import { startStaffService, type StaffTestService } from '../staff/staff-fixtures';
import { EXPOSURE_FORM, INCIDENT_FORM, redirectedId, signedInAdmin, submitForm, type AdminBrowser } from './admin-console-fixtures';

/* Issue 14: the exposure form's third group, "may have been exposed (under investigation)". */
describe('admin console: data that may have been exposed', () => {
  let service: StaffTestService;
  let admin: AdminBrowser;
  let exposureId: string;

  beforeAll(async () => {
    service = await startStaffService();
    admin = await signedInAdmin(service);
    const incidentId = redirectedId(await submitForm(admin.agent, '/admin/incidents', INCIDENT_FORM), 'incidents');
    const created = await submitForm(
      admin.agent,
      `/admin/incidents/${incidentId}`,
      { ...EXPOSURE_FORM, dataExposed: ['email_address'], dataPossiblyExposed: ['name', 'date_of_birth'], dataNotExposed: ['payment_card'] },
      `/admin/incidents/${incidentId}/exposures`,
    );
    exposureId = redirectedId(created, 'exposures');
  });
  afterAll(async () => {
    await service.close();
  });

  it('when an exposure is added with classes under investigation, then they are stored in their own list', async () => {
    expect(await service.runtime.catalog.admin.getExposure(exposureId)).toMatchObject({
      dataExposed: ['email_address'],
      dataPossiblyExposed: ['name', 'date_of_birth'],
      dataNotExposed: ['payment_card'],
    });
  });

  it('when the exposure page is opened, then the third group is labelled in each language with its classes ticked', async () => {
    const en = await admin.agent.get(`/admin/exposures/${exposureId}?lang=en`);
    const ja = await admin.agent.get(`/admin/exposures/${exposureId}?lang=ja`);

    expect(en.text).toContain('<legend>Data that may have been exposed (under investigation)</legend>');
    expect(ja.text).toContain('<legend>流出した可能性がある情報（調査中）</legend>');
    expect(en.text).toMatch(/id="exposure-dataPossiblyExposed-name" name="dataPossiblyExposed" value="name" checked/);
    expect(en.text).toMatch(/id="exposure-dataPossiblyExposed-date_of_birth" name="dataPossiblyExposed" value="date_of_birth" checked/);
    expect(en.text).not.toMatch(/id="exposure-dataPossiblyExposed-email_address"[^>]* checked/);
  });

  it('when a class is ticked in two groups, then 400 with the group marked, what was typed kept, and nothing saved', async () => {
    const response = await submitForm(
      admin.agent,
      `/admin/exposures/${exposureId}?lang=en`,
      { ...EXPOSURE_FORM, dataExposed: ['email_address'], dataPossiblyExposed: ['name'], dataNotExposed: ['name'] },
      `/admin/exposures/${exposureId}`,
    );

    expect(response.status).toBe(400);
    expect(response.text).toContain('id="exposure-dataNotExposed-error"');
    expect(response.text).toContain('A kind of data can be in only one of the three lists');
    expect(response.text).toMatch(/id="exposure-dataNotExposed-name" name="dataNotExposed" value="name" checked/);
    expect((await service.runtime.catalog.admin.getExposure(exposureId)).dataPossiblyExposed).toEqual(['name', 'date_of_birth']);
  });

  it('when the classes under investigation are unticked, then the list is emptied', async () => {
    const response = await submitForm(admin.agent, `/admin/exposures/${exposureId}`, {
      ...EXPOSURE_FORM,
      dataExposed: ['email_address', 'name'],
      dataNotExposed: ['payment_card'],
    });

    expect(response.status).toBe(303);
    expect(await service.runtime.catalog.admin.getExposure(exposureId)).toMatchObject({
      dataExposed: ['email_address', 'name'],
      dataPossiblyExposed: [],
    });
  });
});
