import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { OperatorError } from './operator-error';

/**
 * The list file while it is being written, under a `.partial` name so that a half-written file
 * never looks finished. Rows are appended in memory and written by `flush`, which also syncs them
 * to disk, so that a checkpoint saved after a flush never points past what the disk holds.
 */
export class PartialListFile {
  readonly path: string;
  readonly #file: FileHandle;
  #bytes: number;
  #buffered: string[] = [];

  private constructor(path: string, file: FileHandle, bytes: number) {
    this.path = path;
    this.#file = file;
    this.#bytes = bytes;
  }

  /** Starts a new file holding `headerLines`, replacing any leftover. */
  static async create(path: string, headerLines: string[]): Promise<PartialListFile> {
    const file = await open(path, 'w');
    const partial = new PartialListFile(path, file, 0);
    partial.#buffered = headerLines;
    await partial.flush();
    return partial;
  }

  /** Reopens a file to continue after its first `bytes` bytes, dropping anything written after them. */
  static async reopen(path: string, bytes: number): Promise<PartialListFile> {
    let file: FileHandle;
    try {
      file = await open(path, 'r+');
    } catch (error) {
      throw new OperatorError(`The checkpoint refers to ${path}, which is missing. Run with --restart to start over.`, { cause: error });
    }
    const { size } = await file.stat();
    if (size < bytes) {
      await file.close();
      throw new OperatorError(`${path} is shorter than its checkpoint records. Run with --restart to start over.`);
    }
    await file.truncate(bytes);
    return new PartialListFile(path, file, bytes);
  }

  get bytes(): number {
    return this.#bytes;
  }

  get bufferedRows(): number {
    return this.#buffered.length;
  }

  append(line: string): void {
    this.#buffered.push(line);
  }

  /** Writes and syncs the buffered lines; returns the file's length, all of it on disk. */
  async flush(): Promise<number> {
    if (this.#buffered.length > 0) {
      const data = Buffer.from(`${this.#buffered.join('\n')}\n`, 'utf8');
      this.#buffered = [];
      let written = 0;
      while (written < data.length) {
        const { bytesWritten } = await this.#file.write(data, written, data.length - written, this.#bytes + written);
        written += bytesWritten;
      }
      this.#bytes += data.length;
    }
    await this.#file.datasync();
    return this.#bytes;
  }

  async close(): Promise<void> {
    await this.#file.close();
  }

  /** Flushes, closes and gives the file its final name in one rename. */
  async publish(finalPath: string): Promise<void> {
    await this.flush();
    await this.close();
    await rename(this.path, finalPath);
  }

  async discard(): Promise<void> {
    await this.close();
    await rm(this.path, { force: true });
  }
}
