import request from 'supertest';
import type { StaffMember } from '../../src/actor/staff-member';
import { newStaff, signedIn, type StaffTestService } from '../staff/staff-fixtures';
import { postCheck, startSeededStaffService } from './support-console-fixtures';

/* Issue 14: the support console's result shows data that may have been exposed in its own box, in both languages. */
const CATALOG = 'porsche-japan-2018-catalog';
const LISTED = 'taro.yamada@example.jp';

describe('the support console: data that may have been exposed', () => {
  let service: StaffTestService;
  let support: StaffMember;
  let agent: request.Agent;

  beforeAll(async () => {
    service = await startSeededStaffService();
    support = await newStaff(service.runtime, 'support');
    agent = await signedIn(service.app, support.username);
    await service.runtime.catalog.admin.updateExposure(CATALOG, {
      dataPossiblyExposed: ['phone_number'],
      dataNotExposed: ['name', 'postal_address', 'annual_income', 'vehicles_owned'],
    });
  });
  afterAll(async () => {
    await service.close();
  });

  it('when staff check a listed address, then the result shows the three states, with advice said conditionally', async () => {
    const response = await postCheck(agent, { ticketRef: 'ZD-51001', email: LISTED });

    expect(response.status).toBe(200);
    const html = response.text;
    expect(html).toMatch(/<h4>Exposed<\/h4>\s*<ul><li>Email address<\/li><\/ul>/);
    expect(html).toMatch(
      /<div class="data-box data-possibly-exposed">\s*<h4>May have been exposed \(still being investigated\)<\/h4>\s*<ul><li>Phone number<\/li><\/ul>/,
    );
    expect(html).toMatch(/<h4>Confirmed NOT exposed<\/h4>\s*<ul><li>Name<\/li>/);
    expect(html).toContain('If it turns out that your phone number was exposed (still being investigated): Expect scam calls');
  });

  it('when the result is in Japanese, then the third heading is in Japanese', async () => {
    const response = await postCheck(agent, { ticketRef: 'ZD-51002', email: LISTED, lang: 'ja' });

    expect(response.text).toMatch(/<div class="data-box data-possibly-exposed">\s*<h4>流出した可能性がある情報（調査中）<\/h4>\s*<ul><li>電話番号<\/li><\/ul>/);
    expect(response.text).toContain('電話番号が流出していた場合（調査中）：');
  });
});
