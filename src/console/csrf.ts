import type { Request, RequestHandler } from 'express';
import { csrfSync } from 'csrf-sync';
import type { LoginCsrf } from './login-csrf';
import { LOGIN_PATH } from './require-staff';
import { csrfRejected } from './console-refusals';
import { staffOf } from '../actor';

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Synchronizer tokens for signed-in staff: one random token per session, kept in the session, sent
// back by every form (hidden `_csrf`) and script (`X-CSRF-Token`). 32 bytes are plenty; the default
// 128 only bloat pages. A request whose session just ended has none (req.session is gone).
const { generateToken, isRequestValid } = csrfSync({
  getTokenFromRequest: csrfTokenOf,
  getTokenFromState: (req) => (req.session as Request['session'] | undefined)?.csrfToken,
  size: 32,
});

/** The token a form (`_csrf`) or script (`X-CSRF-Token`) sent. */
export function csrfTokenOf(req: Request): string | undefined {
  const header = req.get(CSRF_HEADER);
  if (header !== undefined) return header;
  const field = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
  return typeof field === 'string' ? field : undefined;
}

/**
 * Refuses every state-changing request (POST, PUT, PATCH, DELETE) without its token: 403
 * `csrf_rejected`. The sign-in form carries a stateless signed double-submit token (loginCsrf), so
 * that nobody gets a session, nor a Redis key, before signing in; everything else is for signed-in
 * staff and carries the session's synchronizer token. Needs the staff loader before it and, for
 * forms, the body parser. Offers views res.locals.loginCsrfToken and, to signed-in staff only,
 * res.locals.csrfToken, each made only when a page reads it.
 */
export function csrfProtection(login: LoginCsrf): RequestHandler {
  return (req, res, next) => {
    Object.defineProperty(res.locals, 'loginCsrfToken', {
      get: () => login.tokenFor(req, res),
      enumerable: true,
      configurable: true,
    });
    Object.defineProperty(res.locals, 'csrfToken', {
      // Anonymous pages have no form but the sign-in one: a token here would create a session.
      get: () => (staffOf(res) === undefined ? '' : generateToken(req)),
      enumerable: true,
      configurable: true,
    });
    if (SAFE_METHODS.has(req.method)) next();
    else if (req.path === LOGIN_PATH ? login.isValid(req) : isRequestValid(req)) next();
    else next(csrfRejected());
  };
}

/** For the admin API gate: the body is not read there yet, so only the header counts. */
export function hasValidCsrfHeader(req: Request): boolean {
  return req.get(CSRF_HEADER) !== undefined && isRequestValid(req);
}
