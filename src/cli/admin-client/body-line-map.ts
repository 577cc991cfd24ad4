/** A line of one of the list files. */
export interface FileLine {
  path: string;
  line: number;
}

interface Segment {
  path: string;
  firstBodyLine: number;
  firstFileLine: number;
}

/**
 * Where the lines of an upload body came from. The server numbers the lines of the body it
 * received; with several files, header lines left out, that number means nothing to an operator
 * until it is turned back into a file and a line of it.
 */
export class BodyLineMap {
  readonly #segments: Segment[] = [];

  /** Body line `firstBodyLine` onwards is `path` from its line `firstFileLine` onwards. */
  add(path: string, firstBodyLine: number, firstFileLine: number): void {
    this.#segments.push({ path, firstBodyLine, firstFileLine });
  }

  locate(bodyLine: number): FileLine | undefined {
    let found: Segment | undefined;
    for (const segment of this.#segments) {
      if (segment.firstBodyLine > bodyLine) break;
      found = segment;
    }
    return found && { path: found.path, line: found.firstFileLine + (bodyLine - found.firstBodyLine) };
  }

  /** Body lines as "a.txt line 3, 9; b.txt line 2", grouped by file in order; undefined if one is unknown. */
  describe(bodyLines: readonly number[]): string | undefined {
    const groups: { path: string; lines: number[] }[] = [];
    for (const bodyLine of bodyLines) {
      const place = this.locate(bodyLine);
      if (place === undefined) return undefined;
      const last = groups.at(-1);
      if (last?.path === place.path) last.lines.push(place.line);
      else groups.push({ path: place.path, lines: [place.line] });
    }
    return groups.map((group) => `${group.path} line ${group.lines.join(', ')}`).join('; ');
  }
}
