import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import {
  type AppError,
  errorKindOf,
  retryAfterSecondsOf,
  retryMinutesOf,
  shownErrorKind,
  type ErrorKind,
  type ErrorMessages,
} from '../errors';

/** Where a failure's cause is logged, under which message. */
export interface FailureLog {
  logger: Logger;
  /** Says which part failed: 'request failed', 'console request failed'. */
  message: string;
  /**
   * Log shed refusals (503 overloaded) too. Elsewhere shedding is the service working as designed
   * (counted in /metrics) and a line per refusal would only add work while it is busiest; the
   * support form has always logged every 5xx refusal, and sharing this code changed no log line.
   */
  shedRefusals?: boolean;
}

/**
 * What every error answer shares, whatever its body (a page, JSON, a form shown again): the cause
 * logged once, the status, and Retry-After.
 */
export function startErrorAnswer(error: AppError, res: Response, log: FailureLog): void {
  if (error.status >= 500 && (log.shedRefusals === true || errorKindOf(error) !== 'overloaded')) {
    // The code and the cause's name and message only: a stack or a request body could carry input,
    // an address among it. AppError messages never hold one.
    const cause = error.cause as { name?: string; message?: string } | undefined;
    log.logger.error({ code: error.code, cause: cause && { name: cause.name, message: cause.message } }, log.message);
  }
  res.status(error.status);
  const retryAfter = retryAfterSecondsOf(error);
  if (retryAfter !== undefined) res.set('Retry-After', String(retryAfter));
}

/** What an error page's template reads, beside its frame's locals. */
export interface ErrorPageLocals {
  /** Which of its messages the page shows: `errors[kind]`. */
  kind: ErrorKind;
  retryMinutes: number | undefined;
}

export interface ErrorPage {
  error: AppError;
  template: string;
  locals: ErrorPageLocals;
}

/** What differs between the error answers of the public pages and the consoles. */
export interface ErrorRendering {
  log: FailureLog;
  /**
   * Answer `{ error: { code, message } }` instead of a page (the API, console script endpoints),
   * with `scope` beside them when a 429 says which budget refused.
   */
  wantsJson: (req: Request, res: Response) => boolean;
  /**
   * Send the error's `params` beside its code in JSON (the consoles' scripts say a refusal in the
   * reader's language from them); the API's errors keep to `{ code, message }`.
   */
  jsonParams?: boolean;
  template: string;
  /**
   * Sets the page's language and frame in res.locals (idempotently: the request may have failed
   * before the middleware that does so ran) and returns that language's error messages.
   */
  messages: (req: Request, res: Response) => ErrorMessages;
  /** Sends the page; res.render(template, locals) unless given (the consoles answer some errors otherwise). */
  send?: (page: ErrorPage, req: Request, res: Response, next: NextFunction) => void;
}

export type RenderError = (error: AppError, req: Request, res: Response, next: NextFunction) => void;

/** Answers an AppError as JSON or as a page, as `rendering` says. */
export function errorRenderer(rendering: ErrorRendering): RenderError {
  const send = rendering.send ?? ((page: ErrorPage, _req: Request, res: Response) => res.render(page.template, page.locals));
  return (error, req, res, next) => {
    startErrorAnswer(error, res, rendering.log);
    // JSON keeps the Cache-Control its area set (the console router's no-store covers every console answer).
    if (rendering.wantsJson(req, res)) {
      res.json({
        error: {
          code: error.code,
          message: error.message,
          ...(error.scope !== undefined && { scope: error.scope }),
          ...(rendering.jsonParams === true && error.params !== undefined && { params: error.params }),
        },
      });
      return;
    }
    const messages = rendering.messages(req, res);
    // An error page is about this one request; a cache must not hand it to the next.
    res.set('Cache-Control', 'no-store');
    const locals: ErrorPageLocals = { kind: shownErrorKind(error, messages), retryMinutes: retryMinutesOf(error) };
    send({ error, template: rendering.template, locals }, req, res, next);
  };
}
