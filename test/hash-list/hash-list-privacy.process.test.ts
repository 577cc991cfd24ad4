import { readdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import {
  checkpointProgress,
  expectedRows,
  rowsOf,
  runHashList,
  savedProfile,
  startHashList,
  syntheticAddresses,
  tempDir,
} from './hash-list-fixtures';
import { until } from '../support/eventually';

// Distinctive local parts, so that any trace of them in a file or a stream is found.
const INVALID = [
  'zq-nodomain-alpha', // no @
  'zq-twoats-beta@@example.jp',
  'zq spaced gamma@example.jp',
  'zq-delta@example', // no dot in the domain
  'zq-epsilon@-bad-.example.jp',
  '"zq-quoted-zeta"@example.jp',
  'zq-eta@192.168.0.1',
];
const VALID_ROWS = 1000 * availableParallelism();

describe('scripts/hash-list and invalid input lines', () => {
  let dir: string;
  let remove: () => Promise<void>;

  beforeAll(async () => {
    ({ dir, remove } = await tempDir());
  });
  afterAll(async () => {
    await remove();
  });

  /** Every trace an address could leave: itself, its local part, its normalized form. */
  function tracesOf(addresses: string[]): string[] {
    return addresses.flatMap((address) => [address, address.split('@')[0] ?? address, address.toLowerCase()]);
  }

  function expectNoTrace(where: string, text: string, addresses: string[]): void {
    const found = tracesOf(addresses).filter((trace) => text.includes(trace));
    expect({ where, found }).toEqual({ where, found: [] });
  }

  describe('when the input holds invalid lines among valid ones and the run is interrupted, then resumed', () => {
    it(
      'then they are skipped, reported by count and line number, and no address appears in any stream or file',
      async () => {
        const { profile, file } = await savedProfile(dir);
        const valid = syntheticAddresses(VALID_ROWS, 'zq-valid');
        // Invalid lines early (lines 2, 4, 6, ...), so the interrupted run's checkpoint records them.
        const lines = [...valid];
        INVALID.forEach((address, i) => lines.splice(1 + 2 * i, 0, address));
        const input = path.join(dir, 'addresses.txt');
        const out = path.join(dir, 'list.txt');
        await writeFile(input, `${lines.join('\n')}\n`);
        const args = ['--profile', file, '--out', out, input];

        const first = startHashList(args);
        await until('the checkpoint records the invalid lines and some rows', async () => {
          const progress = await checkpointProgress(out);
          return progress !== undefined && progress.invalid.count === INVALID.length && progress.rowsWritten > 0 ? progress : undefined;
        }, 60_000);
        first.child.kill('SIGINT');
        const interrupted = await first.result;
        const checkpoint = await readFile(`${out}.progress`, 'utf8');
        const partial = await readFile(`${out}.partial`, 'utf8');
        const resumed = await runHashList(args, 180_000);

        expect(interrupted.code).toBe(130);
        expect(resumed.code).toBe(0);
        expect(JSON.parse(checkpoint).progress.invalid).toEqual({ count: 7, firstLines: [2, 4, 6, 8, 10, 12, 14], notUtf8: 0 });
        expect(resumed.stderr).toContain('Warning: 7 input line(s) are not valid email addresses and were skipped (line 2, 4, 6, 8, 10, 12, 14)');
        expect(await rowsOf(out)).toEqual(await expectedRows(valid, profile));
        const streams = { interruptedOut: interrupted.stdout, interruptedErr: interrupted.stderr, resumedOut: resumed.stdout, resumedErr: resumed.stderr };
        for (const [where, text] of Object.entries({ ...streams, checkpoint, partial, list: await readFile(out, 'utf8') })) {
          expectNoTrace(where, text, [...INVALID, ...valid.slice(0, 50)]);
        }
        // No other file appeared: no temporary copy, no log.
        expect((await readdir(dir)).sort()).toEqual(['addresses.txt', 'list.txt', path.basename(file)].sort());
      },
      180_000,
    );
  });

  describe('when more than 20 lines are invalid', () => {
    it('then the count covers all of them and the first 20 line numbers are named', async () => {
      const { profile, file } = await savedProfile(dir);
      const lines = Array.from({ length: 30 }, (_, i) => `zq-bad-${i}-at-example.jp`);
      lines.push('zq-good@example.jp');
      const input = path.join(dir, 'many-invalid.txt');
      const out = path.join(dir, 'many-invalid-list.txt');
      await writeFile(input, lines.join('\n'));

      const result = await runHashList(['--profile', file, '--out', out, input]);

      expect(result.code).toBe(0);
      const first20 = Array.from({ length: 20 }, (_, i) => i + 1).join(', ');
      expect(result.stderr).toContain(`Warning: 30 input line(s) are not valid email addresses and were skipped (the first 20: lines ${first20})`);
      expect(await rowsOf(out)).toEqual(await expectedRows(['zq-good@example.jp'], profile));
      expectNoTrace('stderr', result.stderr + result.stdout, lines);
    });
  });

  describe('when a line holds bytes that are not UTF-8 (a Shift_JIS export, say)', () => {
    it('then that line is reported invalid with a hint to convert the file, instead of hashing a damaged address', async () => {
      const { profile, file } = await savedProfile(dir);
      const input = path.join(dir, 'sjis.txt');
      const out = path.join(dir, 'sjis-list.txt');
      // "zq-たろう@example.jp" in Shift_JIS.
      const shiftJis = Buffer.from([0x82, 0xbd, 0x82, 0xeb, 0x82, 0xa4]);
      await writeFile(input, Buffer.concat([Buffer.from('zq-ok@example.jp\nzq-'), shiftJis, Buffer.from('@example.jp\n')]));

      const result = await runHashList(['--profile', file, '--out', out, input]);

      expect(result.code).toBe(0);
      expect(result.stderr).toContain('1 input line(s) are not valid email addresses and were skipped (line 2)');
      expect(result.stderr).toContain('1 of them are not UTF-8 text');
      expect(await rowsOf(out)).toEqual(await expectedRows(['zq-ok@example.jp'], profile));
    });
  });

  describe('when a line is far longer than any address', () => {
    it('then it is reported invalid and the lines after it are read as usual', async () => {
      const { profile, file } = await savedProfile(dir);
      const input = path.join(dir, 'long.txt');
      const out = path.join(dir, 'long-list.txt');
      await writeFile(input, `zq-first@example.jp\n${'zq-long'.repeat(2000)}@example.jp\nzq-after@example.jp`);

      const result = await runHashList(['--profile', file, '--out', out, input]);

      expect(result.code).toBe(0);
      expect(result.stderr).toContain('1 input line(s) are not valid email addresses and were skipped (line 2)');
      expect(await rowsOf(out)).toEqual(await expectedRows(['zq-first@example.jp', 'zq-after@example.jp'], profile));
    });
  });
});
