import type { RedisClient } from '../store';
import { bitOfBucket, bucketsIn, GUARD_BIT, hasGuard } from './bucket-map';
import { execKeyed, type KeyedCommand } from '../store';
import { forEachBatch, on, type Pipeline, unlinkAll } from './redis-batches';
import type { VersionKeys } from './redis-list-keys';
import { packDigests, STORED_BUCKET_BITS, STORED_DIGEST_BYTES } from './stored-buckets';

// One staged hash's rows as one string: each field's first STORED_DIGEST_BYTES (ARGV[1]; the
// layout before packing has 16-byte fields), concatenated; empty for a missing key; with ARGV[2]
// = '1', the hash is deleted once read (packStaged's `consume`). One reply per hash rather than one
// Buffer per row, and no command of its own to delete it: with HKEYS and UNLINK, a 1M-row
// activation spent more time creating and collecting commands and Buffers than packing, and grew
// the server by some 70 MB more. One key, so it runs on a cluster too.
const STAGED_ROWS_LUA = `
local fields = redis.call('HKEYS', KEYS[1])
local width = tonumber(ARGV[1])
for i = 1, #fields do fields[i] = string.sub(fields[i], 1, width) end
if ARGV[2] == '1' and #fields > 0 then redis.call('UNLINK', KEYS[1]) end
return table.concat(fields)`;
const STAGED_ROWS_COMMAND = 'exposureCheckStagedRows';
// Staged hashes read per pipeline (64 stored buckets of a 16-bit list). Measured on a 1M-row
// activation in a fresh process: 1,024 grew it by ~65 MB as the check of the layout before did,
// 4,096 by ~130 MB (more commands and replies alive at once), for no gain in time.
const PACK_BATCH = 1024;

/** What packing a version's staged layout found and wrote (packStaged). */
export interface PackResult {
  /** The staged map was missing or had no guard: nothing was read or written. */
  mapLost: boolean;
  /** Rows read from the staged hashes. */
  rows: number;
  /** Buckets the staged map names whose hash was missing. */
  missingKeys: number;
  /** Stored keys that, read back, did not hold what was packed for them. */
  mismatched: number;
  /** The staged buckets the map named, for deleting the staged layout. */
  stagedBuckets: number[];
}

/**
 * Writes a version's stored layout from its staged one (redis-list-keys.ts): for each stored
 * bucket, the digests of the staged buckets under it (16 of them for 16-bit lists), cut to their
 * stored bytes, sorted, in one string; its bit in the stored map. The guard is not set here: the
 * caller seals the stored layout (sealStored) once it has checked the result, so a reader never
 * takes a half-written one for whole, and an interrupted packing is simply done again.
 *
 * With `consume`, each staged hash is deleted as it is read, so a list being activated is not held
 * twice (staged ~20 bytes a row, packed ~10); the staged map still names them, so a packing cut
 * short is cleaned up all the same. For an upload, whose version is discarded whatever goes wrong;
 * not for a live version's migration, whose staged keys are its rows until the stored layout is
 * sealed.
 *
 * A stored key already there is kept (SET NX): two servers starting together may both migrate one
 * live version, and the one that reads after the other began deleting the staged keys reads
 * partial rows; by then every stored key was written whole, so NX keeps those, and the read-back
 * (`mismatched`) tells the late one that what it packed is not what is stored.
 */
