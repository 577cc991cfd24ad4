import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../errors/app-error';
import { toAppError } from '../http/error-middleware';
import { applyConsoleLocals } from './console-locals';
import { LOGIN_PATH } from './require-staff';
import { staffOf } from '../sign-in/staff-session';
import type { ConsoleErrorKind } from './console-messages';

export const consoleNotFound: RequestHandler = (_req, _res, next) => {
  next(new AppError('not_found', 404, 'There is no console page at this address.'));
};

/**
 * Errors on console paths: JSON for console endpoints (requireStaffApi) and for clients that ask
 * for JSON, otherwise a page in the console's frame and language. A sign-in form that expired, or a
 * sign-in that could not be recorded, is simply shown again with a word of explanation.
 */
export function consoleErrors(logger: Logger): ErrorRequestHandler {
  // A shed sign-in's page is the same for every anonymous visitor of a language (and this app):
  // rendered once, it costs the main thread next to nothing while a flood of sign-ins is refused.
  const shedPages = new Map<string, string>();
  return (error: unknown, req, res, next) => {
    const appError = toAppError(error);
    // Shedding is the service working as designed (as for checks): a line per refusal would only add
    // work while it is busiest.
    if (appError.status >= 500 && appError.code !== 'overloaded') {
      const cause = appError.cause as { name?: string; message?: string } | undefined;
      logger.error({ code: appError.code, cause: cause && { name: cause.name, message: cause.message } }, 'console request failed');
    }
    res.status(appError.status);
    res.set('Cache-Control', 'no-store');
    if (appError.retryAfterSeconds !== undefined) res.set('Retry-After', String(appError.retryAfterSeconds));
    else if (appError.status === 503) res.set('Retry-After', '30');
    if (wantsJson(req, res)) {
      res.json({ error: { code: appError.code, message: appError.message } });
      return;
    }
    const { consolePath } = applyConsoleLocals(req, res);
    const loginNotice = req.path === LOGIN_PATH ? LOGIN_NOTICES.get(appError.code) : undefined;
    if (loginNotice !== undefined) {
      res.render('console/login.njk', { username: '', notice: loginNotice });
      return;
    }
    const kind = consoleErrorKind(appError);
    const locals = {
      kind,
      retryMinutes: appError.status === 429 ? Math.max(1, Math.ceil((appError.retryAfterSeconds ?? 60) / 60)) : undefined,
    };
    if (kind === 'overloaded' && staffOf(res) === undefined) {
      const key = `${String(res.locals.lang)}:${consolePath}`;
      const cached = shedPages.get(key);
      if (cached !== undefined) {
        res.type('html').send(cached);
        return;
      }
      res.render('console/error.njk', locals, (renderError: Error | null, html: string) => {
        if (renderError !== null) {
          next(renderError);
          return;
        }
        shedPages.set(key, html);
        res.type('html').send(html);
      });
      return;
    }
    res.render('console/error.njk', locals);
  };
}

// A sign-in refused for one of these is shown the form again, saying why (and, with csrf_rejected, a
// fresh token). A shed one (503 overloaded) gets the short page instead: it must cost next to nothing.
const LOGIN_NOTICES = new Map([
  ['csrf_rejected', 'formExpired'],
  ['audit_unavailable', 'unaudited'],
]);

function wantsJson(req: Request, res: Response): boolean {
  return res.locals.consoleApi === true || req.accepts(['html', 'json']) === 'json';
}

function consoleErrorKind(error: AppError): ConsoleErrorKind {
  if (error.code === 'csrf_rejected') return 'csrf';
  if (error.code === 'overloaded') return 'overloaded';
  if (error.status === 401 || error.status === 403) return 'forbidden';
  if (error.status === 404) return 'notFound';
  if (error.status === 429) return 'rateLimited';
  if (error.status === 503) return 'unavailable';
  if (error.status === 413) return 'tooLarge';
  if (error.status >= 400 && error.status < 500) return 'badRequest';
  return 'internal';
}
