import { type DataRow, isBlank } from './data-row';

/** Far longer than any address (254 characters); a longer line is invalid and is not buffered further. */
const MAX_LINE_BYTES = 4096;
const NEWLINE = 0x0a;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The data rows of a text file with one address per line (LF or CRLF, leading BOM tolerated). */
export async function* lineRows(source: AsyncIterable<Buffer>): AsyncGenerator<DataRow, void, undefined> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overLong = false;
  let line = 0;
  let index = 0;
  const finish = (tail: Buffer): DataRow | undefined => {
    line += 1;
    const value = overLong || pendingBytes + tail.length > MAX_LINE_BYTES ? null : decode(Buffer.concat([...pending, tail]), line === 1);
    pending = [];
    pendingBytes = 0;
    overLong = false;
    if (value !== null && isBlank(value)) return undefined;
    index += 1;
    return { index, line, lastLine: line, value };
  };
  for await (const chunk of source) {
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      const row = finish(chunk.subarray(start, end));
      if (row !== undefined) yield row;
      start = end + 1;
    }
    const rest = chunk.subarray(start);
    if (rest.length > 0 && !overLong) {
      // Copied: the stream may reuse its buffer.
      pending.push(Buffer.from(rest));
      pendingBytes += rest.length;
      if (pendingBytes > MAX_LINE_BYTES) {
        overLong = true;
        pending = [];
      }
    }
  }
  if (pendingBytes > 0 || overLong) {
    const row = finish(Buffer.alloc(0));
    if (row !== undefined) yield row;
  }
}

function decode(bytes: Buffer, firstLine: boolean): string {
  const body = firstLine && bytes.subarray(0, BOM.length).equals(BOM) ? bytes.subarray(BOM.length) : bytes;
  // Lossy on purpose: a byte that is not UTF-8 becomes U+FFFD, which no address contains, so the
  // row is reported invalid instead of the whole run failing.
  return body.toString('utf8');
}
