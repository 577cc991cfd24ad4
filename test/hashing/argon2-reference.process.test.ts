import { execFileSync } from 'node:child_process';
import { newHashingProfile } from '../../src/hashing/hashing-profile';
import { argon2idOf, bucketOf } from '../../src/hashing/list-entry';
import { normalizeEmail } from '../../src/hashing/normalize-email';

/** Debian's `argon2` CLI, an independent implementation; the salt travels as argv, so keep it printable. */
function referenceArgon2id(password: string, salt: string, costs: { memoryKiB: number; iterations: number; parallelism: number }): string {
  return execFileSync(
    'argon2',
    [salt, '-id', '-t', String(costs.iterations), '-k', String(costs.memoryKiB), '-p', String(costs.parallelism), '-l', '32', '-r'],
    { input: password },
  )
    .toString()
    .trim();
}

describe('argon2id against the Debian argon2 CLI', () => {
  it.each([
    [{ memoryKiB: 19456, iterations: 2, parallelism: 1 }, 'ＴＡＲＯ．ＹＡＭＡＤＡ＠ＥＸＡＭＰＬＥ．ＪＰ'],
    [{ memoryKiB: 8192, iterations: 3, parallelism: 2 }, 'hanako.suzuki+news@ドメイン.jp'],
  ])('when hashing with costs %j, then our raw output equals the reference byte for byte', async (costs, email) => {
    const salt = 'exposure-check-ref-salt';
    const profile = newHashingProfile(costs, new Date(), Buffer.from(salt));
    const normalized = normalizeEmail(email);
    const ours = await argon2idOf(normalized, profile);
    expect(ours.toString('hex')).toBe(referenceArgon2id(normalized, salt, costs));
  });

  it('when reading the bucket, then it is the first 16 bits of the output, big-endian', () => {
    expect(bucketOf(Buffer.from('abcd0000', 'hex'), 16)).toBe(0xabcd);
    expect(bucketOf(Buffer.from('abcd0000', 'hex'), 12)).toBe(0xabc);
    expect(() => bucketOf(Buffer.alloc(32), 0)).toThrow(RangeError);
  });
});
