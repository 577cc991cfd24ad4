import type { WorkQueueLimits } from '../shared';
import type { LoginThrottleSettings } from './login-throttle';
import type { SessionTimeouts } from './staff-session';

/** From the environment (STAFF_SESSION_*, LOGIN_*, PASSWORD_HASH_*), validated in src/config/config.ts. */
export interface StaffAuthSettings {
  timeouts: SessionTimeouts;
  loginThrottle: LoginThrottleSettings;
  /** Staff password hashes and verifications running at once, and waiting; the rest get 503 overloaded. */
  passwordQueue: WorkQueueLimits;
}
