import session from 'express-session';
import type { AuditService } from '../audit';
import type { ConsoleSession } from '../console';
import type { Feature } from '../http';
import type { StaffService } from '../staff';
import type { StoreBackend, StoreFactory } from '../store';
import { loginRoutes } from './login-routes';
import { memoryLoginThrottle, redisLoginThrottle } from './login-throttle';
import { RedisSessionStore } from './redis-session-store';
import { sessionSecretFrom } from './session-secret';
import { shedSignInsWhenBusy } from './shed-sign-ins';
import { auditStaffAuth } from './sign-in-audit';
import { SignInService } from './sign-in-service';
import { staffHttp, type StaffHttp } from './staff-auth';
import type { StaffAuthSettings } from './staff-auth-settings';

export type { StaffAuthSettings } from './staff-auth-settings';
export type { StaffHttp } from './staff-auth';
export { SESSION_COOKIE } from './staff-session';

/** Staff sessions, for express-session: ours on Redis, express-session's own in memory. */
export const sessionStores: StoreFactory<session.Store> = {
  memory: () => new session.MemoryStore(),
  redis: (redis, keyPrefix) => new RedisSessionStore(redis, keyPrefix),
};

export interface SignInDeps {
  staff: StaffService;
  sessionStore: session.Store;
  /** The server key: the session cookie's signing secret is derived from it. */
  secretKey: Uint8Array;
  settings: Pick<StaffAuthSettings, 'timeouts' | 'loginThrottle'>;
  /** Where the sign-in throttle keeps its counts (Redis, or memory in demo mode). */
  backend: StoreBackend;
  audit: AuditService;
  clock: () => Date;
}

export interface SignInFeature extends Feature {
  /** The session and the staff loader, shared by the consoles and the admin API gate. */
  http: StaffHttp;
  /** What the console frame runs before its pages. */
  console: ConsoleSession;
}

/** Staff sign-in and sign-out: sessions, the throttle, the sign-in pages; every attempt audited. */
export function createSignInFeature(deps: SignInDeps): SignInFeature {
  const throttle =
    deps.backend.redis === undefined
      ? memoryLoginThrottle(deps.settings.loginThrottle)
      : redisLoginThrottle(deps.backend.redis, deps.backend.keyPrefix, deps.settings.loginThrottle);
  const onEvent = auditStaffAuth(deps.audit);
  const sessionSecret = sessionSecretFrom(deps.secretKey);
  const http = staffHttp({
    staff: deps.staff,
    sessionStore: deps.sessionStore,
    sessionSecret,
    timeouts: deps.settings.timeouts,
    clock: deps.clock,
  });
  return {
    http,
    console: { shed: shedSignInsWhenBusy(deps.staff), ...http, sessionSecret },
    routes: {
      console: [loginRoutes({ signIn: new SignInService({ staff: deps.staff, throttle, onEvent }), clock: deps.clock, onEvent })],
    },
  };
}
