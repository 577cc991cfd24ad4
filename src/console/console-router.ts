import express, { Router, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { jsonBody } from '../http';
import { adminLocals } from './admin-locals';
import { auditGapPage } from './audit-gap-page';
import { consoleErrors, consoleNotFound } from './console-errors';
import { consoleLocals } from './console-locals';
import { csrfProtection, csrfTokenOf } from './csrf';
import { loginCsrf } from './login-csrf';
import { requireArea } from './require-staff';
import { staffOf } from '../actor';

/** What the frame needs from the sign-in feature, which sits above it and mounts its pages in it. */
export interface ConsoleSession {
  /** Runs first: refuses a sign-in at once when the password queue is full. */
  shed: RequestHandler;
  /** express-session, then the staff loader (res.locals.staff and the actor for a live session). */
  session: RequestHandler;
  loadStaff: RequestHandler;
  /** Signs the sign-in form's stateless CSRF token. */
  sessionSecret: string;
}

export interface ConsoleDeps {
  session: ConsoleSession;
  logger: Logger;
  /** The zone every console page shows times in (TIME_ZONE): pages read it with timeZoneOf. */
  timeZone: string;
}

const CONSOLE_ROOTS = ['/staff', '/support', '/admin'];

// Incident texts, talking points and staff forms run to a few kilobytes in two languages.
const STAFF_BODY_LIMIT = '256kb';
// Someone not signed in can only send the sign-in form.
const ANONYMOUS_BODY_LIMIT = '8kb';

export function isConsolePath(path: string): boolean {
  return CONSOLE_ROOTS.some((root) => path === root || path.startsWith(`${root}/`));
}

/**
 * The staff consoles: every request under /staff, /support and /admin passes (a sign-in shed first
 * when the password queue is full) session -> staff loader -> body parsers (the larger limit only
 * for signed-in staff) -> CSRF -> language, then the role boundary of each area (/admin: admins;
 * /support: support and admins), the feature pages given (the sign-in pages among them), then a
 * console 404 and the console's error pages.
 * Mounted before the public body parsers; requests elsewhere pass straight through. Feature
 * routers see full paths (`/admin/incidents`), exactly as the browser asked for them.
 */
export function consoleRouter(deps: ConsoleDeps, pages: Router[]): Router {
  const router = Router();
  router.use((req, _res, next) => next(isConsolePath(req.path) ? undefined : 'router'));
  router.use((_req, res, next) => {
    // Console pages hold unpublished incidents, staff names and check results.
    res.set('Cache-Control', 'no-store');
    res.locals.timeZone = deps.timeZone;
    next();
  });
  router.use(deps.session.shed);
  router.use(deps.session.session, deps.session.loadStaff);
  router.use(bodyParsers());
  router.use(csrfProtection(loginCsrf(deps.session.sessionSecret, csrfTokenOf)));
  router.use(consoleLocals);
  router.use('/admin', requireArea('admin'));
  router.use('/support', requireArea('support', 'admin'));
  router.use('/admin', adminLocals);
  for (const page of pages) router.use(page);
  router.use('/admin', auditGapPage);
  router.use(consoleNotFound);
  router.use(consoleErrors(deps.logger));
  return router;
}

/** Forms and JSON, with the limit of who is asking: decided per request, after the staff loader. */
function bodyParsers(): RequestHandler {
  const parsers = (limit: string): [RequestHandler, RequestHandler] => [
    express.urlencoded({ extended: false, limit }),
    jsonBody(limit),
  ];
  const forStaff = parsers(STAFF_BODY_LIMIT);
  const forAnyone = parsers(ANONYMOUS_BODY_LIMIT);
  return (req, res, next) => {
    const [form, json] = staffOf(res) === undefined ? forAnyone : forStaff;
    form(req, res, (error?: unknown) => (error === undefined ? json(req, res, next) : next(error)));
  };
}
