import type { Browser, Page } from 'playwright-core';
import { argon2idOf } from '../../src/hashing/list-entry';
import { normalizeEmail } from '../../src/hashing/normalize-email';
import type { StaffMember } from '../../src/actor/staff-member';
import { foreignOrigins, launchChromium, recordingContext, screenshot, serve, type ServedApp } from '../support/browser';
import { newStaff, PASSWORD, startStaffService, type StaffTestService } from '../staff/staff-fixtures';

/*
 * Issue 5's whole journey in Debian's Chromium, each person in a browser of their own: an admin
 * signs in, uploads a small hashed list for an exposure from the exposure's page and publishes it;
 * a support agent signs in, checks an address of that list with a ticket reference and is shown
 * the exposure and its talking points; the admin then finds the agent's check in the audit log,
 * by ticket reference, with the matched exposure and no trace of the address.
 */

const LISTED = 'ichiro.tanaka@example.jp';
const TICKET = 'ZD-48213';
const TALKING_POINTS = 'Apologise first; only the email address was taken, no card data.';

describe('when an admin loads and publishes a list and a support agent checks a caller against it', () => {
  let service: StaffTestService;
  let served: ServedApp;
  let browser: Browser;
  let admin: StaffMember;
  let agent: StaffMember;
  let exposureId: string;
  // Every URL each person's browser asked for: nothing may leave the service's own origin.
  const requestedByBrowser: string[][] = [];

  beforeAll(async () => {
    service = await startStaffService();
    served = await serve(service);
    browser = await launchChromium();
    admin = await newStaff(service.runtime, 'admin');
    agent = await newStaff(service.runtime, 'support');
    // The incident and exposure are described beforehand (the admin console's own tests fill those forms).
    const incident = await service.runtime.catalog.admin.createIncident({ organization: 'Example Motors', title: 'Dealer server breach' });
    const exposure = await service.runtime.catalog.admin.createExposure(incident.id, {
      title: 'Service bookings, 2015-2019',
      dataExposed: ['email_address'],
      dataNotExposed: ['payment_card'],
      talkingPoints: { en: TALKING_POINTS },
    });
    exposureId = exposure.id;
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await service?.close();
  });

  async function signIn(member: StaffMember, landing: string): Promise<Page> {
    const { page, requested } = await recordingContext(browser, { viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    requestedByBrowser.push(requested);
    await page.goto(`${served.baseUrl}/staff/login?lang=en`);
    await page.fill('#username', member.username);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(`${served.baseUrl}${landing}`), page.press('#password', 'Enter')]);
    return page;
  }

  it('then the agent finds the address, and the admin sees the check in the audit log', async () => {
    // The admin uploads the list file (as hash-list writes it) from the exposure's page, and publishes.
    const adminPage = await signIn(admin, '/admin');
    await adminPage.goto(`${served.baseUrl}/admin/exposures/${exposureId}`);
    const row = (await argon2idOf(normalizeEmail(LISTED), service.runtime.hashing.profile)).toString('hex');
    await adminPage.setInputFiles('#list-file', {
      name: 'service-bookings.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(`# profile: ${service.runtime.hashing.profile.id}\n${row}\n${'cd'.repeat(32)}\n`),
    });
    await adminPage.click('button:has-text("Upload the list")');
    await adminPage.waitForSelector('#upload-status.notice-ok');
    expect(await adminPage.textContent('#upload-status')).toContain('version 1 is live with 2 rows');
    await adminPage.reload();
    await Promise.all([adminPage.waitForURL(/done=published/), adminPage.click('button:has-text("Publish")')]);
    await screenshot(adminPage, 'journey-admin-published');

    // The agent checks the caller's address, typed the way a caller spells it out, with the ticket.
    const agentPage = await signIn(agent, '/support');
    await agentPage.fill('#ticketRef', TICKET);
    await agentPage.fill('#email', 'Ichiro.Tanaka@Example.JP');
    await Promise.all([agentPage.waitForURL(`${served.baseUrl}/support/check`), agentPage.press('#email', 'Enter')]);
    await screenshot(agentPage, 'journey-support-result');
    const result = (await agentPage.textContent('main')) ?? '';
    expect(result).toContain('Service bookings, 2015-2019');
    expect(result).toContain(TALKING_POINTS);
    expect(result).toContain(TICKET);
    const eventId = /Recorded in the audit log as #(\S+?)\./.exec(result)?.[1];
    expect(eventId).toBeDefined();
    expect(await agentPage.content()).not.toMatch(/ichiro|tanaka/i);
    expect(agentPage.url()).not.toMatch(/ichiro|tanaka|%40/i);

    // The admin looks the ticket up in the audit log and finds that very check.
    await adminPage.goto(`${served.baseUrl}/admin/audit?lang=en`);
    await adminPage.fill('#ticketRef', TICKET);
    await Promise.all([adminPage.waitForURL(/ticketRef=ZD-48213/), adminPage.click('.audit-filters button[type="submit"]')]);
    await screenshot(adminPage, 'journey-admin-audit');
    const eventRow = adminPage.locator(`[id="event-${eventId}"]`);
    expect(await eventRow.count()).toBe(1);
    const rowText = (await eventRow.textContent()) ?? '';
    expect(rowText).toContain(agent.username);
    expect(rowText).toContain('Checked an address for a caller');
    expect(rowText).toContain(TICKET);
    expect(rowText).toContain(exposureId);
    expect(await adminPage.content()).not.toMatch(/ichiro|tanaka/i);
    expect(requestedByBrowser.flatMap((requested) => foreignOrigins(requested, served.baseUrl))).toEqual([]);
  });
});
