import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../src/app';
import type { Config } from '../../src/config/config';
import { openService, type Service } from '../../src/service';
import type { StaffMember, StaffRole } from '../../src/actor/staff-member';
import { FAST_ARGON2 } from '../admin/admin-fixtures';
import { hexKey, testConfig } from '../support/test-app';
import { sharedStoreEnv, uniquePrefix } from '../support/test-redis';

/** A clock the test moves by hand: timeouts are tested without waiting. */
export class FakeClock {
  #now: number;

  constructor(start = '2026-11-21T09:00:00.000Z') {
    this.#now = Date.parse(start);
  }

  readonly now = (): Date => new Date(this.#now);

  advance(ms: number): void {
    this.#now += ms;
  }
}

export interface StaffTestService {
  app: Express;
  runtime: Service;
  config: Config;
  clock: FakeClock;
  close(): Promise<void>;
}

/** The real app over the shared store (or the demo store) with a fake clock, as startTestService but for staff tests. */
export async function startStaffService(
  options: { store?: 'shared' | 'memory'; prefix?: string; env?: Record<string, string> } = {},
): Promise<StaffTestService> {
  const env = options.env ?? {};
  const config =
    (options.store ?? 'shared') === 'shared'
      ? testConfig({
          ...sharedStoreEnv(),
          REDIS_KEY_PREFIX: options.prefix ?? uniquePrefix('staff'),
          OPRF_SECRET_KEY: hexKey(),
          ...FAST_ARGON2,
          ...env,
        })
      : testConfig({ ...FAST_ARGON2, ...env });
  const clock = new FakeClock();
  const logger = pino({ level: 'silent' });
  const runtime = await openService(config, { logger, clock: clock.now });
  const app = createApp(runtime);
  return { app, runtime, config, clock, close: () => runtime.close() };
}

export const PASSWORD = 'correct horse battery staple';

let counter = 0;

/** A new account with a username of its own, made through the service (as the admin console and create-admin do). */
export async function newStaff(runtime: Service, role: StaffRole, password = PASSWORD): Promise<StaffMember> {
  counter += 1;
  return runtime.staff.service.createStaff({ username: `${role}-${counter}-${process.pid}`, role, password });
}

/** The hidden field of the sign-in form: a signed double-submit token (HMAC, a dot, random bytes; hex). */
export const LOGIN_CSRF_FIELD = /name="_csrf" value="[0-9a-f]{64}\.[0-9a-f]{64}"/;

/** The CSRF token of a console page (the hidden `_csrf` field). */
export function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (token === undefined) throw new Error('no _csrf field on the page');
  return token;
}

/** The value of the session cookie a response set, if it set one. */
export function sessionCookieOf(response: request.Response): string | undefined {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = cookies.find((line) => line.startsWith('xc_session='));
  return cookie?.split(';', 1)[0]?.slice('xc_session='.length);
}

/** A browser of its own (cookies kept), signed in through the form. */
export async function signedIn(app: Express, username: string, password = PASSWORD): Promise<request.Agent> {
  const agent = request.agent(app);
  const response = await signInWith(agent, username, password);
  if (response.status !== 303) throw new Error(`sign-in as ${username} failed: ${response.status}`);
  return agent;
}

/** Loads the sign-in page and posts the form, as a browser would. */
export async function signInWith(
  agent: request.Agent,
  username: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<request.Response> {
  const page = await agent.get('/staff/login').set(headers);
  return agent
    .post('/staff/login')
    .set(headers)
    .type('form')
    .send({ _csrf: csrfOf(page.text), username, password });
}

/** A signed-in agent's CSRF token, read from any console page. */
export async function csrfFor(agent: request.Agent, path = '/support'): Promise<string> {
  return csrfOf((await agent.get(path)).text);
}
