import { createHash, randomBytes } from 'node:crypto';

/** `xct_` says what it is (secret scanners and people alike), then 32 random bytes in base64url. */
const PREFIX = 'xct_';
const SECRET = /^xct_[A-Za-z0-9_-]{43}$/;

export function newTokenSecret(): string {
  return `${PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function looksLikeTokenSecret(value: string): boolean {
  return SECRET.test(value);
}

export function secretHashOf(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
