import { createReadStream } from 'node:fs';
import { AdminClientError } from './admin-client-error';
import { BodyLineMap } from './body-line-map';
import type { ShardedList } from './sharded-list';

export interface UploadProgress {
  /** Bytes of the list files handed to the connection so far. */
  sentBytes: number;
  totalBytes: number;
}

const NEWLINE = 0x0a;
const LINE_BREAK = Buffer.from('\n');
const READ_CHUNK_BYTES = 256 * 1024;

/**
 * The upload body of a sharded list: its parts read from disk in order as the connection takes
 * them, so only a chunk or two is ever in memory whatever the size of the files. While it is
 * sent it records where each body line came from (`lines`) and reports progress.
 */
export class ListBody implements AsyncIterable<Buffer> {
  readonly lines = new BodyLineMap();
  readonly #list: ShardedList;
  readonly #onProgress: (progress: UploadProgress) => void;
  #sentBytes = 0;

  constructor(list: ShardedList, onProgress: (progress: UploadProgress) => void = () => undefined) {
    this.#list = list;
    this.#onProgress = onProgress;
  }

  get sentBytes(): number {
    return this.#sentBytes;
  }

  get totalBytes(): number {
    return this.#list.totalBytes;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer, void, undefined> {
    // Body lines completed so far: the next part starts on the line after them.
    let bodyLines = 0;
    let lastByte = NEWLINE;
    this.#onProgress({ sentBytes: 0, totalBytes: this.totalBytes });
    for (const part of this.#list.parts) {
      if (part.end <= part.start) continue;
      // A file without a final line break would run its last line into the next file's first.
      if (lastByte !== NEWLINE) {
        yield LINE_BREAK;
        bodyLines += 1;
      }
      this.lines.add(part.path, bodyLines + 1, part.firstFileLine);
      for await (const chunk of readPart(part.path, part.start, part.end)) {
        bodyLines += countLineBreaks(chunk);
        lastByte = chunk[chunk.length - 1] ?? lastByte;
        yield chunk;
        this.#sentBytes += chunk.length;
        this.#onProgress({ sentBytes: this.#sentBytes, totalBytes: this.totalBytes });
      }
    }
  }
}

async function* readPart(path: string, start: number, end: number): AsyncGenerator<Buffer, void, undefined> {
  try {
    // `end` is inclusive for createReadStream.
    for await (const chunk of createReadStream(path, { start, end: end - 1, highWaterMark: READ_CHUNK_BYTES })) {
      yield chunk as Buffer;
    }
  } catch (error) {
    throw new AdminClientError('list_files', `reading the list file ${path} failed during the upload: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function countLineBreaks(chunk: Buffer): number {
  let count = 0;
  for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, at + 1)) count += 1;
  return count;
}
