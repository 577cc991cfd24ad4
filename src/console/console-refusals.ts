import { AppError } from '../errors';

/** The store behind sessions, accounts or throttling failed: nobody can be let in, and it is not their fault. */
export function staffUnavailable(cause: unknown): AppError {
  return new AppError('unavailable', 503, 'Staff sign-in is unavailable right now. Please try again in a few minutes.', {
    cause,
  });
}

export function notSignedIn(): AppError {
  return new AppError('unauthorized', 401, 'Sign in to the staff console first.');
}

export function forbidden(message = 'Your role does not allow this.'): AppError {
  return new AppError('forbidden', 403, message);
}

export function csrfRejected(): AppError {
  return new AppError(
    'csrf_rejected',
    403,
    'The form or request did not carry this session\'s security token. Reload the page and try again.',
  );
}

// About a queue's worth of verifications: by then the places have turned over many times.
const PASSWORD_RETRY_SECONDS = 5;

/**
 * Load shedding of password work (sign-ins, new accounts, resets): more are queued than can be
 * answered in time, so this one was refused before any hashing. Nothing is broken; retry soon.
 */
export function passwordWorkOverloaded(): AppError {
  return new AppError('overloaded', 503, 'Too many sign-ins and password changes are being processed right now. Please try again in a few seconds.', {
    retryAfterSeconds: PASSWORD_RETRY_SECONDS,
  });
}

/** The audit log could not record a sign-in (or a failed one): it does not happen unrecorded. */
export function signInUnaudited(cause: unknown): AppError {
  return new AppError(
    'audit_unavailable',
    503,
    'Signing in is not possible right now: the audit log cannot record it. Please try again in a few minutes.',
    { cause },
  );
}
