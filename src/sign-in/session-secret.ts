import { hkdfSync } from 'node:crypto';

const INFO = 'exposure-check/session/v1';

/**
 * The key that signs session cookies, derived from the server's OPRF key with HKDF-SHA256: one
 * secret less to configure and keep, every instance agrees on it, and knowing it reveals nothing
 * about the OPRF key. (A new OPRF key signs everybody out, which a key change should anyway.)
 */
export function sessionSecretFrom(serverKey: Uint8Array): string {
  return Buffer.from(hkdfSync('sha256', serverKey, Buffer.alloc(0), INFO, 32)).toString('hex');
}
