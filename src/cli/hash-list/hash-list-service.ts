import { access } from 'node:fs/promises';
import path from 'node:path';
import type { HashListJobIdentity } from './checkpoint';
import type { HashListEvents, HashListJob, HashListOutcome } from './hash-list-job';
import { scanInput } from './input-file';
import { ListRun } from './list-run';
import { OperatorError } from './operator-error';

export type { HashListEvents, HashListJob, HashListOutcome, HashListStatus } from './hash-list-job';

/**
 * Hashes the plaintext addresses of an input file into a list file (issue 3, item 4), on every
 * core, in input order, resumable. Plaintext is held only in the rows in flight: it is written
 * nowhere, and invalid rows are remembered by line number only.
 */
export async function hashList(job: HashListJob, events: HashListEvents = {}): Promise<HashListOutcome> {
  await refuseToOverwrite(job);
  const scan = await scanInput(job.inputPath, job.format);
  const identity: HashListJobIdentity = {
    input: { size: scan.size, sha256: scan.sha256 },
    format: job.format,
    profileId: job.profile.id,
    shard: job.shard,
  };
  const run = await ListRun.open(job, scan, identity);
  events.onStart?.(run.status());
  try {
    const complete = await run.hashRows(events.signal, events.onProgress);
    const outcome = complete ? await run.finish() : await run.pause();
    events.onProgress?.(outcome);
    return outcome;
  } catch (error) {
    await run.abandon();
    throw error;
  }
}

async function refuseToOverwrite(job: HashListJob): Promise<void> {
  if (path.resolve(job.outPath) === path.resolve(job.inputPath)) {
    throw new OperatorError('--out must not be the input file.', { usage: true });
  }
  const exists = await access(job.outPath).then(
    () => true,
    () => false,
  );
  if (exists) {
    throw new OperatorError(`${job.outPath} exists already; hash-list never overwrites a finished list. Move it away or choose another --out.`);
  }
}
