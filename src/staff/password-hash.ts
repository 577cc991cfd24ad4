import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';

/**
 * Staff passwords: argon2id at OWASP's costs, a fresh 16-byte random salt per hash, stored in the
 * PHC encoded form so the parameters travel with the hash. Deliberately not the lookup profile's
 * fixed salt: that one exists to make address hashes comparable; password hashes must not be.
 */
const PASSWORD_HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Passwords are compared as Unicode NFC, so the same password typed on two devices (IMEs differ) still matches. */
function normalized(password: string): string {
  return password.normalize('NFC');
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(normalized(password), PASSWORD_HASH_OPTIONS);
}

export async function verifyPassword(encodedHash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(encodedHash, normalized(password));
  } catch {
    // A malformed stored hash is a refusal, never a way in.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same argon2 work as a real verification and always fails: a sign-in with an unknown
 * username must take as long as one with a wrong password, or response times list the usernames.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64url'));
  await verifyPassword(await dummyHash, password);
  return false;
}
