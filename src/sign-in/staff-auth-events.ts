import type { Actor } from '../actor';

/**
 * What sign-in and sign-out report, for the audit log (src/sign-in/index.ts wires the sink to the
 * AuditService, through sign-in-audit.ts). A failed sign-in names the username only when it is a
 * valid one (never an email address typed by mistake) and the account's id when it exists.
 */
export type StaffAuthEvent =
  | { action: 'staff.login'; actor: Extract<Actor, { kind: 'staff' }> }
  | {
      action: 'staff.login_failed';
      username: string | undefined;
      staffId: string | undefined;
      reason: 'unknown_user' | 'wrong_password' | 'disabled';
    }
  | { action: 'staff.logout'; actor: Extract<Actor, { kind: 'staff' }> };

/** Awaited before the answer is sent; a sink that throws turns the answer into an error. */
export type StaffAuthEventSink = (event: StaffAuthEvent) => Promise<void>;
