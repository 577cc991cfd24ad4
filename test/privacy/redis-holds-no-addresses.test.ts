import request from 'supertest';
import { DEMO_LIST_ADDRESSES } from '../../src/demo/demo-dataset';
import { argon2idOf } from '../../src/hashing/list-entry';
import { maskEmail } from '../../src/hashing/mask-email';
import { normalizeEmail } from '../../src/hashing/normalize-email';
import { startTestService, type TestService } from '../support/test-app';
import { keysWithPrefix, newTestRedis, type TestRedis } from '../support/test-redis';

/** Every key name and every byte of every value under a prefix. */
async function dumpEverything(redis: TestRedis, prefix: string): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for (const key of await keysWithPrefix(redis, prefix)) {
    chunks.push(Buffer.from(key));
    const type = await redis.type(key);
    if (type === 'string') chunks.push((await redis.getBuffer(key)) ?? Buffer.alloc(0));
    else if (type === 'hash') {
      const fields = await redis.hgetallBuffer(key);
      for (const [field, value] of Object.entries(fields)) chunks.push(Buffer.from(field, 'binary'), value);
      // hgetallBuffer's field names come back as strings; HKEYS in binary keeps the raw digests.
      chunks.push(...(await redis.hkeysBuffer(key)));
    } else if (type === 'set') chunks.push(...(await redis.smembersBuffer(key)));
    else if (type === 'list') chunks.push(...(await redis.lrangeBuffer(key, 0, -1)));
    else if (type === 'zset') chunks.push(...(await redis.zrangeBuffer(key, 0, -1)));
    else throw new Error(`unexpected key type ${type} at ${key}: extend this scan`);
  }
  return chunks;
}

describe('privacy: TestRedis after a demo seed and a batch of checks', () => {
  let service: TestService;
  let redis: TestRedis;
  const checkedAddresses = [
    'taro.yamada@example.jp',
    'ＴＡＲＯ．ＹＡＭＡＤＡ＠ＥＸＡＭＰＬＥ．ＪＰ',
    ' Hanako.Suzuki@Example.JP ',
    'kenji.sato+porsche@example.jp',
    'not.listed.anywhere@example.com',
    'taro@ドメイン.jp',
  ];

  beforeAll(async () => {
    service = await startTestService({ store: 'shared', seed: true });
    redis = newTestRedis();
    for (const email of checkedAddresses) {
      await request(service.app).post('/api/v1/check').send({ email }).expect(200);
      await request(service.app).post('/check').type('form').send({ email }).expect(200);
    }
  });
  afterAll(async () => {
    redis.disconnect();
    await service.close();
  });

  it('when every key and value is searched, then no address, normalized address or argon2 output is found', async () => {
    const listed = Object.values(DEMO_LIST_ADDRESSES).flat();
    const addresses = [...new Set([...checkedAddresses, ...listed])];
    const normalized = [...new Set(addresses.map(normalizeEmail))];
    const argon2Outputs = await Promise.all(normalized.map((email) => argon2idOf(email, service.runtime.hashing.profile)));

    const needles: Buffer[] = [
      ...addresses.map((address) => Buffer.from(address)),
      ...normalized.map((address) => Buffer.from(address)),
      // Local parts alone too: a store must not keep "taro.yamada" next to a domain elsewhere.
      ...normalized.map((address) => Buffer.from(address.split('@')[0]!)),
      // The masked form the result page shows (t•••@example.jp) is for the page alone.
      ...addresses.map((address) => Buffer.from(maskEmail(address))),
      ...argon2Outputs,
      ...argon2Outputs.map((raw) => Buffer.from(raw.toString('hex'))),
      ...argon2Outputs.map((raw) => Buffer.from(raw.toString('hex').toUpperCase())),
      ...argon2Outputs.map((raw) => Buffer.from(raw.toString('base64'))),
      // Any 8-byte window of an argon2 output would already be a testable fingerprint.
      ...argon2Outputs.map((raw) => raw.subarray(0, 8)),
      ...argon2Outputs.map((raw) => raw.subarray(16, 24)),
    ];

    const haystack = await dumpEverything(redis, service.config.redisKeyPrefix);
    expect(haystack.length).toBeGreaterThan(50);
    const found = needles.filter((needle) => haystack.some((chunk) => chunk.includes(needle)));
    expect(found.map((needle) => needle.toString('hex'))).toEqual([]);
  });

  it('when an argon2 output is planted as a hash field, then the same scan finds it (the search works)', async () => {
    const raw = await argon2idOf('planted@example.jp', service.runtime.hashing.profile);
    const planted = `${service.config.redisKeyPrefix}planted-for-this-test`;
    await redis.hset(planted, raw, '');
    try {
      const haystack = await dumpEverything(redis, service.config.redisKeyPrefix);
      expect(haystack.some((chunk) => chunk.includes(raw))).toBe(true);
    } finally {
      await redis.del(planted);
    }
  });
});
