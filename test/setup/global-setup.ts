import { startRedisServer } from '../support/redis-server';

/**
 * Tests talk to a real Redis: REDIS_URL when set, otherwise a redis-server of our own on a free
 * port, stopped in globalTeardown. Workers inherit the URL through the environment.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.REDIS_URL) return;
  const server = await startRedisServer();
  process.env.REDIS_URL = server.url;
  (globalThis as { __testRedis__?: typeof server }).__testRedis__ = server;
}
