import { open, readFile, rename, rm } from 'node:fs/promises';
import { z } from 'zod';
import type { InputFormat } from './data-row';
import { type InvalidLines, MAX_REPORTED_INVALID_LINES } from './invalid-lines';
import { OperatorError } from './operator-error';
import { shardLabel, type Shard } from './shard';

/** What a run hashes: a checkpoint only resumes the very same job. */
export interface HashListJobIdentity {
  input: { size: number; sha256: string };
  format: InputFormat;
  profileId: string;
  shard: Shard;
}

/** How far the output file is, always consistent with it: everything up to `outputBytes` is final. */
export interface HashListProgress {
  /** Data rows fully handled (hashed and written, reported invalid, or another shard's). */
  dataRows: number;
  /** Physical input line of the last handled data row, for the progress display. */
  lines: number;
  rowsWritten: number;
  /** Length of the partial output file that holds exactly the header and `rowsWritten` rows. */
  outputBytes: number;
  invalid: InvalidLines;
}

export interface Checkpoint {
  job: HashListJobIdentity;
  progress: HashListProgress;
}

const count = z.number().int().min(0);
const schema = z.object({
  checkpoint: z.literal('exposure-check hash-list v1'),
  job: z.object({
    input: z.object({ size: count, sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    format: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('lines') }),
      z.object({ kind: z.literal('csv'), column: z.string() }),
    ]),
    profileId: z.string(),
    shard: z.object({ index: count, count: count }),
  }),
  progress: z.object({
    dataRows: count,
    lines: count,
    rowsWritten: count,
    outputBytes: count,
    invalid: z.object({ count, firstLines: z.array(count).max(MAX_REPORTED_INVALID_LINES), notUtf8: count }),
  }),
  savedAt: z.string(),
});

/** The checkpoint at `path`, or null when there is none. */
export async function readCheckpoint(path: string): Promise<Checkpoint | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let parsed;
  try {
    parsed = schema.safeParse(JSON.parse(text));
  } catch {
    parsed = undefined;
  }
  if (parsed?.success !== true) {
    throw new OperatorError(`The checkpoint ${path} is damaged. Run with --restart to discard it and start over.`);
  }
  return { job: parsed.data.job, progress: parsed.data.progress };
}

/**
 * Replaces the checkpoint in one step (write aside, sync, rename): a crash at any moment leaves
 * either the previous checkpoint or this one, never a torn file.
 */
export async function writeCheckpoint(path: string, checkpoint: Checkpoint, now: Date = new Date()): Promise<void> {
  const aside = `${path}.tmp`;
  const file = await open(aside, 'w');
  try {
    await file.writeFile(`${JSON.stringify({ checkpoint: 'exposure-check hash-list v1', ...checkpoint, savedAt: now.toISOString() }, null, 2)}\n`);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(aside, path);
}

export async function removeCheckpoint(path: string): Promise<void> {
  await rm(path, { force: true });
  await rm(`${path}.tmp`, { force: true });
}

/** What differs between the job a checkpoint was saved for and this one, in words; empty if none. */
export function jobDifferences(saved: HashListJobIdentity, current: HashListJobIdentity): string[] {
  const differences: string[] = [];
  if (saved.input.size !== current.input.size || saved.input.sha256 !== current.input.sha256) {
    differences.push('the input file has different content');
  }
  if (formatLabel(saved.format) !== formatLabel(current.format)) {
    differences.push(`the input was read as ${formatLabel(saved.format)}, now as ${formatLabel(current.format)}`);
  }
  if (saved.profileId !== current.profileId) {
    differences.push(`the profile was ${saved.profileId}, now ${current.profileId}`);
  }
  if (shardLabel(saved.shard) !== shardLabel(current.shard)) {
    differences.push(`the shard was ${shardLabel(saved.shard)}, now ${shardLabel(current.shard)}`);
  }
  return differences;
}

function formatLabel(format: InputFormat): string {
  return format.kind === 'csv' ? `CSV column "${format.column}"` : 'one address per line';
}
