import { AppError } from '../errors';
import { isStaffRole, type StaffRole } from '../actor';

/**
 * Usernames are short handles, never email addresses (no `@`): they end up in Redis keys, audit
 * events and logs, where an address must never be.
 */
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
const DISPLAY_NAME_MAX_LENGTH = 100;

// Control characters (C0, DEL, C1) and the bidi overrides that could disguise a name on screen.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** What a person typed into a username field, in the form it is stored: trimmed and lower case. */
export function normalizeUsername(input: string): string {
  return input.trim().toLowerCase();
}

export function isValidUsername(username: string): boolean {
  return USERNAME.test(username);
}

export function checkUsername(input: unknown): string {
  const username = typeof input === 'string' ? normalizeUsername(input) : '';
  if (!isValidUsername(username)) {
    throw AppError.badRequest(
      'invalid_username',
      'A username is 3 to 40 characters: lower-case letters, digits and . _ - (starting with a letter or digit); not an email address.',
      'username',
    );
  }
  return username;
}

/** Length counted in characters (code points), so a Japanese passphrase is measured as it is typed. */
export function checkPassword(input: unknown): string {
  const password = typeof input === 'string' ? input : '';
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    throw AppError.badRequest(
      'invalid_password',
      `A password is ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long.`,
      'password',
    );
  }
  return password;
}

/** Optional: empty means none. No `@`: a display name must not turn into somebody's address. */
export function checkDisplayName(input: unknown): string | undefined {
  if (input === undefined || input === null) return undefined;
  const name = typeof input === 'string' ? input.trim() : undefined;
  if (name === '') return undefined;
  if (name === undefined || [...name].length > DISPLAY_NAME_MAX_LENGTH || UNPRINTABLE.test(name) || name.normalize('NFKC').includes('@')) {
    throw AppError.badRequest(
      'invalid_display_name',
      `A display name is at most ${DISPLAY_NAME_MAX_LENGTH} characters, without control characters or "@".`,
      'displayName',
    );
  }
  return name;
}

export function checkRole(input: unknown): StaffRole {
  if (!isStaffRole(input)) throw AppError.badRequest('invalid_role', 'The role is "admin" or "support".', 'role');
  return input;
}
