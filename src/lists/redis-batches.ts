import { execKeyed, type KeyedCommand, type Pipeline, type RedisClient } from '../store';

export type { Pipeline };

// Keys per batch when a whole version's keys are read, written or deleted.
export const KEY_BATCH = 4096;

/** A command on `key`, for execKeyed/execPhases: on a cluster the key decides which node runs it. */
export function on(key: string, add: (pipeline: Pipeline) => unknown): KeyedCommand {
  return { key, add };
}

/** Runs `command` for each of `items`, a batch of KEY_BATCH at a time, handing each batch's items and replies to `read`. */
export async function forEachBatch<T>(
  redis: RedisClient,
  items: readonly T[],
  command: (item: T) => KeyedCommand,
  read: (items: readonly T[], replies: unknown[]) => void = () => undefined,
): Promise<void> {
  for (let start = 0; start < items.length; start += KEY_BATCH) {
    const batch = items.slice(start, start + KEY_BATCH);
    read(batch, await execKeyed(redis, batch.map(command)));
  }
}

export async function unlinkAll(redis: RedisClient, keys: readonly string[]): Promise<void> {
  await forEachBatch(redis, keys, (key) => on(key, (pipeline) => pipeline.unlink(key)));
}

export function allBuckets(bucketBits: number): number[] {
  return Array.from({ length: 2 ** bucketBits }, (_, bucket) => bucket);
}
