import { Router, type Request, type Response } from 'express';
import { requireStaffPage } from '../console';
import type { SignInService } from './sign-in-service';
import type { StaffAuthEventSink } from './staff-auth-events';
import { normalizeUsername, isValidUsername } from '../staff';
import { signIn, signOut } from './staff-session';
import { staffOf } from '../actor';

export interface LoginRouteDeps {
  signIn: Pick<SignInService, 'attempt'>;
  clock: () => Date;
  /** Sign-out's audit hook; sign-ins are recorded by the sign-in service. */
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
    const outcome = await deps.signIn.attempt({ username, password: field(req, 'password'), ip: req.ip });
    if (outcome.kind === 'throttled') {
      refuseThrottled(res, username, outcome.scope, outcome.retryAfterSeconds);
      return;
    }
    if (outcome.kind === 'failed') {
      res.status(400).render('console/login.njk', { username: displayable(username), notice: 'failed' });
      return;
    }
    // The first moment this browser has a session: nothing was stored for it before.
    await signIn(req, outcome.member, outcome.passwordVersion, deps.clock());
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
