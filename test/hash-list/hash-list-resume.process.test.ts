import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { HashingProfile } from '../../src/hashing/hashing-profile';
import {
  checkpointProgress,
  expectedRows,
  rowsOf,
  runHashList,
  savedProfile,
  startHashList,
  syntheticAddresses,
  tempDir,
  type SavedProgress,
} from './hash-list-fixtures';
import { until } from '../support/eventually';

/** Enough rows that a run lasts several checkpoint intervals (1 s) whatever the number of cores. */
const ROWS = 1000 * availableParallelism();
const LONG = 180_000;

describe('scripts/hash-list interrupted and resumed', () => {
  let dir: string;
  let remove: () => Promise<void>;
  let profile: HashingProfile;
  let profileFile: string;
  let input: string;
  let uninterrupted: string;

  beforeAll(async () => {
    ({ dir, remove } = await tempDir());
    ({ profile, file: profileFile } = await savedProfile(dir));
    input = path.join(dir, 'addresses.txt');
    await writeFile(input, `${syntheticAddresses(ROWS, 'resume').join('\n')}\n`);
    const reference = path.join(dir, 'uninterrupted.txt');
    const result = await runHashList(['--profile', profileFile, '--out', reference, input], LONG);
    expect(result.code).toBe(0);
    uninterrupted = await readFile(reference, 'utf8');
  }, LONG);
  afterAll(async () => {
    await remove();
  });

  /** Starts a run into `out` and stops it with `signal` once its checkpoint shows rows written. */
  async function interruptedRun(out: string, signal: NodeJS.Signals) {
    const run = startHashList(['--profile', profileFile, '--out', out, input], LONG);
    await until('the checkpoint shows progress', async () => {
      const progress = await checkpointProgress(out);
      return progress !== undefined && progress.rowsWritten > 0 ? progress : undefined;
    }, 60_000);
    run.child.kill(signal);
    const result = await run.result;
    // Read once the process is gone: this is what the next run starts from.
    const saved = (await checkpointProgress(out)) as SavedProgress;
    return { result, saved };
  }

  it('when the uninterrupted run is checked, then its rows are the independent hashes of the input', async () => {
    const rows = uninterrupted.split('\n').filter((line) => /^[0-9a-f]{64}$/.test(line));
    expect(rows).toHaveLength(ROWS);
    expect(rows.slice(0, 20)).toEqual(await expectedRows(syntheticAddresses(20, 'resume'), profile));
  });

  describe('when a run is stopped with SIGINT and the same command is run again', () => {
    it(
      'then it stops cleanly with exit 130, resumes, hashes only the remainder, and writes the uninterrupted file',
      async () => {
        const out = path.join(dir, 'sigint.txt');

        const { result: first, saved } = await interruptedRun(out, 'SIGINT');

        expect(first.code).toBe(130);
        expect(first.stderr).toContain('Run the same command again to resume');
        expect(saved.rowsWritten).toBeGreaterThan(0);
        expect(saved.rowsWritten).toBeLessThan(ROWS);
        // A clean stop writes exactly what the checkpoint says.
        expect((await readFile(`${out}.partial`)).length).toBe(saved.outputBytes);

        const second = await runHashList(['--profile', profileFile, '--out', out, input], LONG);

        expect(second.code).toBe(0);
        expect(second.stdout).toContain(`Resumed from a checkpoint: ${saved.rowsWritten.toLocaleString('en-US')} rows were already written`);
        expect(second.stdout).toContain(`hashed ${(ROWS - saved.rowsWritten).toLocaleString('en-US')} in this run`);
        expect(await readFile(out, 'utf8')).toBe(uninterrupted);
      },
      LONG,
    );
  });

  describe('when a run is killed with SIGKILL and the same command is run again', () => {
    it(
      'then rows written after the last checkpoint are dropped, only the rest is hashed, and the file equals the uninterrupted one',
      async () => {
        const out = path.join(dir, 'sigkill.txt');

        const { result: first, saved } = await interruptedRun(out, 'SIGKILL');

        expect(first.code).toBeNull();
        const second = await runHashList(['--profile', profileFile, '--out', out, input], LONG);

        expect(second.code).toBe(0);
        expect(second.stdout).toContain('Resumed from a checkpoint');
        expect(second.stdout).toContain(`hashed ${(ROWS - saved.rowsWritten).toLocaleString('en-US')} in this run`);
        expect(await readFile(out, 'utf8')).toBe(uninterrupted);
      },
      LONG,
    );
  });

  describe('when a checkpoint exists and the command differs from the one that wrote it', () => {
    it(
      'then another profile, shard, format or input is refused, and --restart starts over',
      async () => {
        const out = path.join(dir, 'mismatch.txt');
        const { result: first } = await interruptedRun(out, 'SIGINT');
        expect(first.code).toBe(130);
        const { file: otherProfile } = await savedProfile(dir);
        const otherInput = path.join(dir, 'other.txt');
        await writeFile(otherInput, 'someone@example.jp\n');

        const refusals = await Promise.all([
          runHashList(['--profile', otherProfile, '--out', out, input]),
          runHashList(['--profile', profileFile, '--out', out, '--shard', '1/2', input]),
          // The input read as CSV: its first line, the header, then names one column.
          runHashList(['--profile', profileFile, '--out', out, '--column', 'resume-0@example.jp', input]),
          runHashList(['--profile', profileFile, '--out', out, otherInput]),
        ]);

        for (const refusal of refusals) {
          expect(refusal.code).toBe(1);
          expect(refusal.stderr).toContain('holds the progress of a different job');
          expect(refusal.stderr).toContain('--restart');
        }
        expect(refusals.map((refusal) => refusal.stderr)).toEqual([
          expect.stringContaining('the profile was'),
          expect.stringContaining('the shard was 1/1, now 1/2'),
          expect.stringContaining('now as CSV column'),
          expect.stringContaining('the input file has different content'),
        ]);

        const restarted = await runHashList(['--profile', profileFile, '--out', out, '--restart', input], LONG);

        expect(restarted.code).toBe(0);
        expect(restarted.stdout).not.toContain('Resumed');
        expect(await rowsOf(out)).toHaveLength(ROWS);
        expect(await readFile(out, 'utf8')).toBe(uninterrupted);
      },
      LONG,
    );
  });
});
