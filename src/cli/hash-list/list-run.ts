import { type HashingProfile, argon2idOf } from '../../hashing';
import {
  jobDifferences,
  readCheckpoint,
  removeCheckpoint,
  writeCheckpoint,
  type HashListJobIdentity,
  type HashListProgress,
} from './checkpoint';
import type { DataRow } from './data-row';
import type { HashListJob, HashListOutcome, HashListStatus } from './hash-list-job';
import { inOrder } from './in-order';
import { readDataRows, statInput, type InputScan } from './input-file';
import { addInvalidLine, noInvalidLines } from './invalid-lines';
import { normalizedRow, type UnusableRow } from './normalized-row';
import { OperatorError } from './operator-error';
import { PartialListFile } from './partial-list-file';
import { ownsDataRow, shardLabel } from './shard';

/** A SIGKILL loses at most this much hashing; saving more often would cost syncs for nothing. */
const CHECKPOINT_INTERVAL_MS = 1000;
/** Rows held before a write even within the interval, so memory stays flat at high rates. */
const MAX_BUFFERED_ROWS = 4096;
/**
 * Rows started but not yet written, per hash in flight: slack for uneven hash times and for the
 * moments the writer spends syncing a checkpoint, a few KB of memory in all.
 */
const WINDOW_PER_HASH = 32;

interface RowOutcome {
  index: number;
  line: number;
  lastLine: number;
  result: { hex: string } | { unusable: UnusableRow };
}

/** One run over the input: the partial output, the progress, and the checkpoint that ties them. */
export class ListRun {
  readonly #job: HashListJob;
  readonly #scan: InputScan;
  readonly #identity: HashListJobIdentity;
  readonly #output: PartialListFile;
  readonly #progress: HashListProgress;
  readonly #resumedFrom: HashListProgress | null;
  #rowsHashedThisRun = 0;

