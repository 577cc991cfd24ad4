import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { AppError, toAppError } from '../errors';
import { errorRenderer, type ErrorPage } from '../http';
import { applyConsoleLocals } from './console-locals';
import { LOGIN_PATH } from './require-staff';
import { staffOf } from '../actor';

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
  const sendPage = (page: ErrorPage, req: Request, res: Response, next: (error: Error) => void): void => {
    const loginNotice = req.path === LOGIN_PATH ? LOGIN_NOTICES.get(page.error.code) : undefined;
    if (loginNotice !== undefined) {
      res.render('console/login.njk', { username: '', notice: loginNotice });
      return;
    }
    if (page.locals.kind === 'overloaded' && staffOf(res) === undefined) {
      const key = `${String(res.locals.lang)}:${String(res.locals.consolePath)}`;
      const cached = shedPages.get(key);
      if (cached !== undefined) {
        res.type('html').send(cached);
        return;
      }
      res.render(page.template, page.locals, (renderError: Error | null, html: string) => {
        if (renderError !== null) {
          next(renderError);
          return;
        }
        shedPages.set(key, html);
        res.type('html').send(html);
      });
      return;
    }
    res.render(page.template, page.locals);
  };
  const render = errorRenderer({
    log: { logger, message: 'console request failed' },
    wantsJson: (req, res) => res.locals.consoleApi === true || req.accepts(['html', 'json']) === 'json',
    jsonParams: true,
    template: 'console/error.njk',
    messages: (req, res) => applyConsoleLocals(req, res).st.errors,
    send: sendPage,
  });
  return (error: unknown, req, res, next) => {
    render(toAppError(error), req, res, next);
  };
}

// A sign-in refused for one of these is shown the form again, saying why (and, with csrf_rejected, a
// fresh token). A shed one (503 overloaded) gets the short page instead: it must cost next to nothing.
const LOGIN_NOTICES = new Map([
  ['csrf_rejected', 'formExpired'],
  ['audit_unavailable', 'unaudited'],
]);
