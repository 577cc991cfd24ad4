import type { Request, RequestHandler } from 'express';
import { csrfSync } from 'csrf-sync';
import { csrfRejected } from './staff-errors';

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Synchronizer tokens: one random token per session, kept in the session, sent back by every form
// (hidden `_csrf`) and script (`X-CSRF-Token`). 32 bytes are plenty; the default 128 only bloat pages.
const { generateToken, isRequestValid } = csrfSync({ getTokenFromRequest: tokenOf, size: 32 });

function tokenOf(req: Request): string | undefined {
  const header = req.get(CSRF_HEADER);
  if (header !== undefined) return header;
  const field = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
  return typeof field === 'string' ? field : undefined;
}

/**
 * Refuses every state-changing request (POST, PUT, PATCH, DELETE) without this session's token:
 * 403 `csrf_rejected`. Needs the session before it and, for forms, the body parser. Offers the
 * token to views as res.locals.csrfToken, made only when a page reads it, so a visitor who is only
 * redirected leaves nothing in the session store.
 */
export const csrfProtection: RequestHandler = (req, res, next) => {
  Object.defineProperty(res.locals, 'csrfToken', {
    get: () => generateToken(req),
    enumerable: true,
    configurable: true,
  });
  if (SAFE_METHODS.has(req.method) || isRequestValid(req)) next();
  else next(csrfRejected());
};

/** For the admin API gate: the body is not read there yet, so only the header counts. */
export function hasValidCsrfHeader(req: Request): boolean {
  return req.get(CSRF_HEADER) !== undefined && isRequestValid(req);
}
