import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError, toAppError } from '../errors';
import { applyPageLanguage } from '../i18n';
import { errorRenderer } from './error-renderer';

export const notFoundHandler: RequestHandler = (_req, _res, next) => {
  next(AppError.notFound());
};

/** Where the error middleware leaves the answer's error code, for the request log line. */
export const ERROR_CODE_LOCAL = 'errorCode';

/** The public pages' and the API's errors: JSON under /api/, otherwise views/error.njk in the page's language. */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  const render = errorRenderer({
    log: { logger, message: 'request failed' },
    wantsJson: (req) => req.path.startsWith('/api/'),
    template: 'error.njk',
    // A request can fail before the language middleware ran (an oversized form): choose it here too.
    messages: (req, res) => applyPageLanguage(req, res).t.errors,
  });
  return (error: unknown, req, res, next) => {
    const appError = toAppError(error);
    res.locals[ERROR_CODE_LOCAL] = appError.code;
    render(appError, req, res, next);
  };
}
