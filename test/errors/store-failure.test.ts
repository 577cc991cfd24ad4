import Redis from 'ioredis';
import { toAppError } from '../../src/errors';
import { freePort } from '../support/redis-server';
import { newTestRedis, uniquePrefix } from '../support/test-redis';

/*
 * A store that cannot serve is a 503 on every route, never a 500; a wrong command stays a 500 (a
 * bug of ours, not the store's state). The errors are real ones, from ioredis and Redis.
 */
describe('errors of the store, as answers', () => {
  it('when Redis is not there, then what ioredis throws becomes a 503 unavailable', async () => {
    const nobody = new Redis(await freePort(), '127.0.0.1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    nobody.on('error', () => undefined);
    const thrown = await nobody.get('anything').catch((error: unknown) => error);
    nobody.disconnect();

    expect(thrown).toBeInstanceOf(Error);
    expect(toAppError(thrown)).toMatchObject({ status: 503, code: 'unavailable' });
  });

  it('when a command times out, then it becomes a 503 unavailable', async () => {
    const redis = new Redis(process.env.REDIS_URL as string, { commandTimeout: 50, maxRetriesPerRequest: 0 });
    try {
      // A reply that takes longer than the timeout: BLPOP on an empty list waits its second out.
      const thrown = await redis.blpop(`${uniquePrefix('store-failure')}empty`, 1).catch((error: unknown) => error);
      expect((thrown as Error).message).toBe('Command timed out');
      expect(toAppError(thrown)).toMatchObject({ status: 503, code: 'unavailable' });
    } finally {
      redis.disconnect();
    }
  });

  it('when Redis refuses a command as wrong for the key, then it stays a 500: that is our bug, not the store\'s state', async () => {
    const redis = newTestRedis();
    const key = `${uniquePrefix('store-failure')}string`;
    try {
      await redis.set(key, 'x');
      const thrown = await redis.hget(key, 'field').catch((error: unknown) => error);
      expect((thrown as Error).message).toMatch(/^WRONGTYPE/);
      expect(toAppError(thrown)).toMatchObject({ status: 500, code: 'internal' });
    } finally {
      await redis.del(key);
      redis.disconnect();
    }
  });
});
