import type { RequestHandler } from 'express';
import { LOGIN_PATH } from '../console';
import type { StaffService } from '../staff';

export interface SignInShedding {
  /** How long a refusal is held before it is sent. */
  holdMs: number;
  /** Refusals held at once at most; beyond that they are sent at once. */
  maxHeld: number;
}

// A second is nothing to a person (who is told to retry in a few seconds anyway) and caps a script
// keeping N attempts in flight at N a second. A thousand held answers are a thousand idle sockets:
// far below the file limit, so an open-loop flood cannot turn holding into a way to exhaust them.
export const SIGN_IN_SHEDDING: SignInShedding = { holdMs: 1000, maxHeld: 1000 };

/**
 * A sign-in while the password queue is full is refused first of all (503 `overloaded`), before
 * the session, the body and the CSRF token are looked at, and the refusal is held a moment before it
 * is sent. Measured with bench:login on 2 cores: answered at once, a script keeping 200 attempts
 * in flight got ~800 answers a second, and the main thread was so busy that a public check's p50
 * went from 40 ms to 310 ms (its steps wait behind hundreds of sign-ins); held, the same script got
 * ~330 a second and the check's p50 70 ms. (The queue itself keeps the argon2 work to its slots.)
 */
export function shedSignInsWhenBusy(
  staff: Pick<StaffService, 'refuseIfPasswordQueueFull'>,
  shedding: SignInShedding = SIGN_IN_SHEDDING,
): RequestHandler {
  let held = 0;
  return (req, res, next) => {
    if (req.method !== 'POST' || req.path !== LOGIN_PATH) {
      next();
      return;
    }
    try {
      staff.refuseIfPasswordQueueFull();
      next();
      return;
    } catch (refusal) {
      if (held >= shedding.maxHeld) {
        next(refusal);
        return;
      }
      held += 1;
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        held -= 1;
        clearTimeout(timer);
      };
      const timer = setTimeout(() => {
        release();
        next(refusal);
      }, shedding.holdMs);
      // A client that gave up frees its place at once.
      res.once('close', release);
    }
  };
}
