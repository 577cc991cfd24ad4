import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import { packageRoot } from '../shared';
import { ARGON2_HASH_LENGTH } from './hashing-profile';
import { bucketOf, DIGEST_BYTES, type ListEntry } from './list-entry';

/** What each worker thread receives once, at its start. */
export interface ListEntryWorkerData {
  secretKey: Uint8Array;
  /** How much of each OPRF output a list keeps (DIGEST_BYTES). */
  digestBytes: number;
}

export interface ListEntryPoolOptions {
  /** Worker threads; default: one per core. */
  threads?: number;
}

// Worker threads run JavaScript, not TypeScript, so the worker is always the compiled one under
// dist/, found from the package root: the same file whether this module runs compiled (server,
// scripts: dist/src/hashing/) or as source under ts-jest (tests: src/hashing/, where `npm test`
// builds dist first in its pretest step). Resolving next to this module would find no .js under
// jest, and a loader hook to run TypeScript in workers would differ from production.
const WORKER = ['dist', 'src', 'hashing', 'list-entry-worker.js'];

// A worker idle this long exits; the next upload starts it again. Short enough that a server
// holds no threads between uploads, long enough not to restart between batches.
const IDLE_TIMEOUT_MS = 10_000;
// A worker's garbage is all short-lived (a few buffers per evaluation), so a small young
// generation costs no measurable speed and keeps each busy thread ~5-10 MB smaller than V8's default.
const WORKER_YOUNG_GENERATION_MB = 4;

/**
 * Turns batches of argon2 outputs into list entries on every core: an upload's cost is one OPRF
 * evaluation per row, far more than the main thread alone keeps up with. Threads start with the
 * first batch, not with the pool, so a server that never imports never runs them.
 */
export class ListEntryPool {
  readonly threads: number;
  readonly #pool: Piscina<Uint8Array, Uint8Array>;

  constructor(secretKey: Uint8Array, options: ListEntryPoolOptions = {}) {
    const filename = path.join(packageRoot(), ...WORKER);
    if (!existsSync(filename)) {
      throw new Error(`${filename} is missing: run \`npm run build\` (npm start and npm test build first)`);
    }
    this.threads = options.threads ?? availableParallelism();
    // workerData is copied into each thread as it starts; it is never logged.
    const workerData: ListEntryWorkerData = { secretKey, digestBytes: DIGEST_BYTES };
    this.#pool = new Piscina({
      filename,
      workerData,
      minThreads: 0,
      maxThreads: this.threads,
      idleTimeout: IDLE_TIMEOUT_MS,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
  }

  /**
   * Batches worth having submitted at once to keep every thread busy: one running and one waiting
   * per thread. More would only hold rows in memory longer.
   */
  get capacity(): number {
    return this.threads * 2;
  }

  /** The list entries of `rows` (32-byte argon2 outputs), in order. */
  async entriesOf(rows: readonly Uint8Array[], bucketBits: number): Promise<ListEntry[]> {
    if (rows.length === 0) return [];
    const packed = new Uint8Array(rows.length * ARGON2_HASH_LENGTH);
    rows.forEach((row, index) => {
      if (row.length !== ARGON2_HASH_LENGTH) throw new RangeError(`a list row must be ${ARGON2_HASH_LENGTH} bytes`);
      packed.set(row, index * ARGON2_HASH_LENGTH);
    });
    const digests = await this.#pool.run(packed, { transferList: [packed.buffer] });
    return rows.map((row, index) => ({
      bucket: bucketOf(row, bucketBits),
      digest: Buffer.from(digests.buffer, digests.byteOffset + index * DIGEST_BYTES, DIGEST_BYTES),
    }));
  }

  /** Stops the threads; batches still queued are rejected. */
  async close(): Promise<void> {
    await this.#pool.destroy();
  }
}