export async function packStaged(redis: RedisClient, keys: VersionKeys, bucketBits: number, options: { consume: boolean }): Promise<PackResult> {
  const map = await redis.getBuffer(keys.stagedMap);
  const result: PackResult = { mapLost: !hasGuard(map), rows: 0, missingKeys: 0, mismatched: 0, stagedBuckets: [] };
  if (!hasGuard(map)) return result;
  const shift = bucketBits - STORED_BUCKET_BITS;
  const staged = bucketsIn(map);
  result.stagedBuckets = staged;
  const written = new Map<number, number>();
  const readRows = stagedRowsReader(redis, options.consume);
  for (let start = 0; start < staged.length; ) {
    // Whole stored buckets per batch: the staged buckets under one are consecutive in `staged`.
    let end = Math.min(start + PACK_BATCH, staged.length);
    while (end < staged.length && (staged[end] as number) >>> shift === (staged[end - 1] as number) >>> shift) end += 1;
    const batch = staged.slice(start, end);
    const rowsOf = (await execKeyed(
      redis,
      batch.map((bucket) => readRows(keys.stagedBucket(bucket))),
    )) as Buffer[];
    const byStored = new Map<number, Buffer[]>();
    batch.forEach((bucket, index) => {
      const rows = rowsOf[index] ?? Buffer.alloc(0);
      // A hash is never empty (Redis deletes it then): a mapped bucket without rows lost its key.
      if (rows.length === 0) result.missingKeys += 1;
      result.rows += rows.length / STORED_DIGEST_BYTES;
      const chunks = byStored.get(bucket >>> shift) ?? [];
      chunks.push(rows);
      byStored.set(bucket >>> shift, chunks);
    });
    const writes: KeyedCommand[] = [];
    for (const [bucket, chunks] of byStored) {
      const packed = packDigests(Buffer.concat(chunks));
      if (packed.length === 0) continue;
      const key = keys.storedBucket(bucket);
      writes.push(on(key, (pipeline) => pipeline.set(key, packed, 'NX')));
      writes.push(on(keys.storedMap, (pipeline) => pipeline.setbit(keys.storedMap, bitOfBucket(bucket), 1)));
      written.set(bucket, packed.length);
    }
    await execKeyed(redis, writes);
    start = end;
  }
  // Read back: a key lost since it was written (a failover), or kept by NX with other rows.
  const entries = [...written.entries()];
  await forEachBatch(
    redis,
    entries,
    ([bucket]) => on(keys.storedBucket(bucket), (pipeline) => pipeline.strlen(keys.storedBucket(bucket))),
    (batch, lengths) => {
      batch.forEach(([, length], index) => {
        if (Number(lengths[index]) !== length) result.mismatched += 1;
      });
    },
  );
  return result;
}

/** Marks the stored layout whole: from now on its map tells an empty bucket from a lost key. */
export async function sealStored(redis: RedisClient, keys: VersionKeys): Promise<void> {
  await redis.setbit(keys.storedMap, GUARD_BIT, 1);
}

/** Whether the stored layout was sealed. */
export async function isSealed(redis: RedisClient, keys: VersionKeys): Promise<boolean> {
  return (await redis.getbit(keys.storedMap, GUARD_BIT)) === 1;
}

/** Deletes the staged hashes of `buckets`, then the staged map (last: while it is there, it names what is left). */
export async function deleteStaged(redis: RedisClient, keys: VersionKeys, buckets: readonly number[]): Promise<void> {
  await unlinkAll(redis, buckets.map((bucket) => keys.stagedBucket(bucket)));
  await redis.unlink(keys.stagedMap);
}

/**
 * The read of one staged hash's rows (STAGED_ROWS_LUA), and with `consume` its deletion, as a
 * command for execKeyed; defines the command on first use.
 */
function stagedRowsReader(redis: RedisClient, consume: boolean): (key: string) => KeyedCommand {
  if (!(STAGED_ROWS_COMMAND in redis)) redis.defineCommand(STAGED_ROWS_COMMAND, { numberOfKeys: 1, lua: STAGED_ROWS_LUA });
  return (key) => on(key, (pipeline: Pipeline) => {
    // The Buffer variant: the rows are bytes, not text.
    const command = (pipeline as unknown as Record<string, ((key: string, width: number, consume: string) => unknown) | undefined>)[
      `${STAGED_ROWS_COMMAND}Buffer`
    ];
    if (command === undefined) throw new Error(`the ${STAGED_ROWS_COMMAND} command is not defined on this client`);
    command.call(pipeline, key, STORED_DIGEST_BYTES, consume ? '1' : '0');
  });
}
