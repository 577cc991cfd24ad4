import type { AppError } from '../errors/app-error';
import type { ErrorPageKind } from '../i18n/messages';

/** Which localized error page an AppError gets: by code and status, never by its English message. */
export function errorPageKind(error: AppError): ErrorPageKind {
  if (error.code === 'not_found') return 'notFound';
  if (error.code === 'rate_limited') return 'rateLimited';
  if (error.code === 'unavailable' || error.status === 503) return 'unavailable';
  if (error.code === 'payload_too_large' || error.status === 413) return 'tooLarge';
  if (error.status >= 400 && error.status < 500) return 'badRequest';
  return 'internal';
}
