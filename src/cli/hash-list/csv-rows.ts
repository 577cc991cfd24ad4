import { type Readable, pipeline, Transform } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { type DataRow, isBlank } from './data-row';
import { LineIndex } from './line-index';
import { OperatorError } from './operator-error';

/** Generous for a whole customer record; bounds what one malformed quote can make the parser buffer. */
const MAX_RECORD_CHARACTERS = 1024 * 1024;

interface ParsedRecord {
  record: string[];
  info: { bytes: number; empty_lines: number };
}

/**
 * The data rows of one named column of a CSV file with a header row (RFC 4180 quoting, fields
 * may hold commas and line breaks; LF or CRLF; leading BOM tolerated), streamed.
 */
export async function* csvRows(source: Readable, column: string): AsyncGenerator<DataRow, void, undefined> {
  const lines = new LineIndex();
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARACTERS,
  });
  // csv-parse reports lines, but counts a quoted CRLF twice; its byte offsets are exact.
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      lines.add(chunk);
      done(null, chunk);
    },
  });
  const records = pipeline(source, tap, parser, () => undefined) as AsyncIterable<ParsedRecord>;
  let columnIndex = -1;
  let previousEnd = 0;
  let previousEmptyLines = 0;
  let index = 0;
  try {
    for await (const { record, info } of records) {
      const line = lines.lineAt(previousEnd) + (info.empty_lines - previousEmptyLines);
      const lastLine = lines.lineAt(Math.max(previousEnd, info.bytes - 1));
      previousEnd = info.bytes;
      previousEmptyLines = info.empty_lines;
      if (columnIndex === -1) {
        columnIndex = columnOf(record, column, line);
        continue;
      }
      const value = record[columnIndex];
      if (value === undefined ? record.every(isBlank) : isBlank(value)) continue;
      index += 1;
      yield { index, line, lastLine, value: value ?? null };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      // csv-parse's messages quote the offending field: never print them, only where and what.
      throw new OperatorError(
        `The CSV input is malformed near line ${lines.lineAt(Math.max(previousEnd, numberOr(error.bytes, 0)))} ` +
          `(${error.code}): check its quoting, or export it again.`,
        { cause: error },
      );
    }
    throw error;
  }
}

function columnOf(header: string[], column: string, line: number): number {
  const matches = header.flatMap((name, at) => (name.trim() === column ? [at] : []));
  if (matches.length === 1) return matches[0] ?? -1;
  // The header's names are not echoed: a file without a header would have an address there.
  const found = matches.length === 0 ? 'no column' : `${matches.length} columns`;
  throw new OperatorError(
    `The CSV header (line ${line}) has ${found} named "${column}" among its ${header.length} columns: --column must name exactly one.`,
    { usage: true },
  );
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
