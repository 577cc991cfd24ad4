import { z } from 'zod';
import { AppError } from '../errors';

/** The body of POST /api/v1/check: the one field a check needs; anything else in it is ignored. */
export const checkRequestSchema = z.object({ email: z.string() });

export function emailFromBody(body: unknown): string {
  const request = checkRequestSchema.safeParse(body);
  if (!request.success) {
    throw AppError.badRequest('invalid_request', 'Send a JSON object with an "email" string.', 'email');
  }
  return request.data.email;
}
