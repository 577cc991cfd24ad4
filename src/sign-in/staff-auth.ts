import type { RequestHandler } from 'express';
import type session from 'express-session';
import type { StaffService } from '../staff';
import { sessionMiddleware, staffLoader, type SessionTimeouts } from './staff-session';

/** What the session and the staff loader are made of (src/sign-in/index.ts makes them). */
export interface StaffAuthDeps {
  staff: Pick<StaffService, 'sessionMember'>;
  /** Redis (our RedisSessionStore) or, in demo mode, express-session's MemoryStore. */
  sessionStore: session.Store;
  /** Signs the session cookie; derived from the OPRF key (sessionSecretFrom). */
  sessionSecret: string;
  timeouts: SessionTimeouts;
  clock: () => Date;
}

/** The session and the staff loader, built once per app and shared by the consoles and the admin API gate. */
export interface StaffHttp {
  session: RequestHandler;
  loadStaff: RequestHandler;
}

export function staffHttp(deps: StaffAuthDeps): StaffHttp {
  return {
    session: sessionMiddleware(deps.sessionStore, deps.sessionSecret, deps.timeouts),
    loadStaff: staffLoader({ staff: deps.staff, clock: deps.clock, timeouts: deps.timeouts }),
  };
}
