import { AppError, isAppError } from './app-error';
import { isStoreFailure } from './store-failure';

/**
 * What kind of failure an error is, as its answer tells it: by code and status, never by its
 * English message. Pages, the API and the support form all read the kind from here.
 */
export type ErrorKind = BasicErrorKind | RefinedErrorKind;

/** The kinds every error page has a title and body for (the public pages have only these). */
export type BasicErrorKind = 'notFound' | 'rateLimited' | 'unavailable' | 'tooLarge' | 'badRequest' | 'internal';

/**
 * Finer kinds a page may tell apart (the consoles do; the public pages tell a 429 of the client's
 * network from one of everybody's); a page without their messages shows the basic kind.
 */
type RefinedErrorKind = 'forbidden' | 'csrf' | 'overloaded' | 'rateLimitedNetwork';

interface KindRule {
  /** For a refined kind: what a page without its messages shows instead. */
  otherwise?: BasicErrorKind;
  /** Retry-After for an error of this kind that carries no estimate of its own. */
  retryAfterSeconds?: number;
  /**
   * The page says when to come back, in whole minutes ("try again in 1 minute" calms more than a
   * count of seconds), assuming this wait when the error gives none. No Retry-After is made up from it.
   */
  assumedWaitSeconds?: number;
}

// Unavailable: a dependency failed, and half a minute is a fair first guess for its recovery.
// Overloaded errors carry their own estimate; the default only covers one that did not.
const RULES: Record<ErrorKind, KindRule> = {
  forbidden: { otherwise: 'badRequest' },
  csrf: { otherwise: 'badRequest' },
  notFound: {},
  rateLimited: { assumedWaitSeconds: 60 },
  // The budget of the client's network (its address or IPv6 /64), not everybody's.
  rateLimitedNetwork: { otherwise: 'rateLimited', assumedWaitSeconds: 60 },
  overloaded: { otherwise: 'unavailable', retryAfterSeconds: 30 },
  unavailable: { retryAfterSeconds: 30 },
  tooLarge: {},
  badRequest: {},
  internal: {},
};

/** The kind of an error, the finest one. Codes first: a code says more than the status it shares with others. */
export function errorKindOf(error: AppError): ErrorKind {
  if (error.code === 'csrf_rejected') return 'csrf';
  // Shedding is the service working as designed: a 503 unlike a broken dependency.
  if (error.code === 'overloaded') return 'overloaded';
  if (error.status === 401 || error.status === 403) return 'forbidden';
  if (error.code === 'not_found' || error.status === 404) return 'notFound';
  if (error.code === 'rate_limited' || error.status === 429) {
    return error.scope === 'network' ? 'rateLimitedNetwork' : 'rateLimited';
  }
  if (error.code === 'unavailable' || error.status === 503) return 'unavailable';
  if (error.code === 'payload_too_large' || error.status === 413) return 'tooLarge';
  if (error.status >= 400 && error.status < 500) return 'badRequest';
  return 'internal';
}

/** A page's error messages: one per basic kind at least, one per refined kind it tells apart. */
export type ErrorMessages = Record<BasicErrorKind, unknown> & Partial<Record<RefinedErrorKind, unknown>>;

/** The kind a page with these messages shows: the error's own, or the basic kind it refines. */
export function shownErrorKind(error: AppError, messages: ErrorMessages): ErrorKind {
  const kind = errorKindOf(error);
  return messages[kind] !== undefined ? kind : (RULES[kind].otherwise ?? kind);
}

/** The Retry-After to send: the error's own estimate, else its kind's default, else none. */
export function retryAfterSecondsOf(error: AppError): number | undefined {
  return error.retryAfterSeconds ?? RULES[errorKindOf(error)].retryAfterSeconds;
}

/** When the page says to come back, in whole minutes (at least 1); undefined for kinds that say nothing. */
export function retryMinutesOf(error: AppError): number | undefined {
  const assumed = RULES[errorKindOf(error)].assumedWaitSeconds;
  if (assumed === undefined) return undefined;
  return Math.max(1, Math.ceil((error.retryAfterSeconds ?? assumed) / 60));
}

/**
 * Maps anything thrown to an AppError; a store that cannot serve (isStoreFailure) is a 503, other
 * unknown failures a generic 500; the cause is only logged.
 */
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
  if (isStoreFailure(error)) {
    return new AppError('unavailable', 503, 'The service could not reach its data right now. Please try again in a few minutes.', { cause: error });
  }
  return new AppError('internal', 500, 'Something went wrong on our side. Please try again later.', { cause: error });
}
