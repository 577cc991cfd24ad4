import { Router, type Request, type Response } from 'express';
import { AppError } from '../errors/app-error';
import type { LoginThrottle } from './login-throttle';
import { requireStaffPage } from './require-staff';
import type { StaffAuthEventSink } from './staff-auth-events';
import { staffUnavailable } from './staff-errors';
import type { StaffService } from './staff-service';
import { normalizeUsername, isValidUsername } from './staff-rules';
import { signIn, signOut, staffOf } from './staff-session';

export interface LoginRouteDeps {
  staff: Pick<StaffService, 'authenticate'>;
  loginThrottle: LoginThrottle;
  clock: () => Date;
  onEvent: StaffAuthEventSink | undefined;
}

// Long enough for any username or password we accept; anything longer is not a sign-in.
const MAX_FIELD_LENGTH = 1024;

/** GET/POST /staff/login, POST /staff/logout, GET /staff (to the home of one's role). */
export function loginRoutes(deps: LoginRouteDeps): Router {
  const router = Router();

  router.get('/staff', requireStaffPage(), (_req, res) => {
    res.redirect(303, staffOf(res)?.role === 'admin' ? '/admin' : '/support');
  });

  router.get('/staff/login', (req, res) => {
    if (staffOf(res) !== undefined) {
      res.redirect(303, '/staff');
      return;
    }
    res.render('console/login.njk', { username: '', notice: noticeOf(req) });
  });

  router.post('/staff/login', async (req, res) => {
    const username = normalizeUsername(field(req, 'username'));
    const password = field(req, 'password');
    const admission = await guarded(deps.loginThrottle.admit(username, req.ip));
    if (!admission.allowed) {
      refuseThrottled(res, username, admission.scope, admission.retryAfterSeconds);
      return;
    }
    const outcome = await guarded(deps.staff.authenticate(username, password));
    if (!outcome.ok) {
      const verdict = await guarded(deps.loginThrottle.recordFailure(username, req.ip));
      await deps.onEvent?.({
        action: 'staff.login_failed',
        username: isValidUsername(username) ? username : undefined,
        staffId: outcome.staffId,
        reason: outcome.reason,
      });
      if (!verdict.allowed) {
        refuseThrottled(res, username, verdict.scope, verdict.retryAfterSeconds);
        return;
      }
      res.status(400).render('console/login.njk', { username: displayable(username), notice: 'failed' });
      return;
    }
    await guarded(deps.loginThrottle.recordSuccess(username));
    await signIn(req, outcome.member, outcome.passwordVersion, deps.clock());
    const { member } = outcome;
    await deps.onEvent?.({
      action: 'staff.login',
      actor: { kind: 'staff', staffId: member.id, username: member.username, role: member.role },
    });
    res.redirect(303, '/staff');
  });

  router.post('/staff/logout', async (req, res) => {
    const staff = staffOf(res);
    if (staff !== undefined) {
      await deps.onEvent?.({
        action: 'staff.logout',
        actor: { kind: 'staff', staffId: staff.id, username: staff.username, role: staff.role },
      });
    }
    await signOut(req, res);
    res.redirect(303, '/staff/login?signed-out=1');
  });

  return router;
}

function field(req: Request, name: string): string {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.slice(0, MAX_FIELD_LENGTH) : '';
}

/** Shown again in the form only when it could be a username: an email address typed there is not echoed. */
function displayable(username: string): string {
  return isValidUsername(username) ? username : '';
}

function noticeOf(req: Request): string | undefined {
  if (req.query.ended !== undefined) return 'ended';
  if (req.query['signed-out'] !== undefined) return 'signedOut';
  return undefined;
}

function refuseThrottled(res: Response, username: string, scope: 'account' | 'ip', retryAfterSeconds: number): void {
  res.status(429).set('Retry-After', String(retryAfterSeconds));
  res.render('console/login.njk', {
    username: displayable(username),
    notice: scope === 'account' ? 'throttledAccount' : 'throttledIp',
    retryMinutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)),
  });
}

/** The throttle's store failing is no reason to let guesses through: the sign-in answers 503. */
async function guarded<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw error instanceof AppError ? error : staffUnavailable(error);
  }
}
