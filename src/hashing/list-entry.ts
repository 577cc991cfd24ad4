import argon2 from 'argon2';
import type { Argon2Costs, HashingProfile } from './hashing-profile';
import type { OprfKey } from './oprf-key';

export const DIGEST_BYTES = 16;

/** Where one hashed address lives in a list: its bucket and its 16-byte keyed digest. */
export interface ListEntry {
  bucket: number;
  digest: Buffer;
}

/** argon2id raw output of a normalized address under a profile (deterministic: fixed salt). */
export async function argon2idOf(
  normalizedEmail: string,
  profile: Argon2Costs & { salt: string; hashLength: number },
): Promise<Buffer> {
  return argon2.hash(normalizedEmail, {
    type: argon2.argon2id,
    raw: true,
    salt: Buffer.from(profile.salt, 'base64'),
    memoryCost: profile.memoryKiB,
    timeCost: profile.iterations,
    parallelism: profile.parallelism,
    hashLength: profile.hashLength,
  });
}

/** The first `bucketBits` bits of the argon2 output, read big-endian. */
export function bucketOf(argon2Output: Uint8Array, bucketBits: number): number {
  if (bucketBits < 1 || bucketBits > 24 || argon2Output.length < 4) {
    throw new RangeError('bucketBits must be 1 to 24 and the argon2 output at least 4 bytes');
  }
  const view = new DataView(argon2Output.buffer, argon2Output.byteOffset, argon2Output.byteLength);
  return view.getUint32(0) >>> (32 - bucketBits);
}

/** The list entry of an argon2 output: what a list row is stored as and what a check looks for. */
export function listEntryOf(argon2Output: Uint8Array, profile: HashingProfile, key: OprfKey): ListEntry {
  return {
    bucket: bucketOf(argon2Output, profile.bucketBits),
    digest: Buffer.from(key.evaluate(argon2Output).subarray(0, DIGEST_BYTES)),
  };
}
