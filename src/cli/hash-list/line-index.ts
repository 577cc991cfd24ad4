const NEWLINE = 0x0a;

/**
 * Maps byte offsets of a stream to line numbers, for a parser that reports byte offsets only.
 * Chunks are added as they pass to the parser and dropped once counted, so memory stays at what
 * the parser has not consumed yet. Offsets must be asked in non-decreasing order.
 */
export class LineIndex {
  readonly #chunks: Buffer[] = [];
  /** Stream offset of `#chunks[0]`. */
  #firstChunkStart = 0;
  /** Newlines in the stream before this offset are counted in `#newlines`. */
  #countedTo = 0;
  #newlines = 0;

  add(chunk: Buffer): void {
    this.#chunks.push(chunk);
  }

  /** The 1-based line number of the byte at `offset`. */
  lineAt(offset: number): number {
    if (offset < this.#countedTo) throw new RangeError('LineIndex offsets must not go backwards');
    while (this.#countedTo < offset) {
      const chunk = this.#chunks[0];
      if (chunk === undefined) break;
      const chunkEnd = this.#firstChunkStart + chunk.length;
      const until = Math.min(offset, chunkEnd);
      const stop = until - this.#firstChunkStart;
      for (let at = chunk.indexOf(NEWLINE, this.#countedTo - this.#firstChunkStart); at !== -1 && at < stop; at = chunk.indexOf(NEWLINE, at + 1)) {
        this.#newlines += 1;
      }
      this.#countedTo = until;
      if (until === chunkEnd) {
        this.#chunks.shift();
        this.#firstChunkStart = chunkEnd;
      }
    }
    return this.#newlines + 1;
  }
}
