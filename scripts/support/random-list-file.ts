import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ARGON2_OUTPUT_BYTES } from '../../src/lists/list-file';

const ROWS_PER_CHUNK = 1024;

/**
 * A list file (format: src/lists/list-file.ts) of `rows` random argon2-sized rows, produced a
 * chunk at a time as the consumer reads: a million rows never sit in memory at once.
 */
export async function* randomListFile(profileId: string, rows: number): AsyncGenerator<Buffer, void, undefined> {
  yield Buffer.from(`# profile: ${profileId}\n`);
  yield* randomRows(rows);
}

/** Writes such a list file to `file`, streaming. */
export async function writeRandomListFile(file: string, rows: number, profileId: string): Promise<void> {
  await pipeline(Readable.from(randomListFile(profileId, rows)), createWriteStream(file));
}

/**
 * A list file of `known` argon2 outputs (addresses a benchmark checks, to see them found) followed
 * by `rows` random ones, streaming.
 */
export async function writeListFileWithKnownRows(file: string, profileId: string, known: readonly Uint8Array[], rows: number): Promise<void> {
  async function* lines(): AsyncGenerator<Buffer, void, undefined> {
    yield Buffer.from(`# profile: ${profileId}\n`);
    if (known.length > 0) yield Buffer.from(`${known.map((row) => Buffer.from(row).toString('hex')).join('\n')}\n`);
    yield* randomRows(rows);
  }
  await pipeline(Readable.from(lines()), createWriteStream(file));
}

async function* randomRows(rows: number): AsyncGenerator<Buffer, void, undefined> {
  for (let done = 0; done < rows; done += ROWS_PER_CHUNK) {
    const count = Math.min(ROWS_PER_CHUNK, rows - done);
    const hex = randomBytes(count * ARGON2_OUTPUT_BYTES).toString('hex');
    const lines: string[] = [];
    for (let row = 0; row < count; row += 1) lines.push(hex.slice(row * ARGON2_OUTPUT_BYTES * 2, (row + 1) * ARGON2_OUTPUT_BYTES * 2));
    yield Buffer.from(`${lines.join('\n')}\n`);
  }
}
