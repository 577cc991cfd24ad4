import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '../errors';
import { setActor, staffOf } from '../actor';
import { hasValidCsrfHeader, csrfRejected, forbidden, staffUnavailable } from '../console';
import { type StaffHttp, SESSION_COOKIE } from '../sign-in';
import type { ApiTokenService } from '../tokens';

const BEARER = /^Bearer +(\S+) *$/i;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AdminAuthOptions {
  /** ADMIN_API_TOKEN: the break-glass bootstrap; absent, only per-admin tokens and sessions work. */
  breakGlassToken: string | undefined;
  apiTokens: Pick<ApiTokenService, 'authenticate'>;
  /** For the admin console's own scripts, which call the API with the session cookie. */
  staffHttp: StaffHttp;
}

/**
 * Admits an admin API request from one of three actors, recorded in res.locals.actor:
 * - `Authorization: Bearer <ADMIN_API_TOKEN>` (break-glass). Both sides are hashed before the
 *   comparison, so `timingSafeEqual` always compares 32 bytes and neither content nor length leaks.
 * - `Authorization: Bearer xct_...`, a per-admin token whose owner is, right now, an enabled admin
 *   (a support owner: 403; revoked, unknown or disabled owner: 401).
 * - the staff session cookie of an admin, with the session's CSRF token in `X-CSRF-Token` for
 *   anything but reads (the body is not read here, so the header is the only place for it).
 */
export function requireAdminToken(options: AdminAuthOptions): RequestHandler {
  const breakGlass = options.breakGlassToken === undefined ? undefined : sha256(options.breakGlassToken);
  return (req, res, next) => {
    const authorization = req.get('authorization');
    if (authorization !== undefined) {
      bearerActor(authorization, breakGlass, options, res).then(() => next(), next);
      return;
    }
    if (hasSessionCookie(req)) {
      sessionActor(req, res, options.staffHttp).then(() => next(), next);
      return;
    }
    // RFC 6750 section 3: no error attribute when the request carried no credentials.
    res.set('WWW-Authenticate', 'Bearer');
    next(unauthorized('Send the admin API token as "Authorization: Bearer <token>".'));
  };
}

async function bearerActor(
  authorization: string,
  breakGlass: Buffer | undefined,
  options: AdminAuthOptions,
  res: Response,
): Promise<void> {
  const given = BEARER.exec(authorization)?.[1];
  if (given === undefined) {
    res.set('WWW-Authenticate', 'Bearer');
    throw unauthorized('Send the admin API token as "Authorization: Bearer <token>".');
  }
  if (breakGlass !== undefined && timingSafeEqual(sha256(given), breakGlass)) {
    setActor(res, { kind: 'break-glass' });
    return;
  }
  const outcome = await options.apiTokens.authenticate(given).catch((error: unknown) => {
    throw staffUnavailable(error);
  });
  if (outcome.ok) {
    setActor(res, { kind: 'api-token', staffId: outcome.owner.id, username: outcome.owner.username, tokenId: outcome.token.id });
    return;
  }
  if (outcome.reason === 'owner_not_admin') {
    res.set('WWW-Authenticate', 'Bearer error="insufficient_scope"');
    throw forbidden('The token belongs to an account that is not an admin.');
  }
  res.set('WWW-Authenticate', 'Bearer error="invalid_token"');
  throw unauthorized('The admin API token is not valid.');
}

async function sessionActor(req: Request, res: Response, staffHttp: StaffHttp): Promise<void> {
  await run(staffHttp.session, req, res);
  await run(staffHttp.loadStaff, req, res);
  const staff = staffOf(res);
  if (staff === undefined) {
    res.set('WWW-Authenticate', 'Bearer');
    throw unauthorized('Sign in to the staff console again, or send an admin API token as "Authorization: Bearer <token>".');
  }
  if (staff.role !== 'admin') throw forbidden('The admin API is for admins.');
  if (!SAFE_METHODS.has(req.method) && !hasValidCsrfHeader(req)) throw csrfRejected();
}

function run(handler: RequestHandler, req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    void handler(req, res, (error?: unknown) => (error === undefined ? resolve() : reject(error)));
  });
}

function hasSessionCookie(req: Request): boolean {
  return new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=`).test(req.headers.cookie ?? '');
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function unauthorized(message: string): AppError {
  return new AppError('unauthorized', 401, message);
}
