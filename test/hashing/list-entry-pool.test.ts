import { randomBytes } from 'node:crypto';
import { DEFAULT_BUCKET_BITS } from '../../src/hashing/hashing-profile';
import { bucketOf, DIGEST_BYTES } from '../../src/hashing/list-entry';
import { ListEntryPool } from '../../src/hashing/list-entry-pool';
import { generateOprfSecretKey, oprfSuite } from '../../src/hashing/oprf-key';

// The pool runs the compiled worker from dist/ (npm test builds first): these tests check that
// build against @noble/curves, the reference implementation.
describe('list entry pool', () => {
  const secretKey = generateOprfSecretKey();
  let pool: ListEntryPool;

  beforeAll(() => {
    pool = new ListEntryPool(secretKey, { threads: 2 });
  });
  afterAll(async () => {
    await pool.close();
  });

  it('when batches run on worker threads, then each entry has its bucket and the first 16 bytes of the OPRF output, in order', async () => {
    const batches = Array.from({ length: 6 }, () => Array.from({ length: 50 }, () => randomBytes(32)));

    const results = await Promise.all(batches.map((rows) => pool.entriesOf(rows, DEFAULT_BUCKET_BITS)));

    results.forEach((entries, batch) => {
      const rows = batches[batch] ?? [];
      expect(entries).toHaveLength(rows.length);
      entries.forEach((entry, index) => {
        const row = rows[index] as Buffer;
        expect(entry.bucket).toBe(bucketOf(row, DEFAULT_BUCKET_BITS));
        expect(entry.digest.toString('hex')).toBe(Buffer.from(oprfSuite.evaluate(secretKey, row).subarray(0, DIGEST_BYTES)).toString('hex'));
      });
    });
  });

  it('when a row is not a 32-byte argon2 output, then the batch is refused', async () => {
    await expect(pool.entriesOf([randomBytes(32), randomBytes(31)], DEFAULT_BUCKET_BITS)).rejects.toThrow(RangeError);
  });

  it('when the batch is empty, then it yields no entries', async () => {
    expect(await pool.entriesOf([], DEFAULT_BUCKET_BITS)).toEqual([]);
  });
});
