import argon2 from 'argon2';
import { ristretto255_oprf } from '@noble/curves/ed25519.js';
import request from 'supertest';
import { startTestService, type TestService } from '../support/test-app';
import { deleteKeys, keysWithPrefix, newTestRedis, type TestRedis, uniquePrefix } from '../support/test-redis';

/*
 * Issue 15: the private check, from the outside. The client side here is written from the README's
 * "Private check" section alone, with @noble/curves and the argon2 package (not the service's own
 * modules, apart from email-v1 normalization, which the README defines as the server's rules): it
 * must get the answers POST /api/v1/check gives, while sending only a bucket and a blinded element.
 * On Redis, with the demo data.
 */
interface Profile {
  id: string;
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  hashLength: number;
  salt: string;
  bucketBits: number;
  digestBytes: number;
}

const LISTED = 'taro.yamada@example.jp';
const LISTED_FULL_WIDTH = 'ｔａｒｏ．ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ';
const PROMOTION_ONLY = 'hanako.suzuki@example.jp';
const UNLISTED = 'someone.else@example.org';

/** email-v1 as the README states it: NFKC, trim, lowercase, the domain to ASCII with IDNA. */
function normalize(address: string): string {
  const folded = address.normalize('NFKC').trim().toLowerCase();
  const at = folded.lastIndexOf('@');
  return `${folded.slice(0, at)}@${new URL(`http://${folded.slice(at + 1)}`).hostname}`;
}

async function argon2idOf(address: string, profile: Profile): Promise<Uint8Array> {
  return new Uint8Array(
    await argon2.hash(normalize(address), {
      type: argon2.argon2id,
      raw: true,
      salt: Buffer.from(profile.salt, 'base64'),
      memoryCost: profile.memoryKiB,
      timeCost: profile.iterations,
      parallelism: profile.parallelism,
      hashLength: profile.hashLength,
    }),
  );
}

function bucketOf(a: Uint8Array, bits: number): number {
  return Buffer.from(a).readUInt32BE(0) >>> (32 - bits);
}

