import { AppError, isAppError } from '../errors';

/**
 * The list file format (issue 3): UTF-8 text; optional header lines starting with `#` before the
 * first row, among them `# profile: <profile id>`; then one argon2id output per line as 64 hex
 * characters (either case). Blank lines are ignored anywhere; CRLF and a leading BOM are tolerated.
 * Any other line, a `#` line after the first row included, makes the whole file invalid.
 */
export const ARGON2_OUTPUT_BYTES = 32;
export const DEFAULT_BATCH_SIZE = 256;
export const MAX_REPORTED_BAD_LINES = 10;
// Longer than any valid line by far; a longer one is bad and is not buffered any further.
const MAX_LINE_BYTES = 4096;

const ROW = /^[0-9a-fA-F]{64}$/;
const PROFILE_HEADER = /^#\s*profile\s*:\s*(\S*)\s*$/i;
const NEWLINE = 0x0a;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export interface ListFile {
  /** From the `# profile:` header; null when the file has none. */
  profileId: string | null;
  /**
   * Batches of decoded rows (32 bytes each). Reads the source to its end; if any line was bad it
   * yields nothing more from that line on and finally throws AppError `invalid_list` naming the
   * first bad line numbers (never their content).
   */
  batches: AsyncGenerator<Buffer[], void, undefined>;
}

interface Line {
  number: number;
  /** Without the line break and surrounding ASCII white space; null for an over-long line. */
  text: string | null;
}

/**
 * Reads the header of a list file and returns it with the rows still to come. The source is read
 * as it arrives, a chunk at a time; nothing but one batch and one partial line is held.
 */
export async function openListFile(
  source: AsyncIterable<Buffer | string>,
  batchSize: number = DEFAULT_BATCH_SIZE,
): Promise<ListFile> {
  const lines = linesOf(source);
  const bad = new BadLines();
  let profileId: string | null = null;
  let first: Line | undefined;
  for (;;) {
    const next = await lines.next();
    if (next.done) break;
    const line = next.value;
    if (line.text === '') continue;
    if (line.text === null || !line.text.startsWith('#')) {
      first = line;
      break;
    }
    const profile = PROFILE_HEADER.exec(line.text);
    if (profile === null) continue;
    // An empty or second, different profile header is ambiguous: refuse rather than guess.
    if (profile[1] === '' || (profileId !== null && profileId !== profile[1])) bad.add(line.number);
    else profileId = profile[1] ?? null;
  }
  return { profileId, batches: rowBatches(first, lines, bad, batchSize) };
}

async function* rowBatches(
  first: Line | undefined,
  lines: AsyncGenerator<Line, void, undefined>,
  bad: BadLines,
  batchSize: number,
): AsyncGenerator<Buffer[], void, undefined> {
  let batch: Buffer[] = [];
  const take = (line: Line): void => {
    if (line.text === '') return;
    if (line.text === null || !ROW.test(line.text)) {
      bad.add(line.number);
      batch = [];
      return;
    }
    if (bad.count === 0) batch.push(Buffer.from(line.text, 'hex'));
  };
  if (first !== undefined) take(first);
  for await (const line of lines) {
    take(line);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  bad.throwIfAny();
  if (batch.length > 0) yield batch;
}

class BadLines {
  readonly #first: number[] = [];
  count = 0;

  add(lineNumber: number): void {
    this.count += 1;
    if (this.#first.length < MAX_REPORTED_BAD_LINES) this.#first.push(lineNumber);
  }

  throwIfAny(): void {
    if (this.count === 0) return;
    const more = this.count > this.#first.length ? ` (the first ${this.#first.length} of ${this.count})` : '';
    throw new AppError(
      'invalid_list',
      400,
      `The list file has ${this.count} invalid line(s): line ${this.#first.join(', ')}${more}. Each row must be ` +
        `one argon2id output as ${ARGON2_OUTPUT_BYTES * 2} hexadecimal characters; header lines starting with # ` +
        'may only come before the first row. Nothing of this upload was loaded.',
      // For the console's upload script, which says it in the admin's language.
      { params: { count: this.count, lines: [...this.#first] } },
    );
  }
}

/** Splits a byte stream into numbered lines (1-based). A source error becomes `upload_incomplete`, unless it is an AppError. */
async function* linesOf(source: AsyncIterable<Buffer | string>): AsyncGenerator<Line, void, undefined> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overLong = false;
  let number = 0;
  const finish = (tail: Buffer): Line => {
    number += 1;
    const text = overLong ? null : lineText(Buffer.concat([...pending, tail]), number === 1);
    pending = [];
    pendingBytes = 0;
    overLong = false;
    return { number, text };
  };
  try {
    for await (const piece of source) {
      const chunk = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      let start = 0;
      for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
        yield finish(chunk.subarray(start, end));
        start = end + 1;
      }
      const rest = chunk.subarray(start);
      if (rest.length > 0 && !overLong) {
        pending.push(rest);
        pendingBytes += rest.length;
        if (pendingBytes > MAX_LINE_BYTES) {
          overLong = true;
          pending = [];
        }
      }
    }
  } catch (error) {
    // A source that says why it stopped (an upload that stalled: src/lists/list-upload-body.ts) is answered as it says.
    if (isAppError(error)) throw error;
    throw new AppError(
      'upload_incomplete',
      400,
      'The upload ended before the whole list arrived. Nothing of it was loaded.',
      { cause: error },
    );
  }
  if (pendingBytes > 0 || overLong) yield finish(Buffer.alloc(0));
}

function lineText(bytes: Buffer, firstLine: boolean): string | null {
  if (bytes.length > MAX_LINE_BYTES) return null;
  const body = firstLine && bytes.subarray(0, BOM.length).equals(BOM) ? bytes.subarray(BOM.length) : bytes;
  // Trims \r of CRLF too. Rows are ASCII; header text is only compared, so lossy decoding is harmless.
  return body.toString('utf8').replace(/^[ \t\r\f\v]+|[ \t\r\f\v]+$/g, '');
}
