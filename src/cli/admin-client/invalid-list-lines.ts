import type { BodyLineMap } from './body-line-map';

// The server names the first bad lines as "line 3, 17, 20" (src/lists/list-file.ts).
const LINE_NUMBERS = /\bline (\d+(?:, \d+)*)/;

/**
 * The server's invalid_list message with its line numbers, which count the lines of the body it
 * received, turned into files and lines of them. If the message is not in the expected form it
 * is kept and says what its numbers count.
 */
export function withFileLines(message: string, lines: BodyLineMap, fileCount: number): string {
  const match = LINE_NUMBERS.exec(message);
  const located = match?.[1] && lines.describe(match[1].split(', ').map(Number));
  if (match && located) return message.replace(match[0], located);
  if (fileCount === 1) return message;
  return `${message} (line numbers count the lines of all files joined in the order given, header lines of the second and later files left out)`;
}
