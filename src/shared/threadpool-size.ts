import { availableParallelism } from 'node:os';

/** libuv's own default when UV_THREADPOOL_SIZE is unset. */
const LIBUV_DEFAULT_SIZE = 4;

/** argon2 hashes kept in flight: one per core, since each one keeps a core busy. */
export function hashingConcurrency(): number {
  return availableParallelism();
}

/**
 * Makes libuv's threadpool at least `minimum` threads and returns its size. The argon2 package
 * hashes on that pool, so a pool smaller than the number of hashes in flight leaves cores idle.
 * libuv reads UV_THREADPOOL_SIZE once, when something first uses the pool: this only works if it
 * runs before that, which is why entry points import reserve-threadpool before anything else.
 */
export function ensureThreadpoolSize(env: NodeJS.ProcessEnv, minimum: number): number {
  const configured = Number(env.UV_THREADPOOL_SIZE);
  const current = Number.isInteger(configured) && configured > 0 ? configured : LIBUV_DEFAULT_SIZE;
  if (current >= minimum) return current;
  env.UV_THREADPOOL_SIZE = String(minimum);
  return minimum;
}
