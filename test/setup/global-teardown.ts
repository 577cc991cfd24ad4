import type { RedisServer } from '../support/redis-server';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __testRedis__?: RedisServer }).__testRedis__?.stop();
}
