import { randomBytes } from 'node:crypto';
import { DIGEST_BYTES, type ListEntry } from '../../src/hashing/list-entry';
import type { ListStore } from '../../src/lists/list-store';

// Entries per addEntries call: several per 16-bit bucket, so a call writes each bucket key once
// with several fields instead of once per row.
const ENTRIES_PER_WRITE = 1 << 18;
// Two calls at once: while Redis applies one pipeline, this process encodes the next (as the
// upload pipeline keeps several batches in flight).
const WRITES_IN_FLIGHT = 2;

/**
 * Makes a list of `known` entries and `rows` random ones live for an exposure, written straight
 * through the ListStore API (beginVersion, addEntries, activate): a list the size of a large
 * breach (3.1M rows) in about a minute, where the upload pipeline would need an argon2 output per row and
 * hashing that many addresses would take hours. Random 16-byte digests in random buckets are what
 * OPRF outputs of unknown addresses look like. Only the interface is used, so it works with any
 * store layout. Start no server while it writes: a server's start deletes versions not yet live.
 */
export async function writeListDirectly(
  store: ListStore,
  list: { exposureId: string; profileId: string; bucketBits: number; known: readonly ListEntry[]; rows: number },
): Promise<{ records: number; seconds: number }> {
  const startedAt = performance.now();
  const staged = await store.beginVersion(list.exposureId, list.profileId, list.bucketBits, new Date());
  let records = await store.addEntries(staged, list.known);
  let next = 0;
  const writer = async () => {
    while (next < list.rows) {
      const count = Math.min(ENTRIES_PER_WRITE, list.rows - next);
      next += count;
      // Added after the await: `records += await ...` would read `records` before it, losing the other writer's rows.
      const added = await store.addEntries(staged, randomEntries(count, list.bucketBits));
      records += added;
    }
  };
  await Promise.all(Array.from({ length: WRITES_IN_FLIGHT }, writer));
  await store.activate(staged, records, new Date());
  return { records, seconds: (performance.now() - startedAt) / 1000 };
}

function randomEntries(count: number, bucketBits: number): ListEntry[] {
  const digests = randomBytes(count * DIGEST_BYTES);
  const buckets = randomBytes(count * 4);
  return Array.from({ length: count }, (_, i) => ({
    bucket: buckets.readUInt32BE(i * 4) >>> (32 - bucketBits),
    digest: digests.subarray(i * DIGEST_BYTES, (i + 1) * DIGEST_BYTES),
  }));
}
