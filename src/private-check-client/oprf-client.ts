import { ristretto255_oprf } from '@noble/curves/ed25519.js';

/**
 * The client's two steps of RFC 9497's OPRF (mode 0, ristretto255-SHA512), from @noble/curves: blind
 * `a` with a fresh random scalar, and later unblind the server's evaluation into the output. The
 * blind never leaves the caller; the blinded element reveals nothing of `a`.
 */
export function blind(a: Uint8Array): { blind: Uint8Array; blinded: Uint8Array } {
  return ristretto255_oprf.oprf.blind(a);
}

/** Throws when `evaluated` is not a valid element: a broken answer is an error, never a miss. */
export function finalize(a: Uint8Array, blindScalar: Uint8Array, evaluated: Uint8Array): Uint8Array {
  return ristretto255_oprf.oprf.finalize(a, blindScalar, evaluated);
}
