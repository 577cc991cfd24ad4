import { AppError } from '../errors';
import type { LoginReservation, LoginThrottle } from './login-throttle';
import type { StaffAuthEvent, StaffAuthEventSink } from './staff-auth-events';
import { signInUnaudited, staffUnavailable } from '../console';
import type { StaffMember } from '../actor';
import { isValidUsername, type StaffService } from '../staff';

export type SignInOutcome =
  | { kind: 'signed-in'; member: StaffMember; passwordVersion: number }
  /** Wrong password, unknown username or disabled account: one answer for all of them. */
  | { kind: 'failed' }
  | { kind: 'throttled'; scope: 'account' | 'ip'; retryAfterSeconds: number };

export interface SignInAttempt {
  /** Normalized (trimmed, lower case); may be anything a person typed, an address included. */
  username: string;
  password: string;
  ip: string | undefined;
}

export interface SignInServiceDeps {
  staff: Pick<StaffService, 'authenticate' | 'refuseIfPasswordQueueFull'>;
  throttle: LoginThrottle;
  /** The audit log's hook (absent: not recorded). */
  onEvent: StaffAuthEventSink | undefined;
}

/**
 * Decides a sign-in attempt, free of HTTP; the session is the caller's to create, and only for
 * `signed-in`. In order: shed when the password queue is full (503 `overloaded`, before anything
 * else is spent); take the attempt's place in the username's and the IP's budgets (refused: 429
 * with the wait); check the password (one argon2 verification in the password queue, known username
 * or not); settle the budgets; write the audit event. A sign-in whose event cannot be written does
 * not happen (503 `audit_unavailable`), and neither does a store failure let a guess through (503).
 */
export class SignInService {
  readonly #deps: SignInServiceDeps;

  constructor(deps: SignInServiceDeps) {
    this.#deps = deps;
  }

  async attempt({ username, password, ip }: SignInAttempt): Promise<SignInOutcome> {
    const { staff, throttle } = this.#deps;
    staff.refuseIfPasswordQueueFull();
    const admission = await guarded(throttle.reserve(username, ip));
    if (!admission.allowed) return { kind: 'throttled', scope: admission.scope, retryAfterSeconds: admission.retryAfterSeconds };
    const outcome = await this.#authenticate(admission, username, password);
    if (!outcome.ok) {
      // Counted before the event is written: a log that cannot record failures gives no free guesses.
      const verdict = await guarded(throttle.failed(admission));
      await this.#record({
        action: 'staff.login_failed',
        username: isValidUsername(username) ? username : undefined,
        staffId: outcome.staffId,
        reason: outcome.reason,
      });
      return verdict.allowed ? { kind: 'failed' } : { kind: 'throttled', scope: verdict.scope, retryAfterSeconds: verdict.retryAfterSeconds };
    }
    await guarded(throttle.succeeded(admission));
    const { member } = outcome;
    // Before any session exists: if the log cannot say who signed in, nobody is signed in.
    await this.#record({
      action: 'staff.login',
      actor: { kind: 'staff', staffId: member.id, username: member.username, role: member.role },
    });
    return { kind: 'signed-in', member, passwordVersion: outcome.passwordVersion };
  }

  async #authenticate(admission: LoginReservation, username: string, password: string) {
    try {
      return await this.#deps.staff.authenticate(username, password);
    } catch (error) {
      // The password was never checked (queue full, store down): the IP gets its place back.
      await this.#deps.throttle.unchecked(admission).catch(() => undefined);
      throw error instanceof AppError ? error : staffUnavailable(error);
    }
  }

  async #record(event: StaffAuthEvent): Promise<void> {
    try {
      await this.#deps.onEvent?.(event);
    } catch (error) {
      throw signInUnaudited(error);
    }
  }
}

/** The throttle's store failing is no reason to let guesses through: the sign-in answers 503. */
async function guarded<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw error instanceof AppError ? error : staffUnavailable(error);
  }
}