  private constructor(job: HashListJob, scan: InputScan, identity: HashListJobIdentity, output: PartialListFile, resumedFrom: HashListProgress | null) {
    this.#job = job;
    this.#scan = scan;
    this.#identity = identity;
    this.#output = output;
    this.#resumedFrom = resumedFrom;
    this.#progress = structuredClone(resumedFrom) ?? {
      dataRows: 0,
      lines: 0,
      rowsWritten: 0,
      outputBytes: output.bytes,
      invalid: noInvalidLines(),
    };
  }

  /** Continues the checkpointed run of this very job, or starts a new one (refusing another job's leftovers). */
  static async open(job: HashListJob, scan: InputScan, identity: HashListJobIdentity): Promise<ListRun> {
    const checkpointPath = checkpointPathOf(job);
    if (job.restart) await removeCheckpoint(checkpointPath);
    const saved = await readCheckpoint(checkpointPath);
    const differences = saved === null ? [] : jobDifferences(saved.job, identity);
    if (differences.length > 0) {
      throw new OperatorError(
        `${checkpointPath} holds the progress of a different job (${differences.join('; ')}). Run the original ` +
          'command to finish it, or add --restart to discard it and start over.',
      );
    }
    if (saved !== null) {
      const output = await PartialListFile.reopen(partialPathOf(job), saved.progress.outputBytes);
      return new ListRun(job, scan, identity, output, saved.progress);
    }
    const run = new ListRun(job, scan, identity, await createOutput(partialPathOf(job), headerLines(job)), null);
    await run.#save();
    return run;
  }

  status(): HashListStatus {
    return {
      totalLines: this.#scan.lines,
      resumedFrom: this.#resumedFrom,
      progress: this.#progress,
      rowsHashedThisRun: this.#rowsHashedThisRun,
    };
  }

  /** Hashes and writes the rows still to do; true once the input is read to its end, false if stopped. */
  async hashRows(signal: AbortSignal | undefined, onProgress: ((status: HashListStatus) => void) | undefined): Promise<boolean> {
    const { concurrency, profile } = this.#job;
    const pending = pendingRows(this.#job, this.#progress.dataRows);
    let savedAt = performance.now();
    const hashed = inOrder(pending.rows, (row: DataRow) => hashedRow(row, profile), {
      concurrency,
      window: concurrency * WINDOW_PER_HASH,
      signal,
    });
    for await (const row of hashed) {
      this.#record(row);
      if (this.#output.bufferedRows >= MAX_BUFFERED_ROWS || performance.now() - savedAt >= CHECKPOINT_INTERVAL_MS) {
        await this.#save();
        savedAt = performance.now();
      }
      onProgress?.(this.status());
    }
    return pending.exhausted();
  }

  /** Saves the checkpoint for a later run of the same command. */
  async pause(): Promise<HashListOutcome> {
    await this.#save();
    await this.#output.close();
    return { ...this.status(), finished: false, writtenTo: this.#output.path };
  }

  /** Gives the list file its final name; refuses an empty list, which the server would refuse too. */
  async finish(): Promise<HashListOutcome> {
    this.#progress.lines = this.#scan.lines;
    await this.#save();
    await refuseChangedInput(this.#job.inputPath, this.#scan);
    if (this.#progress.rowsWritten === 0) {
      await this.#discard();
      const { inputPath, shard } = this.#job;
      throw new OperatorError(
        `No valid address in ${inputPath}${shard.count > 1 ? ` for shard ${shardLabel(shard)}` : ''}: ` +
          `no list file was written (${this.#progress.invalid.count} invalid line(s)).`,
      );
    }
    await this.#output.publish(this.#job.outPath);
    await removeCheckpoint(checkpointPathOf(this.#job));
    return { ...this.status(), finished: true, writtenTo: this.#job.outPath };
  }

  /**
   * After a failure: a fresh run that wrote nothing leaves nothing behind; otherwise what was
   * written stays resumable. Best effort: the failure itself is what gets reported.
   */
  async abandon(): Promise<void> {
    const fresh = this.#resumedFrom === null && this.#progress.rowsWritten === 0;
    await (fresh ? this.#discard() : this.#save()).catch(() => undefined);
    await this.#output.close().catch(() => undefined);
  }

  #record(row: RowOutcome): void {
    if ('unusable' in row.result) {
      addInvalidLine(this.#progress.invalid, row.line, row.result.unusable);
    } else {
      this.#output.append(row.result.hex);
      this.#progress.rowsWritten += 1;
      this.#rowsHashedThisRun += 1;
    }
    this.#progress.dataRows = row.index;
    this.#progress.lines = row.lastLine;
  }

  /** Output first, checkpoint second: the checkpoint never points past what is on disk. */
  async #save(): Promise<void> {
    this.#progress.outputBytes = await this.#output.flush();
    await writeCheckpoint(checkpointPathOf(this.#job), { job: this.#identity, progress: this.#progress });
  }

  async #discard(): Promise<void> {
    await this.#output.discard();
    await removeCheckpoint(checkpointPathOf(this.#job));
  }
}

function partialPathOf(job: HashListJob): string {
  return `${job.outPath}.partial`;
}

function checkpointPathOf(job: HashListJob): string {
  return `${job.outPath}.progress`;
}

/** This shard's data rows after the first `doneRows`, and whether the input was read to its end. */
function pendingRows(job: HashListJob, doneRows: number): { rows: AsyncGenerator<DataRow>; exhausted: () => boolean } {
  let exhausted = false;
  async function* rows(): AsyncGenerator<DataRow, void, undefined> {
    for await (const row of readDataRows(job.inputPath, job.format)) {
      if (row.index > doneRows && ownsDataRow(job.shard, row.index)) yield row;
    }
    exhausted = true;
  }
  return { rows: rows(), exhausted: () => exhausted };
}

async function hashedRow(row: DataRow, profile: HashingProfile): Promise<RowOutcome> {
  const position = { index: row.index, line: row.line, lastLine: row.lastLine };
  const normalized = normalizedRow(row.value);
  if ('unusable' in normalized) return { ...position, result: normalized };
  // Lowercase hex, one row of the list file.
  return { ...position, result: { hex: (await argon2idOf(normalized.address, profile)).toString('hex') } };
}

/** The `# profile:` line the server checks, then lines for the operator; no plaintext, no file names. */
function headerLines(job: HashListJob): string[] {
  return [
    `# profile: ${job.profile.id}`,
    '# generator: exposure-check hash-list',
    ...(job.shard.count > 1 ? [`# shard: ${shardLabel(job.shard)}`] : []),
  ];
}

async function createOutput(partialPath: string, header: string[]): Promise<PartialListFile> {
  try {
    return await PartialListFile.create(partialPath, header);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new OperatorError(`Cannot write ${partialPath}: ${code}.`, { cause: error });
  }
}

async function refuseChangedInput(inputPath: string, scan: InputScan): Promise<void> {
  const now = await statInput(inputPath);
  if (now.size !== scan.size || now.mtimeMs !== scan.mtimeMs) {
    throw new OperatorError(
      `${inputPath} changed while it was being hashed, so the list may mix two versions of it. Run again with --restart.`,
    );
  }
}
