import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../errors/app-error';
import { toAppError } from '../http/error-middleware';
import { applyConsoleLocals } from './console-locals';
import type { ConsoleErrorKind } from './staff-messages';

export const consoleNotFound: RequestHandler = (_req, _res, next) => {
  next(new AppError('not_found', 404, 'There is no console page at this address.'));
};

/**
 * Errors on console paths: JSON for console endpoints (requireStaffApi) and for clients that ask
 * for JSON, otherwise a page in the console's frame and language. A sign-in form that expired is
 * simply shown again, fresh, with a word of explanation.
 */
export function consoleErrors(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const appError = toAppError(error);
    if (appError.status >= 500) {
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
    applyConsoleLocals(req, res);
    if (appError.code === 'csrf_rejected' && req.path === '/staff/login') {
      res.render('console/login.njk', { username: '', notice: 'formExpired' });
      return;
    }
    res.render('console/error.njk', {
      kind: consoleErrorKind(appError),
      retryMinutes: appError.status === 429 ? Math.max(1, Math.ceil((appError.retryAfterSeconds ?? 60) / 60)) : undefined,
    });
  };
}

function wantsJson(req: Request, res: Response): boolean {
  return res.locals.consoleApi === true || req.accepts(['html', 'json']) === 'json';
}

function consoleErrorKind(error: AppError): ConsoleErrorKind {
  if (error.code === 'csrf_rejected') return 'csrf';
  if (error.status === 401 || error.status === 403) return 'forbidden';
  if (error.status === 404) return 'notFound';
  if (error.status === 429) return 'rateLimited';
  if (error.status === 503) return 'unavailable';
  if (error.status === 413) return 'tooLarge';
  if (error.status >= 400 && error.status < 500) return 'badRequest';
  return 'internal';
}
