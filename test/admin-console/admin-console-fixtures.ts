import type request from 'supertest';
import type { AuditAction, AuditEvent } from '../../src/audit/audit-event';
import type { Service } from '../../src/service';
import type { StaffMember } from '../../src/actor/staff-member';
import { csrfOf, newStaff, signedIn, type StaffTestService } from '../staff/staff-fixtures';

/** A signed-in admin: the account, and a browser of its own (cookies kept). */
export interface AdminBrowser {
  member: StaffMember;
  agent: request.Agent;
}

export async function signedInAdmin(service: StaffTestService): Promise<AdminBrowser> {
  const member = await newStaff(service.runtime, 'admin');
  return { member, agent: await signedIn(service.app, member.username) };
}

/**
 * Opens `page` as the browser would, then sends `fields` as that page's form would (its CSRF
 * token included) to `action` (the page itself unless given).
 */
export async function submitForm(
  agent: request.Agent,
  page: string,
  fields: Record<string, string | string[]>,
  action = page,
): Promise<request.Response> {
  const html = (await agent.get(page)).text;
  return agent.post(action).type('form').send(formBody({ _csrf: csrfOf(html), ...fields }));
}

/** As a browser encodes a form: a field with several values (checkboxes) repeats its name. */
export function formBody(fields: Record<string, string | string[]>): string {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of ([] as string[]).concat(value)) body.append(name, item);
  }
  return body.toString();
}

/** The id at the end of a redirect to /admin/<kind>/<id>?done=... */
export function redirectedId(response: request.Response, kind: 'incidents' | 'exposures' | 'staff'): string {
  expect(response.status).toBe(303);
  const match = new RegExp(`^/admin/${kind}/([^/?]+)`).exec(String(response.headers.location));
  if (match?.[1] === undefined) throw new Error(`not a redirect to an ${kind} page: ${String(response.headers.location)}`);
  return decodeURIComponent(match[1]);
}

/** The events of one action, newest first. */
export async function auditEvents(runtime: Service, action: AuditAction): Promise<AuditEvent[]> {
  return (await runtime.audit.service.query({ action, limit: 500 })).events;
}

/** The whole log as one string: what must never appear in it is searched for here. */
export async function wholeAuditLog(runtime: Service): Promise<string> {
  return JSON.stringify((await runtime.audit.service.query({ limit: 500 })).events);
}

/** The minimal form of a new incident, in both languages. */
export const INCIDENT_FORM = {
  organization_ja: '例モーターズ株式会社',
  organization_en: 'Example Motors',
  title_ja: 'ウェブサイトへの不正アクセス',
  title_en: 'Unauthorized access to the website',
  summary_ja: '',
  summary_en: '',
  attackFrom: '',
  attackTo: '',
  announcedOn: '',
  sources: '',
  status: 'announced',
};

export const EXPOSURE_FORM = {
  title_ja: 'メールマガジン登録者（2015年）',
  title_en: 'Newsletter sign-ups, 2015',
  description_ja: '',
  description_en: '',
  advice_ja: '',
  advice_en: '',
  talkingPoints_ja: '',
  talkingPoints_en: '',
  windowFrom: '',
  windowTo: '',
  dataExposed: ['email_address'],
  affectedCount: '',
};
