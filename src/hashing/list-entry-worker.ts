import { move, workerData } from 'piscina';
import { ARGON2_HASH_LENGTH } from './hashing-profile';
import type { ListEntryWorkerData } from './list-entry-pool';
import { oprfEvaluate } from './oprf-evaluate';
import { loadRistretto255 } from './ristretto255';

/**
 * A worker thread of ListEntryPool. The secret key arrives once, in workerData (copied by the
 * pool from its own, never through a task, an environment variable or a log line). Only the fast
 * evaluation is loaded here (not noble, not argon2), to keep each thread small.
 */
const { secretKey, digestBytes } = workerData as ListEntryWorkerData;
const group = loadRistretto255();

/**
 * Packed argon2 outputs (n x 32 bytes) in, their packed digests out: wrapped by `move`, so the
 * pool receives the Uint8Array itself, transferred rather than copied.
 */
export default async function digestsOf(rows: Uint8Array): Promise<ReturnType<typeof move>> {
  const ristretto255 = await group;
  const count = rows.length / ARGON2_HASH_LENGTH;
  const digests = new Uint8Array(count * digestBytes);
  for (let i = 0; i < count; i += 1) {
    const row = rows.subarray(i * ARGON2_HASH_LENGTH, (i + 1) * ARGON2_HASH_LENGTH);
    digests.set(oprfEvaluate(ristretto255, secretKey, row).subarray(0, digestBytes), i * digestBytes);
  }
  return move(digests);
}
