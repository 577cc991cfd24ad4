import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError, isAppError } from '../errors/app-error';
import { applyPageLanguage } from '../i18n/page-language';
import { errorPageKind } from './error-page';

/** Maps anything thrown to an AppError; unknown failures become a generic 500 whose cause is only logged. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const status = (error as { status?: unknown; type?: unknown }).status;
  const type = (error as { type?: unknown }).type;
  // body-parser's errors carry a status and a type; their messages may quote the body, so never reuse them.
  if (type === 'entity.too.large' || status === 413) {
    return new AppError('payload_too_large', 413, 'The request body is too large.', { cause: error });
  }
  if (type === 'entity.parse.failed') {
    return new AppError('malformed_json', 400, 'The request body is not valid JSON.', { cause: error });
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError('bad_request', status, 'The request could not be understood.', { cause: error });
  }
  return new AppError('internal', 500, 'Something went wrong on our side. Please try again later.', { cause: error });
}

function wantsJson(path: string): boolean {
  return path.startsWith('/api/');
}

export const notFoundHandler: RequestHandler = (_req, _res, next) => {
  next(AppError.notFound());
};

/** Where the error middleware leaves the answer's error code, for the request log line. */
export const ERROR_CODE_LOCAL = 'errorCode';

export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const appError = toAppError(error);
    res.locals[ERROR_CODE_LOCAL] = appError.code;
    // Shedding is the service working as designed under overload (counted in /metrics); an error
    // line per shed request would only add work while it is busiest.
    if (appError.status >= 500 && appError.code !== 'overloaded') {
      // Only the cause's name and message: a stack or request body could carry input.
      const cause = appError.cause as { name?: string; message?: string } | undefined;
      logger.error({ code: appError.code, cause: cause && { name: cause.name, message: cause.message } }, 'request failed');
    }
    res.status(appError.status);
    if (appError.retryAfterSeconds !== undefined) res.set('Retry-After', String(appError.retryAfterSeconds));
    else if (appError.status === 503) res.set('Retry-After', '30');
    if (wantsJson(req.path)) {
      res.json({ error: { code: appError.code, message: appError.message } });
      return;
    }
    // A request can fail before the language middleware ran (an oversized form): choose it here too.
    applyPageLanguage(req, res);
    res.set('Cache-Control', 'no-store');
    res.render('error.njk', {
      status: appError.status,
      kind: errorPageKind(appError),
      // The page speaks in minutes: "try again in 1 minute" calms more than a count of seconds.
      retryMinutes: appError.status === 429 ? Math.max(1, Math.ceil((appError.retryAfterSeconds ?? 60) / 60)) : undefined,
    });
  };
}
