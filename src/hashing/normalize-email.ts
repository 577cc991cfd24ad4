import { type EmailV1Problem, MAX_EMAIL_LENGTH, normalizeEmailV1 } from '../email';
import { AppError } from '../errors';

const MESSAGES: Record<EmailV1Problem, string> = {
  empty: 'Please enter an email address.',
  not_an_address: 'This does not look like an email address. It should look like name@example.jp.',
  local_part: 'The part before the @ contains characters an email address cannot have.',
  domain: 'The part after the @ is not a valid domain name, such as example.jp.',
  too_long: `An email address can be at most ${MAX_EMAIL_LENGTH} characters long.`,
};

/**
 * Profile normalization "email-v1" (src/email: the one implementation, shared with the browser).
 * Throws AppError `invalid_email` (400); the message never repeats the input.
 */
export function normalizeEmail(input: string): string {
  const result = normalizeEmailV1(input);
  if (!result.ok) throw AppError.invalidEmail(MESSAGES[result.problem]);
  return result.normalized;
}
