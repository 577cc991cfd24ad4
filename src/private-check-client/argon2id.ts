import { argon2id } from 'hash-wasm';
import type { WireProfile } from './protocol';
import { base64ToBytes } from './base64';

/**
 * `a`, argon2id of the normalized address under a profile, computed here: hash-wasm's WebAssembly
 * build, the same in a browser's worker and in Node (the server uses the native argon2 package;
 * test/private-check-client proves the two agree).
 */
export async function argon2idOf(normalized: string, profile: WireProfile): Promise<Uint8Array> {
  return argon2id({
    password: normalized,
    salt: base64ToBytes(profile.salt),
    parallelism: profile.parallelism,
    iterations: profile.iterations,
    memorySize: profile.memoryKiB,
    hashLength: profile.hashLength,
    outputType: 'binary',
  });
}

/**
 * Compiles and instantiates the WebAssembly once, on a throwaway hash of nothing anyone typed, so
 * that the first check does not wait for it: the page's worker calls it as it starts.
 */
export async function warmUpArgon2id(): Promise<void> {
  await argon2id({ password: 'warm-up', salt: new Uint8Array(8), parallelism: 1, iterations: 1, memorySize: 8, hashLength: 4, outputType: 'binary' });
}

/** The first `bits` bits of `a`, big-endian: the only part of it the server learns. */
export function bucketOf(a: Uint8Array, bits: number): number {
  const first = (((a[0] ?? 0) << 24) | ((a[1] ?? 0) << 16) | ((a[2] ?? 0) << 8) | (a[3] ?? 0)) >>> 0;
  return first >>> (32 - bits);
}