describe('the private check protocol, implemented from the README with @noble/curves', () => {
  const prefix = uniquePrefix('private-check');
  let service: TestService;
  let redis: TestRedis;
  let profiles: Profile[];
  const sent: string[] = [];

  beforeAll(async () => {
    service = await startTestService({ store: 'shared', prefix, seed: true });
    redis = newTestRedis();
    const parameters = await request(service.app).get('/api/v1/private-check');
    expect(parameters.status).toBe(200);
    expect(parameters.body.oprf).toEqual({ suite: 'ristretto255-SHA512', mode: 0 });
    profiles = parameters.body.profiles;
  });
  afterAll(async () => {
    redis.disconnect();
    await service.close();
  });

  /** The whole client: hash, blind, ask, finalize, look up. Returns the exposures found and the raw answer. */
  async function privateCheck(address: string) {
    const queries = [];
    const states: { a: Uint8Array; blind: Uint8Array; profile: Profile }[] = [];
    for (const profile of profiles) {
      const a = await argon2idOf(address, profile);
      const { blind, blinded } = ristretto255_oprf.oprf.blind(a);
      states.push({ a, blind, profile });
      queries.push({ profileId: profile.id, bucket: bucketOf(a, profile.bucketBits), blindedElement: Buffer.from(blinded).toString('base64') });
    }
    const body = JSON.stringify({ queries });
    sent.push(body);
    const response = await request(service.app).post('/api/v1/private-check').set('content-type', 'application/json').send(body);
    expect(response.status).toBe(200);
    const found: string[] = [];
    response.body.results.forEach((result: { evaluatedElement: string; lists: { exposureId: string; digests: string[] }[] }, index: number) => {
      const { a, blind, profile } = states[index]!;
      const output = ristretto255_oprf.oprf.finalize(a, blind, new Uint8Array(Buffer.from(result.evaluatedElement, 'base64')));
      const mine = Buffer.from(output.subarray(0, profile.digestBytes)).toString('base64');
      for (const list of result.lists) if (list.digests.includes(mine)) found.push(list.exposureId);
    });
    return { found: found.sort(), body: response.body, bytes: Buffer.byteLength(response.text) };
  }

  async function serverCheck(address: string): Promise<{ found: string[]; body: { checked: unknown; notCheckableByEmail: unknown } }> {
    const response = await request(service.app).post('/api/v1/check').send({ email: address });
    expect(response.status).toBe(200);
    return { found: response.body.exposures.map((exposure: { id: string }) => exposure.id).sort(), body: response.body };
  }

  it('when the parameters are read, then they name the live lists\' profile with 12 bucket bits and 8-byte digests', () => {
    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toMatchObject({ algorithm: 'argon2id', normalization: 'email-v1', bucketBits: 12, digestBytes: 8, hashLength: 32 });
  });

  it.each([
    ['a listed address', LISTED, ['porsche-japan-2018-catalog']],
    ['its full-width form', LISTED_FULL_WIDTH, ['porsche-japan-2018-catalog']],
    ['an address in the other list only', PROMOTION_ONLY, ['porsche-japan-2018-promotion']],
    ['an unlisted address', UNLISTED, []],
  ])('when %s is checked privately, then it finds what the server-side check finds, with the same catalogue parts', async (_name, address, expected) => {
    const local = await privateCheck(address);
    const server = await serverCheck(address);

    expect(local.found).toEqual(expected);
    expect(server.found).toEqual(expected);
    expect(local.body.checked).toEqual(server.body.checked);
    expect(local.body.notCheckableByEmail).toEqual(server.body.notCheckableByEmail);
    expect(local.bytes).toBeLessThan(32 * 1024);
  });

  it('then no request sent held the address, its normalized form, its local part or its argon2id output', async () => {
    expect(sent.length).toBeGreaterThanOrEqual(4);
    const profile = profiles[0]!;
    for (const address of [LISTED, LISTED_FULL_WIDTH, PROMOTION_ONLY, UNLISTED]) {
      const a = Buffer.from(await argon2idOf(address, profile));
      const forbidden = [address, normalize(address), normalize(address).split('@')[0]!, a.toString('hex'), a.toString('base64')];
      for (const body of sent) for (const secret of forbidden) expect(body).not.toContain(secret);
    }
  });

  it('when the answer is read, then a sensitive or unpublished exposure never appears in it', async () => {
    await service.runtime.catalog.admin.updateExposure('porsche-japan-2018-promotion', { sensitive: true });
    try {
      const local = await privateCheck(PROMOTION_ONLY);
      const ids = local.body.results.flatMap((result: { lists: { exposureId: string }[] }) => result.lists.map((list) => list.exposureId));

      expect(local.found).toEqual([]);
      expect(ids).not.toContain('porsche-japan-2018-promotion');
      expect(JSON.stringify(local.body)).not.toContain('porsche-japan-2018-promotion');
    } finally {
      await service.runtime.catalog.admin.updateExposure('porsche-japan-2018-promotion', { sensitive: false });
    }
  });

  describe('when a query is malformed, then it is a 400 with a code, never a 500', () => {
    const post = (body: unknown) => request(service.app).post('/api/v1/private-check').send(body as object);
    const query = (overrides: object) => ({ profileId: profiles[0]!.id, bucket: 1, blindedElement: Buffer.from(ristretto255_oprf.oprf.blind(new Uint8Array(32)).blinded).toString('base64'), ...overrides });

    it.each([
      ['no queries', () => ({ queries: [] }), 'invalid_request'],
      ['not an object', () => ([1, 2]), 'invalid_request'],
      ['an element of 31 bytes', () => ({ queries: [query({ blindedElement: Buffer.alloc(31, 1).toString('base64') })] }), 'invalid_element'],
      ['the identity element', () => ({ queries: [query({ blindedElement: Buffer.alloc(32).toString('base64') })] }), 'invalid_element'],
      ['no ristretto255 encoding', () => ({ queries: [query({ blindedElement: Buffer.alloc(32, 0xff).toString('base64') })] }), 'invalid_element'],
      ['a bucket out of range', () => ({ queries: [query({ bucket: 4096 })] }), 'invalid_request'],
      ['a negative bucket', () => ({ queries: [query({ bucket: -1 })] }), 'invalid_request'],
      ['an unknown profile', () => ({ queries: [query({ profileId: 'hp-nope' })] }), 'unknown_profile'],
      ['two queries for one profile', () => ({ queries: [query({}), query({})] }), 'invalid_request'],
      ['too many queries', () => ({ queries: Array.from({ length: 9 }, (_, i) => query({ profileId: `p${i}` })) }), 'invalid_request'],
    ])('%s', async (_name, body: () => unknown, code) => {
      // The table is built when the tests are collected, before the profile is known: bodies are made when run.
      const response = await post(body());

      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe(code);
      expect(typeof response.body.error.message).toBe('string');
    });
  });

  describe('when the store is wiped under the running service', () => {
    it('then the private check answers 503, never lists without digests', async () => {
      const keys = await keysWithPrefix(redis, prefix);
      expect(keys.length).toBeGreaterThan(0);
      await deleteKeys(redis, keys);

      const response = await request(service.app)
        .post('/api/v1/private-check')
        .send({ queries: [{ profileId: profiles[0]!.id, bucket: 0, blindedElement: Buffer.from(ristretto255_oprf.oprf.blind(new Uint8Array(32)).blinded).toString('base64') }] });

      expect(response.status).toBe(503);
      expect(response.body.error.code).toBe('unavailable');
    });
  });
});
