import { ristretto255, ristretto255_oprf } from '@noble/curves/ed25519.js';
import { oprfEvaluate } from './oprf-evaluate';
import { loadedRistretto255, loadRistretto255 } from './ristretto255';

/**
 * RFC 9497 OPRF mode, ristretto255-SHA512, as @noble/curves implements it. The server evaluates
 * with libsodium instead (oprf-evaluate.ts, ~8x faster); noble stays for key generation, the
 * synchronous key check and, in tests, as the reference the fast path is checked against. noble
 * 2.4 leaves `evaluate` out of its type declarations, so the suite is typed here.
 */
interface OprfSuite {
  generateKeyPair(): { secretKey: Uint8Array };
  evaluate(secretKey: Uint8Array, input: Uint8Array): Uint8Array;
  blindEvaluate(secretKey: Uint8Array, blinded: Uint8Array): Uint8Array;
}

export const oprfSuite: OprfSuite = ristretto255_oprf.oprf as unknown as OprfSuite;

const KEY_CHECK_INPUT = new TextEncoder().encode('exposure-check/key-check/v1');
/** A serialized ristretto255 element. */
export const ELEMENT_BYTES = 32;

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
    // Little-endian scalar, refused unless below the group order: libsodium would not reduce it.
    ristretto255.Point.Fn.fromBytes(key);
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
 *
 * Evaluation runs on libsodium's WebAssembly, which loads asynchronously: make keys with
 * `await OprfKey.load(secretKey)`. A key built with `new` evaluates once libsodium is loaded in
 * its thread (by `load`, or by `keyCheckValue`, which every start awaits) and throws before.
 */
export class OprfKey {
  readonly #secretKey: Uint8Array;

  static async load(secretKey: Uint8Array): Promise<OprfKey> {
    await loadRistretto255();
    return new OprfKey(secretKey);
  }

  constructor(secretKey: Uint8Array) {
    this.#secretKey = secretKey;
  }

  /** RFC 9497 Evaluate (64 bytes). Synchronous, so one check costs no extra turn of the event loop. */
  evaluate(input: Uint8Array): Uint8Array {
    return oprfEvaluate(loadedRistretto255(), this.#secretKey, input);
  }

  /**
   * RFC 9497 BlindEvaluate (mode 0): the client's blinded element times the secret key, for the
   * private check. Null, computing nothing, when `blinded` is not the canonical encoding of a
   * ristretto255 element or is the identity (RFC 9497 section 3.3.1 DeserializeElement; libsodium
   * accepts the identity as a valid point, so it is refused here).
   */
  blindEvaluate(blinded: Uint8Array): Uint8Array | null {
    if (blinded.length !== ELEMENT_BYTES || blinded.every((byte) => byte === 0)) return null;
    const group = loadedRistretto255();
    if (!group.crypto_core_ristretto255_is_valid_point(blinded)) return null;
    return group.crypto_scalarmult_ristretto255(this.#secretKey, blinded);
  }

  async keyCheckValue(): Promise<string> {
    await loadRistretto255();
    return Buffer.from(this.evaluate(KEY_CHECK_INPUT).subarray(0, 16)).toString('hex');
  }
}
