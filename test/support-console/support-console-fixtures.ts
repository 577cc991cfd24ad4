import type request from 'supertest';
import { seedDemo } from '../../src/demo/seed-demo';
import { csrfFor, startStaffService, type StaffTestService } from '../staff/staff-fixtures';

/** The staff app over real Redis with the demo catalogue and its hashed lists. */
export async function startSeededStaffService(env: Record<string, string> = {}): Promise<StaffTestService> {
  const service = await startStaffService({ env });
  const { runtime } = service;
  await seedDemo({ catalog: runtime.stores.catalog, lists: runtime.lists.service, profile: runtime.hashing.profile });
  return service;
}

/** Fills in and sends the support console's check form, as a browser would (CSRF token from the page). */
export async function postCheck(
  agent: request.Agent,
  fields: { ticketRef?: string; email?: string; lang?: string },
): Promise<request.Response> {
  const csrf = await csrfFor(agent, '/support');
  return agent
    .post('/support/check')
    .type('form')
    .send({ _csrf: csrf, lang: 'en', ticketRef: '', email: '', ...fields });
}

/** The value attribute of an input, as the page renders it (undefined when it has none). */
export function inputValue(html: string, id: string): string | undefined {
  const input = new RegExp(`<input id="${id}"[^>]*>`, 's').exec(html)?.[0];
  if (input === undefined) throw new Error(`no input #${id} on the page`);
  return /\svalue="([^"]*)"/.exec(input)?.[1];
}
