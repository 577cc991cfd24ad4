import type Redis from 'ioredis';

export type Pipeline = ReturnType<Redis['pipeline']>;
export type PipelineResults = [Error | null, unknown][] | null;

// Keys per pipeline when a whole version's keys are read, written or deleted.
export const KEY_BATCH = 4096;

/** The replies of a pipeline, after throwing its first error. */
export async function execAll(pipeline: Pipeline): Promise<unknown[]> {
  const results = await pipeline.exec();
  throwFirstError(results);
  return (results ?? []).map(([, value]) => value);
}

/** Runs `command` for each of `items`, a pipeline per KEY_BATCH, handing each batch's items and replies to `read`. */
export async function forEachBatch<T>(
  redis: Redis,
  items: readonly T[],
  command: (pipeline: Pipeline, item: T) => unknown,
  read: (items: readonly T[], replies: unknown[]) => void = () => undefined,
): Promise<void> {
  for (let start = 0; start < items.length; start += KEY_BATCH) {
    const batch = items.slice(start, start + KEY_BATCH);
    const pipeline = redis.pipeline();
    for (const item of batch) command(pipeline, item);
    read(batch, await execAll(pipeline));
  }
}

export async function unlinkAll(redis: Redis, keys: readonly string[]): Promise<void> {
  await forEachBatch(redis, keys, (pipeline, key) => pipeline.unlink(key));
}

export function allBuckets(bucketBits: number): number[] {
  return Array.from({ length: 2 ** bucketBits }, (_, bucket) => bucket);
}

export function throwFirstError(results: PipelineResults): void {
  const failed = (results ?? []).find(([error]) => error !== null);
  if (failed?.[0]) throw failed[0];
}
