import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expectedRows, rowsOf, runHashList, savedProfile, syntheticAddresses, tempDir } from './hash-list-fixtures';

describe('scripts/hash-list --shard', () => {
  let dir: string;
  let remove: () => Promise<void>;

  beforeEach(async () => {
    ({ dir, remove } = await tempDir());
  });
  afterEach(async () => {
    await remove();
  });

  describe('when one input is split across three machines', () => {
    it('then the shards hold data rows i, i+3, ... and together exactly the rows of the unsharded list', async () => {
      const { profile, file } = await savedProfile(dir);
      const addresses = syntheticAddresses(31, 'shard');
      // Blank lines do not count as data rows; an invalid line does, in the shard it falls to.
      const lines = [...addresses.slice(0, 10), '', 'not-an-address', '   ', ...addresses.slice(10)];
      const input = path.join(dir, 'addresses.txt');
      await writeFile(input, `${lines.join('\n')}\n`);
      const whole = path.join(dir, 'whole.txt');
      const shardFiles = [1, 2, 3].map((i) => path.join(dir, `shard-${i}.txt`));

      const results = await Promise.all([
        runHashList(['--profile', file, '--out', whole, input]),
        ...shardFiles.map((out, i) => runHashList(['--profile', file, '--out', out, '--shard', `${i + 1}/3`, input])),
      ]);

      expect(results.map((result) => result.code)).toEqual([0, 0, 0, 0]);
      const dataRows = [...addresses.slice(0, 10), 'not-an-address', ...addresses.slice(10)];
      const shardRows = await Promise.all(shardFiles.map(rowsOf));
      for (const [i, rows] of shardRows.entries()) {
        const own = dataRows.filter((row, k) => k % 3 === i && row !== 'not-an-address');
        expect(rows).toEqual(await expectedRows(own, profile));
        expect(await readFile(shardFiles[i] ?? '', 'utf8')).toContain(`# profile: ${profile.id}\n`);
        expect(await readFile(shardFiles[i] ?? '', 'utf8')).toContain(`# shard: ${i + 1}/3\n`);
      }
      expect(shardRows.flat().sort()).toEqual((await rowsOf(whole)).sort());
      // data row 11 is the invalid one: shard (11-1) mod 3 + 1 = 2 reports it, at its physical line 12.
      expect(results[2]?.stderr).toContain('1 input line(s) are not valid email addresses and were skipped (line 12)');
      expect(results[1]?.stderr).not.toContain('Warning');
    });
  });

  describe('when --shard is malformed or out of range', () => {
    it.each(['0/3', '4/3', '1/0', 'a/b', '2', '1-3', '-1/3', ''])('when it is "%s", then the run is refused with exit 2 and nothing is written', async (shard) => {
      const { file } = await savedProfile(dir);
      const input = path.join(dir, 'addresses.txt');
      await writeFile(input, 'shard-0@example.jp\n');

      const result = await runHashList(['--profile', file, '--out', path.join(dir, 'list.txt'), `--shard=${shard}`, input]);

      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--shard must be i/n with 1 <= i <= n');
      expect((await readdir(dir)).sort()).toEqual(['addresses.txt', path.basename(file)].sort());
    });
  });
});
