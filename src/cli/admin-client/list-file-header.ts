import { open } from 'node:fs/promises';

/**
 * The header of a list file (format: src/lists/list-file.ts and the README): the lines before its
 * first row, which are header lines starting with `#` (among them `# profile: <id>`), blank
 * lines, and a byte order mark at the very start.
 */
export interface ListFileHeader {
  path: string;
  size: number;
  /** The values of its `# profile:` lines in order; '' for one without a value. */
  profileIds: string[];
  /** Byte offset of the first row: where the rows start once the header is left out; `size` when there are none. */
  rowsOffset: number;
  /** How many lines come before the first row. */
  linesBeforeRows: number;
}

// The same header syntax the server accepts.
const PROFILE_HEADER = /^#\s*profile\s*:\s*(\S*)\s*$/i;
const NEWLINE = 0x0a;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const CHUNK_BYTES = 64 * 1024;
// No header line is this long; a line that is, is a (bad) row for the server to judge.
const MAX_HEADER_LINE_BYTES = 4096;

type LineKind = { kind: 'row' } | { kind: 'blank' } | { kind: 'header'; profileId: string | undefined };

/** Reads a list file up to its first row only: a shard's header is checked before anything is sent. */
export async function readListFileHeader(path: string): Promise<ListFileHeader> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const profileIds: string[] = [];
    let lineNumber = 0;
    // File offset of `pending`, the start of a line not yet complete.
    let offset = 0;
    let pending = Buffer.alloc(0);
    const found = (lineStart: number, line: Buffer): ListFileHeader => ({
      path,
      size,
      profileIds,
      rowsOffset: lineStart + (lineNumber === 0 && startsWithBom(line) ? BOM.length : 0),
      linesBeforeRows: lineNumber,
    });
    const take = (line: Buffer): boolean => {
      const kind = classify(line, lineNumber === 0);
      if (kind.kind === 'row') return true;
      if (kind.kind === 'header' && kind.profileId !== undefined) profileIds.push(kind.profileId);
      lineNumber += 1;
      return false;
    };
    for (;;) {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(CHUNK_BYTES), 0, CHUNK_BYTES, offset + pending.length);
      const data = Buffer.concat([pending, buffer.subarray(0, bytesRead)]);
      let start = 0;
      for (let end = data.indexOf(NEWLINE); end !== -1; end = data.indexOf(NEWLINE, start)) {
        const line = data.subarray(start, end);
        if (take(line)) return found(offset + start, line);
        start = end + 1;
      }
      pending = data.subarray(start);
      offset += start;
      if (bytesRead === 0) {
        if (pending.length > 0 && take(pending)) return found(offset, pending);
        return { path, size, profileIds, rowsOffset: size, linesBeforeRows: lineNumber };
      }
      if (pending.length > MAX_HEADER_LINE_BYTES) return found(offset, pending);
    }
  } finally {
    await handle.close();
  }
}

function classify(line: Buffer, firstLine: boolean): LineKind {
  const body = firstLine && startsWithBom(line) ? line.subarray(BOM.length) : line;
  const text = body.toString('utf8').replace(/^[ \t\r\f\v]+|[ \t\r\f\v]+$/g, '');
  if (text === '') return { kind: 'blank' };
  if (!text.startsWith('#')) return { kind: 'row' };
  return { kind: 'header', profileId: PROFILE_HEADER.exec(text)?.[1] };
}

function startsWithBom(line: Buffer): boolean {
  return line.subarray(0, BOM.length).equals(BOM);
}
