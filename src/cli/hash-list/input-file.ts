import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { DataRow, InputFormat } from './data-row';
import { csvRows } from './csv-rows';
import { lineRows } from './line-rows';
import { OperatorError } from './operator-error';

const READ_CHUNK_BYTES = 256 * 1024;
const NEWLINE = 0x0a;

/** What a first pass over the input learns: its identity, for checkpoints, and its length, for progress. */
export interface InputScan {
  size: number;
  mtimeMs: number;
  /** Of the whole file: a checkpoint must never be resumed against different content. */
  sha256: string;
  /** Physical lines (a last line without a line break counts). */
  lines: number;
}

/**
 * One quick pass over the input: about 3 s for 3.1 million text rows. A CSV file is parsed in
 * full (about 15 s for as many rows), so that a wrong --column or broken quoting stops the run
 * before hours of hashing rather than in the middle of them.
 */
export async function scanInput(path: string, format: InputFormat): Promise<InputScan> {
  const before = await statInput(path);
  const hash = createHash('sha256');
  let lines = 0;
  let lastByte = NEWLINE;
  async function* counted(): AsyncGenerator<Buffer, void, undefined> {
    for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK_BYTES }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, at + 1)) lines += 1;
      lastByte = chunk[chunk.length - 1] ?? lastByte;
      yield chunk;
    }
  }
  try {
    const chunks = counted();
    const rows = format.kind === 'csv' ? csvRows(Readable.from(chunks, { objectMode: false }), format.column) : chunks;
    for await (const _ of rows) {
      // Only read: the rows themselves are the hashing pass's business.
    }
  } catch (error) {
    if (error instanceof OperatorError) throw error;
    throw new OperatorError(`Could not read the input file ${path}: ${codeOf(error)}.`, { cause: error });
  }
  if (lastByte !== NEWLINE) lines += 1;
  return { size: before.size, mtimeMs: before.mtimeMs, sha256: hash.digest('hex'), lines };
}

/** Size and modification time, to notice an input that changes while it is being hashed. */
export async function statInput(path: string): Promise<{ size: number; mtimeMs: number }> {
  let stats;
  try {
    stats = await stat(path);
  } catch (error) {
    const reason = codeOf(error) === 'ENOENT' ? 'it does not exist' : codeOf(error);
    throw new OperatorError(`Cannot read the input file ${path}: ${reason}.`, { cause: error });
  }
  if (!stats.isFile()) throw new OperatorError(`The input ${path} is not a regular file.`);
  return { size: stats.size, mtimeMs: stats.mtimeMs };
}

/** The input's data rows in order, read as a stream: never the whole file in memory. */
export function readDataRows(path: string, format: InputFormat): AsyncGenerator<DataRow, void, undefined> {
  const source = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  return format.kind === 'csv' ? csvRows(source, format.column) : lineRows(source as AsyncIterable<Buffer>);
}

function codeOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
