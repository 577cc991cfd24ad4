import { AppError } from '../errors/app-error';

/** The one field a check needs; anything else in the body is ignored. */
export function emailFromBody(body: unknown): string {
  const email = (body as { email?: unknown } | undefined)?.email;
  if (typeof email !== 'string') {
    throw AppError.badRequest('invalid_request', 'Send a JSON object with an "email" string.', 'email');
  }
  return email;
}
