import { MAX_MAPPED_BUCKET_BITS } from './bucket-map';

/**
 * How a live list version is stored: per bucket of STORED_BUCKET_BITS, one value holding the
 * bucket's digests, each cut to STORED_DIGEST_BYTES, sorted and concatenated. Both stores keep
 * lists this way; the Redis layout around it is src/lists/redis-list-keys.ts.
 */

/**
 * 12 bits: 4,096 stored buckets per version. A private check names a bucket of at most this many
 * bits (PRIVATE_CHECK_BUCKET_BITS, 12 by default; a coarser one reads the stored buckets under it,
 * a prefix), so one query of the default width is one key. And few keys keep memory down: each
 * costs ~100 bytes of Redis bookkeeping whatever it holds, 0.4 bytes a row at 1M rows here, where
 * 65,536 keys (16 bits) would cost 6.5. A check searches its bucket inside Redis: ~250 digests
 * at 1M rows, ~760 at 3.1M.
 */
export const STORED_BUCKET_BITS = 12;

/**
 * The first 8 bytes of the OPRF output: what the private check answers (PRIVATE_DIGEST_BYTES), so
 * both checks read the same stored bytes. 64 bits are plenty against false hits: a check compares
 * its digest with the rows of one bucket only, so with 760 rows there (3.1M rows) a miss reads as a
 * hit with probability 760 / 2^64, about 4e-17; two rows of one bucket share a digest (and count
 * as one, still answering both) with probability about 760^2 / 2^65, 2e-14 per bucket and 6e-11
 * for the whole list.
 */
export const STORED_DIGEST_BYTES = 8;

/**
 * The widest list buckets accepted: uploads stage rows in hashes per bucket of the profile's bits
 * (16 by default, ~15 rows a hash at 1M rows, small enough for Redis's compact listpack encoding),
 * and the staging bucket map gives each bucket a bit offset of six digits (src/lists/bucket-map.ts).
 */
export const MAX_LIST_BUCKET_BITS = MAX_MAPPED_BUCKET_BITS;

/**
 * Refuses a list whose profile cuts buckets narrower than the stored ones (a stored bucket must be
 * a prefix of the list's bucket) or wider than staging handles. Every profile this service creates
 * has 16 bits (DEFAULT_BUCKET_BITS).
 */
export function assertListBucketBits(bucketBits: number): void {
  if (!Number.isInteger(bucketBits) || bucketBits < STORED_BUCKET_BITS || bucketBits > MAX_LIST_BUCKET_BITS) {
    throw new RangeError(`lists of ${bucketBits} bucket bits are not supported: ${STORED_BUCKET_BITS} to ${MAX_LIST_BUCKET_BITS}`);
  }
}

/** The stored bucket holding a row of bucket `bucket` of `bucketBits` bits: its first STORED_BUCKET_BITS bits. */
export function storedBucketOf(bucket: number, bucketBits: number): number {
  assertListBucketBits(bucketBits);
  if (!Number.isInteger(bucket) || bucket < 0 || bucket >= 2 ** bucketBits) throw new RangeError(`bucket ${bucket} is not of ${bucketBits} bits`);
  return bucket >>> (bucketBits - STORED_BUCKET_BITS);
}

/** Refuses a bucket number that is not a stored bucket (the reads of the private check name stored buckets). */
export function assertStoredBucket(bucket: number): void {
  if (!Number.isInteger(bucket) || bucket < 0 || bucket >= 2 ** STORED_BUCKET_BITS) {
    throw new RangeError(`bucket ${bucket} is not a stored bucket (${STORED_BUCKET_BITS} bits)`);
  }
}

/** The stored part of a digest. */
export function storedDigestOf(digest: Buffer): Buffer {
  if (digest.length < STORED_DIGEST_BYTES) throw new RangeError(`a digest needs at least ${STORED_DIGEST_BYTES} bytes`);
  return digest.subarray(0, STORED_DIGEST_BYTES);
}

/**
 * A bucket's stored value from `rows`, stored digests concatenated in any order, repeats allowed:
 * the same sorted bytewise (unsigned, as the Redis search script compares them), without repeats.
 * Sorted as pairs of big-endian 32-bit numbers (the 8 bytes' halves), which order as the bytes do:
 * activation packs a whole list at once, and sorting Buffers (a native call per comparison, a view
 * per digest) took most of its time and memory.
 */
export function packDigests(rows: Buffer): Buffer {
  if (rows.length % STORED_DIGEST_BYTES !== 0) throw new RangeError(`${rows.length} bytes are not whole stored digests`);
  const count = rows.length / STORED_DIGEST_BYTES;
  const high = new Uint32Array(count);
  const low = new Uint32Array(count);
  for (let index = 0; index < count; index += 1) {
    high[index] = rows.readUInt32BE(index * 8);
    low[index] = rows.readUInt32BE(index * 8 + 4);
  }
  const order = Array.from({ length: count }, (_, index) => index);
  order.sort((a, b) => (high[a] as number) - (high[b] as number) || (low[a] as number) - (low[b] as number));
  const packed = Buffer.alloc(rows.length);
  let length = 0;
  for (const index of order) {
    const h = high[index] as number;
    const l = low[index] as number;
    // The previous digest written: the same one again is a repeat.
    if (length > 0 && packed.readUInt32BE(length - 8) === h && packed.readUInt32BE(length - 4) === l) continue;
    packed.writeUInt32BE(h, length);
    packed.writeUInt32BE(l, length + 4);
    length += 8;
  }
  return length === packed.length ? packed : packed.subarray(0, length);
}

/** The digests of a stored value (packDigests), in its order. */
export function digestsIn(packed: Buffer): Buffer[] {
  if (packed.length % STORED_DIGEST_BYTES !== 0) throw new Error(`a stored bucket of ${packed.length} bytes is not whole digests`);
  return Array.from({ length: packed.length / STORED_DIGEST_BYTES }, (_, index) =>
    packed.subarray(index * STORED_DIGEST_BYTES, (index + 1) * STORED_DIGEST_BYTES),
  );
}
