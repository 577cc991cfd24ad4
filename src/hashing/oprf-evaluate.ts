import { createHash } from 'node:crypto';
import { expand_message_xmd } from '@noble/curves/abstract/hash-to-curve.js';
import type { Ristretto255 } from './ristretto255';

// RFC 9497 section 3.1: contextString = "OPRFV1-" || I2OSP(mode, 1) || "-" || identifier, for the
// OPRF mode (0x00) of ristretto255-SHA512; HashToGroup's DST is "HashToGroup-" || contextString.
const CONTEXT_STRING = Buffer.concat([Buffer.from('OPRFV1-'), Buffer.of(0x00), Buffer.from('-ristretto255-SHA512')]);
const HASH_TO_GROUP_DST = Buffer.concat([Buffer.from('HashToGroup-'), CONTEXT_STRING]);
// RFC 9380 hash_to_ristretto255 expands to 64 bytes, the input of the RFC 9496 one-way map.
const UNIFORM_BYTES = 64;
const ELEMENT_BYTES = 32;
// Inputs are length-prefixed with two bytes (RFC 9497 section 1.2).
const MAX_INPUT_BYTES = 0xffff;
const FINALIZE = Buffer.from('Finalize');

type XmdHash = Parameters<typeof expand_message_xmd>[3];

/**
 * SHA-512 for expand_message_xmd, from node:crypto (native, faster than a JavaScript SHA-512 on
 * this hot path). expand_message_xmd only calls the function and reads its two lengths; no
 * streaming instance is ever asked for, so `create` refuses rather than pretend.
 */
const sha512: XmdHash = Object.assign((message: Uint8Array) => new Uint8Array(createHash('sha512').update(message).digest()), {
  outputLen: 64,
  blockLen: 128,
  canXOF: false,
  create: (): never => {
    throw new Error('only one-shot SHA-512 is provided for expand_message_xmd');
  },
});

/**
 * RFC 9497 section 3.3.1 Evaluate, OPRF mode, ristretto255-SHA512, composed from libsodium's
 * ristretto255 (wasm, ~8x faster than @noble/curves' evaluate, which tests keep as the reference):
 *   element   = HashToGroup(input)            RFC 9380 hash_to_ristretto255; the identity is refused
 *   evaluated = secretKey * element
 *   output    = SHA-512(I2OSP(len(input), 2) || input || I2OSP(32, 2) || evaluated || "Finalize")
 * `secretKey` must be a non-zero scalar below the group order (parseOprfSecretKey checks it):
 * libsodium multiplies without reducing it.
 */
export function oprfEvaluate(group: Ristretto255, secretKey: Uint8Array, input: Uint8Array): Uint8Array {
  if (input.length > MAX_INPUT_BYTES) throw new RangeError(`OPRF input must be at most ${MAX_INPUT_BYTES} bytes`);
  const uniform = expand_message_xmd(input, HASH_TO_GROUP_DST, UNIFORM_BYTES, sha512);
  const element = group.crypto_core_ristretto255_from_hash(uniform);
  // The identity encodes as 32 zero bytes (RFC 9496 section 4.3.2); RFC 9497 raises InvalidInputError.
  if (element.every((byte) => byte === 0)) throw new Error('OPRF input maps to the identity element');
  const evaluated = group.crypto_scalarmult_ristretto255(secretKey, element);
  return createHash('sha512')
    .update(twoBytes(input.length))
    .update(input)
    .update(twoBytes(ELEMENT_BYTES))
    .update(evaluated)
    .update(FINALIZE)
    .digest();
}

/** I2OSP(n, 2): big-endian. */
function twoBytes(n: number): Uint8Array {
  return Uint8Array.of(n >>> 8, n & 0xff);
}
