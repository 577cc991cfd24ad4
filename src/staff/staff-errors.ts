import { AppError } from '../errors/app-error';

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
