import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError } from '../errors/app-error';

const BEARER = /^Bearer +(\S+) *$/i;

/**
 * Admits a request only with `Authorization: Bearer <token>` equal to the configured token.
 * Both sides are hashed before the comparison, so `timingSafeEqual` always compares 32 bytes and
 * neither the token's content nor its length leaks through timing. Without a configured token
 * every request is refused: an admin API that is open by default is worse than one that is off.
 */
export function requireAdminToken(configuredToken: string | undefined): RequestHandler {
  const expected = configuredToken === undefined ? undefined : sha256(configuredToken);
  return (req, res, next) => {
    if (expected === undefined) {
      res.set('WWW-Authenticate', 'Bearer');
      next(unauthorized('The admin API is not enabled on this server.'));
      return;
    }
    const given = BEARER.exec(req.get('authorization') ?? '')?.[1];
    if (given === undefined) {
      // RFC 6750 section 3: no error attribute when the request carried no credentials.
      res.set('WWW-Authenticate', 'Bearer');
      next(unauthorized('Send the admin API token as "Authorization: Bearer <token>".'));
      return;
    }
    if (!timingSafeEqual(sha256(given), expected)) {
      res.set('WWW-Authenticate', 'Bearer error="invalid_token"');
      next(unauthorized('The admin API token is not valid.'));
      return;
    }
    next();
  };
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function unauthorized(message: string): AppError {
  return new AppError('unauthorized', 401, message);
}
