/**
 * Which buckets of a list version hold digests, as a Redis bit string: a guard bit first (bit 0),
 * then bit `FIRST_BUCKET_BIT + b` set once bucket `b` has a key. A version has one per layout
 * (redis-list-keys.ts): the staged map's guard is set when the version is begun, the stored map's
 * once every stored key is written and checked. A read asks its bucket's bit and the guard, so a
 * lost key (bit set, no key) and a lost map (no guard: a missing string reads as all zeros, and
 * one written again by later rows of an upload lacks it) are both told apart from an empty bucket.
 */
export const GUARD_BIT = 0;

// Buckets start at a bit whose offset has as many digits as the last bucket's (6 for 16-bit
// buckets), so that the GETBIT a probe sends is as long whatever the address: a hit and a miss, or
// two addresses, never differ in the bytes sent to Redis. It costs 12.5 KB of zeros per version.
const FIRST_BUCKET_BIT = 100_000;
/** The largest bucketBits whose every bucket's bit has six digits. */
export const MAX_MAPPED_BUCKET_BITS = 16;

export function bitOfBucket(bucket: number): number {
  return FIRST_BUCKET_BIT + bucket;
}

/** The buckets whose bit is set in `map` (a GET of the bit string; Redis numbers bits from the most significant bit of byte 0). */
export function bucketsIn(map: Buffer): number[] {
  const buckets: number[] = [];
  for (let byte = FIRST_BUCKET_BIT >> 3; byte < map.length; byte += 1) {
    if (map[byte] === 0) continue;
    for (let bit = 0; bit < 8; bit += 1) {
      const index = byte * 8 + bit;
      if (index >= FIRST_BUCKET_BIT && bitAt(map, index)) buckets.push(index - FIRST_BUCKET_BIT);
    }
  }
  return buckets;
}

/** Whether `map` carries the guard bit that beginning the version set. */
export function hasGuard(map: Buffer | null): map is Buffer {
  return map !== null && bitAt(map, GUARD_BIT);
}

function bitAt(map: Buffer, index: number): boolean {
  return ((map[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0;
}
