import type { Actor } from '../../src/actor/actor';
import { argon2idOf } from '../../src/hashing/list-entry';
import { normalizeEmail } from '../../src/hashing/normalize-email';
import { startTestService, type TestService } from '../support/test-app';
import { keysWithPrefix, newTestRedis, type TestRedis } from '../support/test-redis';

const SUPPORT: Actor = { kind: 'staff', staffId: 'st-support-1', username: 'sato.support', role: 'support' };
const TOKEN: Actor = { kind: 'api-token', staffId: 'st-admin-1', username: 'kato.admin', tokenId: 'tok-1' };

/** Addresses of the demo lists in the forms callers give them, and one in no list. */
const CHECKED = [
  'taro.yamada@example.jp',
  'ＴＡＲＯ．ＹＡＭＡＤＡ＠ＥＸＡＭＰＬＥ．ＪＰ',
  ' Hanako.Suzuki@Example.JP ',
  'kenji.sato+porsche@example.jp',
  'yuki.tanaka@example.com',
  'not.listed.anywhere@example.com',
];

/** Every key name and every byte of every value under a prefix, the audit stream included. */
async function dumpEverything(redis: TestRedis, prefix: string): Promise<{ chunks: Buffer[]; types: Set<string> }> {
  const chunks: Buffer[] = [];
  const types = new Set<string>();
  for (const key of await keysWithPrefix(redis, prefix)) {
    chunks.push(Buffer.from(key));
    const type = await redis.type(key);
    types.add(type);
    if (type === 'string') chunks.push((await redis.getBuffer(key)) ?? Buffer.alloc(0));
    else if (type === 'hash') {
      const fields = await redis.hgetallBuffer(key);
      for (const value of Object.values(fields)) chunks.push(value);
      chunks.push(...(await redis.hkeysBuffer(key)));
    } else if (type === 'set') chunks.push(...(await redis.smembersBuffer(key)));
    else if (type === 'list') chunks.push(...(await redis.lrangeBuffer(key, 0, -1)));
    else if (type === 'zset') chunks.push(...(await redis.zrangeBuffer(key, 0, -1)));
    else if (type === 'stream') {
      for (const [id, fields] of await redis.xrangeBuffer(key, '-', '+')) chunks.push(id, ...fields);
    } else throw new Error(`unexpected key type ${type} at ${key}: extend this scan`);
  }
  return { chunks, types };
}

describe('privacy: the audit log after support checks of listed addresses', () => {
  let service: TestService;
  let redis: TestRedis;
  const answers: { affected: boolean; auditEventId: string }[] = [];

  beforeAll(async () => {
    service = await startTestService({ store: 'shared', seed: true });
    redis = newTestRedis();
    for (const [index, email] of CHECKED.entries()) {
      answers.push(
        await service.runtime.support.service.checkForCaller({
          actor: index % 2 === 0 ? SUPPORT : TOKEN,
          ticketRef: `ZD-${5000 + index}`,
          email,
        }),
      );
    }
  });
  afterAll(async () => {
    redis.disconnect();
    await service.close();
  });

  async function needles(): Promise<Buffer[]> {
    const normalized = [...new Set(CHECKED.map(normalizeEmail))];
    const argon2Outputs = await Promise.all(normalized.map((email) => argon2idOf(email, service.runtime.hashing.profile)));
    return [
      ...CHECKED.map((address) => Buffer.from(address)),
      ...CHECKED.map((address) => Buffer.from(address.trim())),
      ...normalized.map((address) => Buffer.from(address)),
      ...normalized.map((address) => Buffer.from(address.split('@')[0]!)),
      ...argon2Outputs,
      ...argon2Outputs.map((raw) => Buffer.from(raw.toString('hex'))),
      ...argon2Outputs.map((raw) => Buffer.from(raw.toString('base64'))),
      ...argon2Outputs.map((raw) => raw.subarray(0, 8)),
    ];
  }

  it('when the checks were answered, then every one of them was audited (the scan below has something to search)', async () => {
    const { events } = await service.runtime.audit.service.query({ action: 'support.check' });
    expect(events.map((event) => event.id).sort()).toEqual(answers.map((answer) => answer.auditEventId).sort());
    expect(answers.filter((answer) => answer.affected)).toHaveLength(5);
    expect(events.filter((event) => (event.matchedExposureIds ?? []).length > 0)).toHaveLength(5);
  });

  it('when every field of every audit event is searched, then no address, normalized address, local part or argon2 output is found', async () => {
    const { events } = await service.runtime.audit.service.query({ limit: 500 });
    const text = Buffer.from(JSON.stringify(events));

    const found = (await needles()).filter((needle) => text.includes(needle));

    expect(found.map((needle) => needle.toString('hex'))).toEqual([]);
    // Nothing but who, what, when, the ticket and the matched ids.
    for (const event of events) {
      expect(Object.keys(event).sort()).toEqual(['action', 'actor', 'at', 'id', 'matchedExposureIds', 'ticketRef']);
    }
  });

  it('when every key and value in Redis is searched, audit stream included, then none of them is found there either', async () => {
    const { chunks, types } = await dumpEverything(redis, service.config.redisKeyPrefix);
    expect(types).toContain('stream');

    const found = (await needles()).filter((needle) => chunks.some((chunk) => chunk.includes(needle)));

    expect(found.map((needle) => needle.toString('hex'))).toEqual([]);
  });

  it('when an address is planted in the audit stream, then the same scan finds it (the search works)', async () => {
    const key = `${service.config.redisKeyPrefix}audit:events`;
    const plantedId = await redis.xadd(key, '*', 'event', JSON.stringify({ note: 'hanako.suzuki@example.jp' }));
    try {
      const { chunks } = await dumpEverything(redis, service.config.redisKeyPrefix);
      const found = (await needles()).filter((needle) => chunks.some((chunk) => chunk.includes(needle)));
      expect(found.map((needle) => needle.toString())).toContain('hanako.suzuki@example.jp');
    } finally {
      await redis.xdel(key, plantedId!);
    }
  });
});
