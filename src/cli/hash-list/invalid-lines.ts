import type { UnusableRow } from './normalized-row';

/** How many invalid lines are named in the report; the count covers them all. */
export const MAX_REPORTED_INVALID_LINES = 20;

/** Invalid input rows, by line number only: never their content. */
export interface InvalidLines {
  count: number;
  /** The first MAX_REPORTED_INVALID_LINES line numbers, ascending. */
  firstLines: number[];
  /** How many of them were not UTF-8 text: the likely fix is converting the file, not the rows. */
  notUtf8: number;
}

export function noInvalidLines(): InvalidLines {
  return { count: 0, firstLines: [], notUtf8: 0 };
}

export function addInvalidLine(invalid: InvalidLines, line: number, reason: UnusableRow): void {
  invalid.count += 1;
  if (reason === 'not-utf8') invalid.notUtf8 += 1;
  if (invalid.firstLines.length < MAX_REPORTED_INVALID_LINES) invalid.firstLines.push(line);
}
