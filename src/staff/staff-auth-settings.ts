import type { LoginThrottleSettings } from './login-throttle';
import type { SessionTimeouts } from './staff-session';

/** From the environment (STAFF_SESSION_*, LOGIN_*), validated in src/config/config.ts. */
export interface StaffAuthSettings {
  timeouts: SessionTimeouts;
  loginThrottle: LoginThrottleSettings;
}
