import type { RequestHandler } from 'express';
import { forbidden, notSignedIn } from './console-refusals';
import { type StaffRole, staffOf } from '../actor';

export const LOGIN_PATH = '/staff/login';

/**
 * Guards a console page. Not signed in: 303 to the sign-in page (saying the session ended, when it
 * just did). Signed in with another role: the 403 page. No roles given: any signed-in staff member.
 */
export function requireStaffPage(...roles: StaffRole[]): RequestHandler {
  return (_req, res, next) => {
    const staff = staffOf(res);
    if (staff === undefined) {
      res.redirect(303, res.locals.sessionEnded === true ? `${LOGIN_PATH}?ended=1` : LOGIN_PATH);
      return;
    }
    if (roles.length > 0 && !roles.includes(staff.role)) {
      next(forbidden());
      return;
    }
    next();
  };
}

/**
 * Guards a console endpoint that scripts on console pages call: 401 / 403 as JSON, and any later
 * error of the route as JSON too (the console's error handler reads res.locals.consoleApi).
 */
export function requireStaffApi(...roles: StaffRole[]): RequestHandler {
  return (_req, res, next) => {
    res.locals.consoleApi = true;
    const staff = staffOf(res);
    if (staff === undefined) next(notSignedIn());
    else if (roles.length > 0 && !roles.includes(staff.role)) next(forbidden());
    else next();
  };
}

/**
 * The consoles' outer boundary, whatever the feature routers do: everything under /admin is for
 * admins, everything under /support for support and admins. A page forgotten by its guard is
 * still closed. Clients asking for JSON get the API answers (401 / 403) instead of a redirect.
 */
export function requireArea(...roles: StaffRole[]): RequestHandler {
  const page = requireStaffPage(...roles);
  const api = requireStaffApi(...roles);
  return (req, res, next) => (req.accepts(['html', 'json']) === 'json' ? api(req, res, next) : page(req, res, next));
}
