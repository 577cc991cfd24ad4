import type { RequestHandler } from 'express';
import type session from 'express-session';
import type { ApiTokenService } from '../tokens/api-token-service';
import type { LoginThrottle } from './login-throttle';
import type { StaffAuthEventSink } from './staff-auth-events';
import type { StaffService } from '../staff/staff-service';
import { sessionMiddleware, staffLoader, type SessionTimeouts } from './staff-session';

/** Everything staff sign-in needs, built in src/runtime.ts and handed to createApp. */
export interface StaffAuthDeps {
  staff: StaffService;
  apiTokens: ApiTokenService;
  /** Redis (our RedisSessionStore) or, in demo mode, express-session's MemoryStore. */
  sessionStore: session.Store;
  /** Signs the session cookie; derived from the OPRF key (sessionSecretFrom). */
  sessionSecret: string;
  timeouts: SessionTimeouts;
  loginThrottle: LoginThrottle;
  clock: () => Date;
  /** Sign-in, failed sign-in and sign-out events; the audit log's hook (absent: not recorded). */
  onEvent: StaffAuthEventSink | undefined;
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
