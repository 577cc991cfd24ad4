import type { HashingProfile } from '../../hashing';
import type { HashListProgress } from './checkpoint';
import type { InputFormat } from './data-row';
import type { Shard } from './shard';

export interface HashListJob {
  inputPath: string;
  format: InputFormat;
  profile: HashingProfile;
  shard: Shard;
  /** The list file to write; `<outPath>.partial` and `<outPath>.progress` while in progress. */
  outPath: string;
  /** Discard the checkpoint and partial output of an earlier run instead of resuming or refusing. */
  restart: boolean;
  /** argon2 hashes in flight (the threadpool must have at least as many threads). */
  concurrency: number;
}

export interface HashListStatus {
  /** Physical lines of the input, from a first pass. */
  totalLines: number;
  /** The progress an earlier run had saved, when this run continues it. */
  resumedFrom: HashListProgress | null;
  progress: HashListProgress;
  rowsHashedThisRun: number;
}

export interface HashListEvents {
  /** Once aborted, the rows in flight are finished and written, the checkpoint saved, and the run returns. */
  signal?: AbortSignal;
  onStart?(status: HashListStatus): void;
  onProgress?(status: HashListStatus): void;
}

export interface HashListOutcome extends HashListStatus {
  /** False when the signal stopped the run: the checkpoint holds its progress. */
  finished: boolean;
  /** The finished list file, or the partial one when not finished. */
  writtenTo: string;
}
