/** Where the addresses are: one per line, or one column of a CSV file with a header row. */
export type InputFormat = { kind: 'lines' } | { kind: 'csv'; column: string };

/** One non-blank data row of the input. The only place plaintext lives, and only until it is hashed. */
export interface DataRow {
  /** 1-based count of non-blank data rows (a CSV header excluded): what shards and checkpoints count. */
  index: number;
  /** Physical line where the row starts: what an invalid row is reported by. */
  line: number;
  /** Physical line where it ends (a quoted CSV field may span lines): what progress counts. */
  lastLine: number;
  /** The address as read; null when the row cannot be one (over-long line, missing CSV field). */
  value: string | null;
}

/** Blank rows are skipped silently and do not count as data rows. */
export function isBlank(value: string): boolean {
  return value.trim() === '';
}
