import { ristretto255_oprf } from '@noble/curves/ed25519.js';

/**
 * RFC 9497 OPRF mode, ristretto255-SHA512. `evaluate` is the server-side non-interactive
 * Evaluate of RFC 9497 section 3.3.1; @noble/curves 2.4 implements it but leaves it out of its
 * type declarations, so it is typed here. Tests pin it to the RFC's test vectors.
 */
interface OprfSuite {
  generateKeyPair(): { secretKey: Uint8Array };
  evaluate(secretKey: Uint8Array, input: Uint8Array): Uint8Array;
  blindEvaluate(secretKey: Uint8Array, blinded: Uint8Array): Uint8Array;
}

export const oprfSuite: OprfSuite = ristretto255_oprf.oprf as unknown as OprfSuite;

const KEY_CHECK_INPUT = new TextEncoder().encode('exposure-check/key-check/v1');

/** Parses the 64-hex-character secret key; the error message never echoes the key. */
export function parseOprfSecretKey(hex: string): Uint8Array {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) {
    throw new Error('must be 64 hexadecimal characters (a 32-byte ristretto255 scalar)');
  }
  const key = Uint8Array.from(Buffer.from(hex, 'hex'));
  if (key.every((byte) => byte === 0)) {
    throw new Error('must not be zero');
  }
  try {
    oprfSuite.evaluate(key, KEY_CHECK_INPUT);
  } catch {
    throw new Error('is not a valid ristretto255 scalar (it must be below the group order)');
  }
  return key;
}

export function generateOprfSecretKey(): Uint8Array {
  return oprfSuite.generateKeyPair().secretKey;
}

/**
 * The server's OPRF key. Its key-check value is an OPRF output on a fixed public input: it
 * reveals nothing about the key, yet a different key gives a different value, so a store written
 * under one key refuses a server started with another instead of answering "not affected".
 */
export class OprfKey {
  readonly #secretKey: Uint8Array;

  constructor(secretKey: Uint8Array) {
    this.#secretKey = secretKey;
  }

  evaluate(input: Uint8Array): Uint8Array {
    return oprfSuite.evaluate(this.#secretKey, input);
  }

  keyCheckValue(): string {
    return Buffer.from(this.evaluate(KEY_CHECK_INPUT).subarray(0, 16)).toString('hex');
  }
}
