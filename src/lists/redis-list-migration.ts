import type { RedisClient } from '../store';
import { bitOfBucket, bucketsIn, GUARD_BIT, hasGuard } from './bucket-map';
import { allBuckets, forEachBatch, on } from './redis-batches';
import type { VersionKeys } from './redis-list-keys';
import { deleteStaged, isSealed, packStaged, sealStored } from './redis-list-packing';

/**
 * How a live version stands after migrateLiveVersion: in the stored layout (already, or just
 * migrated), or `damaged`: its old keys no longer hold its rows, so it stays unmigrated and every
 * read of it is a 503 (fail-closed) until a backup is restored and the servers restarted, or the
 * list is uploaded again.
 */
export type MigrationOutcome = 'stored' | 'migrated' | 'damaged';

/**
 * Brings one live version to the stored layout. Live versions written before it have the staged
 * layout (one hash per 16-bit bucket, 16-byte digests as fields, a staged map): they are packed
 * as an upload's rows are at activation, checked against the rows the version went live with,
 * sealed, and only then are the old keys deleted, so a start cut short anywhere leaves either a
 * version to migrate again or one migrated. Staged keys left beside a stored version (a deletion
 * cut short) are deleted.
 */
export async function migrateLiveVersion(redis: RedisClient, keys: VersionKeys, bucketBits: number, records: number): Promise<MigrationOutcome> {
  if (await isSealed(redis, keys)) {
    await deleteStagedRemnants(redis, keys, bucketBits);
    return 'stored';
  }
  const packed = await packStaged(redis, keys, bucketBits, { consume: false });
  if (!packed.mapLost && packed.missingKeys === 0 && packed.mismatched === 0 && packed.rows === records) {
    await sealStored(redis, keys);
    await deleteStaged(redis, keys, packed.stagedBuckets);
    return 'migrated';
  }
  // Another server starting at the same time migrated it first and is deleting the old keys.
  return (await isSealed(redis, keys)) ? 'stored' : 'damaged';
}

async function deleteStagedRemnants(redis: RedisClient, keys: VersionKeys, bucketBits: number): Promise<void> {
  const map = await redis.getBuffer(keys.stagedMap);
  if (map === null) return;
  await deleteStaged(redis, keys, hasGuard(map) ? bucketsIn(map) : allBuckets(bucketBits));
}

/**
 * Writes the staged map of a live version from the layout before maps existed (a store written
 * before identities): the buckets that have keys, then the guard. Migration then packs it.
 */
export async function buildStagedMap(redis: RedisClient, keys: VersionKeys, bucketBits: number): Promise<void> {
  const present: number[] = [];
  await forEachBatch(
    redis,
    allBuckets(bucketBits),
    (bucket) => on(keys.stagedBucket(bucket), (pipeline) => pipeline.exists(keys.stagedBucket(bucket))),
    (buckets, exists) => {
      buckets.forEach((bucket, index) => {
        if (exists[index] === 1) present.push(bucket);
      });
    },
  );
  await forEachBatch(redis, present, (bucket) => on(keys.stagedMap, (pipeline) => pipeline.setbit(keys.stagedMap, bitOfBucket(bucket), 1)));
  await redis.setbit(keys.stagedMap, GUARD_BIT, 1);
}
