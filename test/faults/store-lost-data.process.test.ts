import { ristretto255_oprf } from '@noble/curves/ed25519.js';
import Redis from 'ioredis';
import request from 'supertest';
import { argon2idOf, listEntryOf } from '../../src/hashing/list-entry';
import { normalizeEmail } from '../../src/hashing/normalize-email';
import { OprfKey } from '../../src/hashing/oprf-key';
import { storedBucketOf } from '../../src/lists/stored-buckets';
import { keysWithPrefix } from '../support/test-redis';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { startTestService, type TestService } from '../support/test-app';
import { expectChecksFailClosed } from '../support/fail-closed-expectations';

const LISTED = 'taro.yamada@example.jp';
const LISTED_IN = 'porsche-japan-2018-catalog';

async function readiness(service: TestService): Promise<{ status: number; code: string | undefined }> {
  const response = await request(service.app).get('/readyz');
  return { status: response.status, code: (response.body as { error?: { code: string } }).error?.code };
}

/** The stored bucket of `email`: the first 12 bits of the profile's 16 (src/lists/stored-buckets.ts). */
async function storedBucketOfAddress(service: TestService, email: string): Promise<number> {
  const key = await OprfKey.load(service.config.oprfSecretKey as Uint8Array);
  const entry = listEntryOf(await argon2idOf(normalizeEmail(email), service.runtime.hashing.profile), service.runtime.hashing.profile, key);
  return storedBucketOf(entry.bucket, service.runtime.hashing.profile.bucketBits);
}

/** The Redis key of the bucket that holds `email` in the live version of `exposureId`. */
async function bucketKeyOf(service: TestService, redis: Redis, email: string, exposureId: string): Promise<string> {
  const tag = `{${(await storedBucketOfAddress(service, email)).toString(16).padStart(3, '0')}}`;
  const keys = (await keysWithPrefix(redis, service.config.redisKeyPrefix)).filter((name) => name.includes(tag) && name.includes(`${exposureId}/`));
  expect(keys).toHaveLength(1);
  return keys[0] as string;
}

// Each case on a redis-server of its own: they flush, restart and reconfigure it.
describe('when the store loses data under a running server', () => {
  let redisServer: RedisServer;
  let redis: Redis;
  let service: TestService;

  beforeEach(async () => {
    redisServer = await startRedisServer();
    redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1 });
    service = await startTestService({ store: 'redis', seed: true, env: { REDIS_URL: redisServer.url } });
    const before = await request(service.app).post('/api/v1/check').send({ email: LISTED });
    expect(before.body.affected).toBe(true);
  });
  afterEach(async () => {
    await service.close();
    redis.disconnect();
    await redisServer.stop();
  });

  // Redis restarting empty (no persistence, or a failover to a replica that had not synced) is
  // test/check/fail-closed.process.test.ts.
  it('when Redis is flushed (FLUSHALL by a mistaken operator), then checks answer 503, never "not affected", and readiness says store_lost_data', async () => {
    await redis.flushall();

    await expectChecksFailClosed(service.app);
    expect(await readiness(service)).toEqual({ status: 503, code: 'store_lost_data' });
  });

  it('when one bucket key of a live list is lost, then a check of an address in it answers 503 until the key is restored', async () => {
    const key = await bucketKeyOf(service, redis, LISTED, LISTED_IN);
    const backup = await redis.dumpBuffer(key);
    await redis.del(key);

    const lost = await request(service.app).post('/api/v1/check').send({ email: LISTED });
    expect(lost.status).toBe(503);
    expect(lost.body).toEqual({ error: { code: 'unavailable', message: expect.any(String) } });
    const page = await request(service.app).post('/check').type('form').send({ email: LISTED, lang: 'ja' });
    expect(page.status).toBe(503);
    expect(page.text).toContain('確認できませんでした');
    // The private check reads that bucket whole (12 bits, one stored bucket): a 503 too, never a list without the digest.
    const blindedElement = Buffer.from(ristretto255_oprf.oprf.blind(new Uint8Array(32)).blinded).toString('base64');
    const query = { profileId: service.runtime.hashing.profile.id, bucket: await storedBucketOfAddress(service, LISTED), blindedElement };
    const privately = await request(service.app).post('/api/v1/private-check').send({ queries: [query] });
    expect(privately.status).toBe(503);
    expect(privately.body.error.code).toBe('unavailable');
    expect(await readiness(service)).toEqual({ status: 503, code: 'store_lost_data' });

    await redis.restore(key, 0, backup);
    expect(await readiness(service)).toEqual({ status: 200, code: undefined });
    const back = await request(service.app).post('/api/v1/check').send({ email: LISTED });
    expect(back.status).toBe(200);
    expect(back.body.affected).toBe(true);
  });

  it('when the server key check value is deleted, then readiness says store_lost_data', async () => {
    const [keyCheck] = (await keysWithPrefix(redis, service.config.redisKeyPrefix)).filter((name) => name.endsWith('hashing:key-check'));
    await redis.del(keyCheck as string);

    expect(await readiness(service)).toEqual({ status: 503, code: 'store_lost_data' });
  });

  it('when Redis is switched to an evicting policy while serving, then readiness says store_evicts', async () => {
    await redis.config('SET', 'maxmemory-policy', 'allkeys-lru');

    expect(await readiness(service)).toEqual({ status: 503, code: 'store_evicts' });
    await redis.config('SET', 'maxmemory-policy', 'noeviction');
    expect(await readiness(service)).toEqual({ status: 200, code: undefined });
  });
});

describe('when a server starts on a Redis that may evict keys', () => {
  let redisServer: RedisServer;
  let redis: Redis;

  beforeAll(async () => {
    redisServer = await startRedisServer();
    redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    redis.disconnect();
    await redisServer.stop();
  });

  it.each(['allkeys-lru', 'volatile-lru', 'allkeys-random', 'volatile-ttl'])(
    'when maxmemory-policy is %s, then it refuses to start, saying why and how to fix it',
    async (policy) => {
      await redis.config('SET', 'maxmemory-policy', policy);
      await expect(startTestService({ store: 'redis', env: { REDIS_URL: redisServer.url } })).rejects.toThrow(
        new RegExp(`maxmemory-policy ${policy}.*Refusing to start.*noeviction`),
      );
    },
  );

  it('when maxmemory-policy is noeviction, then it starts', async () => {
    await redis.config('SET', 'maxmemory-policy', 'noeviction');
    const service = await startTestService({ store: 'redis', env: { REDIS_URL: redisServer.url } });
    await service.close();
  });
});
