import { randomBytes } from 'node:crypto';
import type Redis from 'ioredis';

/**
 * A short key prefix (`xc` and four hex digits) under which the Redis holds no key yet, so that a
 * benchmark deleting everything under it at the end touches nothing else on a shared Redis.
 */
export async function unusedPrefix(redis: Redis): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const prefix = `xc${randomBytes(2).toString('hex')}:`;
    if ((await keysUnder(redis, prefix, 1)).length === 0) return prefix;
  }
  throw new Error('found no unused key prefix for the benchmark');
}

/** Deletes every key under `prefix` (SCAN, then UNLINK: safe on a shared Redis). */
export async function unlinkPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, names] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (names.length > 0) await redis.unlink(...names);
  } while (cursor !== '0');
}

async function keysUnder(redis: Redis, prefix: string, enough: number): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, names] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    found.push(...names);
  } while (cursor !== '0' && found.length < enough);
  return found;
}
