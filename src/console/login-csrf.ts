import { hkdfSync } from 'node:crypto';
import type { Request, Response } from 'express';
import { doubleCsrf, type DoubleCsrfUtilities } from 'csrf-csrf';

const INFO = 'exposure-check/login-csrf/v1';
// The sign-in form is the only thing it protects: a fixed "session identifier" says so in every
// token's HMAC, since there is no session yet to bind it to (that is the point: no state).
const PURPOSE = 'staff-login';
// Behind TLS the __Host- prefix stops a sibling subdomain from planting its own cookie (login CSRF by
// cookie tossing); browsers accept that prefix only on Secure cookies, so plain HTTP (demo, tests,
// localhost) uses the bare name.
const TLS_COOKIE = '__Host-xc_login_csrf';
const PLAIN_COOKIE = 'xc_login_csrf';

export interface LoginCsrf {
  /** The token for the sign-in form, setting its cookie (the same token again while the cookie is valid). */
  tokenFor(req: Request, res: Response): string;
  /** Whether the form's token matches this browser's cookie and carries our HMAC. */
  isValid(req: Request): boolean;
}

/**
 * CSRF protection of the sign-in form without server state: a signed double-submit token
 * (csrf-csrf). The token is random bytes with an HMAC under a key derived from the session secret;
 * it goes into an HttpOnly, SameSite=Strict cookie and into the form, and a post counts only when
 * both are there, equal, and signed by us. Another site can neither read the cookie nor make up a
 * pair, and a token from another browser does not match this browser's cookie. Nothing is written
 * to Redis, so anonymous visitors cost the store nothing however many there are.
 */
export function loginCsrf(sessionSecret: string, readToken: (req: Request) => string | undefined): LoginCsrf {
  const secret = Buffer.from(hkdfSync('sha256', sessionSecret, Buffer.alloc(0), INFO, 32)).toString('hex');
  const variant = (cookieName: string, secure: boolean): { cookieName: string; csrf: DoubleCsrfUtilities } => ({
    cookieName,
    csrf: doubleCsrf({
      getSecret: () => secret,
      getSessionIdentifier: () => PURPOSE,
      cookieName,
      // No maxAge: the pair lives as long as the browser session, like a form left open.
      cookieOptions: { httpOnly: true, sameSite: 'strict', secure, path: '/' },
      size: 32,
      getCsrfTokenFromRequest: readToken,
    }),
  });
  const tls = variant(TLS_COOKIE, true);
  const plain = variant(PLAIN_COOKIE, false);
  const forRequest = (req: Request) => {
    const chosen = req.secure ? tls : plain;
    // csrf-csrf reads req.cookies; we parse only our own cookie instead of bringing in a parser.
    const value = cookieValue(req, chosen.cookieName);
    req.cookies = value === undefined ? {} : { [chosen.cookieName]: value };
    return chosen.csrf;
  };
  return {
    tokenFor: (req, res) => forRequest(req).generateCsrfToken(req, res),
    isValid: (req) => forRequest(req).validateRequest(req),
  };
}

// Our tokens are hex, a dot, hex: anything else in the cookie is not ours and is ignored.
const TOKEN_VALUE = /^[0-9a-f]{1,256}\.[0-9a-f]{1,256}$/;

function cookieValue(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0 || part.slice(0, separator).trim() !== name) continue;
    const value = part.slice(separator + 1).trim();
    return TOKEN_VALUE.test(value) ? value : undefined;
  }
  return undefined;
}
