import type { Logger } from 'pino';
import { type HashingProfile, listEntryOf, type ListEntry, type ListEntryPool, type OprfKey } from '../hashing';
import { AppError } from '../errors';
import { ListDataLostError, StagedVersionGoneError, type Activation, type ListStore, type StagedList } from './list-store';

export interface ListWriteSummary {
  records: number;
  duplicates: number;
  /** The live number of the version now live (LiveList.liveNumber): what admins see as its version. */
  version: number;
}

/** Where list uploads report how far they got (metrics); it sees counts only, never rows. */
export interface ListImportProgress {
  begin(): { rows(count: number): void; end(outcome: 'live' | 'failed'): void };
}

export interface ListServiceDeps {
  lists: ListStore;
  key: OprfKey;
  /**
   * Computes list entries on worker threads (the lists feature's pool). Without it they are computed on this
   * thread, which suits a few rows but not a list upload.
   */
  entryPool?: ListEntryPool;
  clock: () => Date;
  logger: Logger;
  progress?: ListImportProgress;
}

/** Writes hashed lists: a new version fills up unseen, then replaces the live one in one step. */
export class ListService {
  readonly #deps: ListServiceDeps;

  constructor(deps: ListServiceDeps) {
    this.#deps = deps;
  }

  /**
   * `batches` yields argon2id outputs (32 bytes each) hashed with `profile`. If anything fails
   * before activation the staged version is deleted and the previous one keeps answering.
   *
   * Up to `#batchesInFlight` batches are computed and written at once, while the next is read.
   * The source is read only when there is room, so a streamed request body keeps its backpressure
   * and memory stays bounded whatever the list's size.
   */
  async replaceList(
    exposureId: string,
    profile: HashingProfile,
    batches: AsyncIterable<readonly Uint8Array[]> | Iterable<readonly Uint8Array[]>,
  ): Promise<ListWriteSummary> {
    const progress = this.#deps.progress?.begin();
    try {
      const summary = await this.#replaceList(exposureId, profile, batches, (count) => progress?.rows(count));
      progress?.end('live');
      return summary;
    } catch (error) {
      progress?.end('failed');
      throw error;
    }
  }

  async #replaceList(
    exposureId: string,
    profile: HashingProfile,
    batches: AsyncIterable<readonly Uint8Array[]> | Iterable<readonly Uint8Array[]>,
    reportRows: (count: number) => void,
  ): Promise<ListWriteSummary> {
    const { lists, clock } = this.#deps;
    const staged = await lists.beginVersion(exposureId, profile.id, profile.bucketBits, clock());
    let rows = 0;
    let records = 0;
    const inFlight: Promise<number>[] = [];
    const settleOldest = async (): Promise<void> => {
      records += await (inFlight.shift() as Promise<number>);
    };
    try {
      for await (const batch of batches) {
        rows += batch.length;
        reportRows(batch.length);
        const written = this.#write(staged, profile, batch);
        // Awaited in order by settleOldest; until then a failure must not count as unhandled,
        // which would end the process while the source is still being read.
        written.catch(() => undefined);
        inFlight.push(written);
        if (inFlight.length >= this.#batchesInFlight) await settleOldest();
      }
      while (inFlight.length > 0) await settleOldest();
    } catch (error) {
      // Writes still running would land after the cleanup and linger: let them end first.
      await Promise.allSettled(inFlight);
      await this.#deleteQuietly(exposureId, staged.version, staged.bucketBits);
      throw error;
    }
    const { live, replaced } = await this.#activate(staged, records);
    if (replaced !== null) await this.#deleteQuietly(exposureId, replaced.version);
    return { records, duplicates: rows - records, version: live.liveNumber };
  }

  /**
   * Deletes every version that holds keys but is not live: leftovers of uploads cut short by a
   * crash, and replaced versions whose deletion failed. Returns how many it deleted. It cannot
   * tell an upload in progress elsewhere from a dead one, so it is meant for a start with no other
   * writer running; an upload it cleans anyway fails at activation instead of going live partial.
   */
  async deleteUnusedVersions(): Promise<number> {
    const unused = await this.#deps.lists.unusedVersions();
    for (const { exposureId, version, bucketBits } of unused) {
      await this.#deleteQuietly(exposureId, version, bucketBits);
    }
    return unused.length;
  }

  /** Enough to keep every worker busy, plus one batch being written while the next is read. */
  get #batchesInFlight(): number {
    return (this.#deps.entryPool?.capacity ?? 1) + 1;
  }

  /** Computes one batch's entries and adds them to the staged version; returns how many were new. */
  async #write(staged: StagedList, profile: HashingProfile, batch: readonly Uint8Array[]): Promise<number> {
    const { entryPool, key, lists } = this.#deps;
    const entries: ListEntry[] =
      entryPool === undefined
        ? batch.map((argon2Output) => listEntryOf(argon2Output, profile, key))
        : await entryPool.entriesOf(batch, profile.bucketBits);
    return lists.addEntries(staged, entries);
  }

  async #activate(staged: StagedList, records: number): Promise<Activation> {
    try {
      return await this.#deps.lists.activate(staged, records, this.#deps.clock());
    } catch (error) {
      // Whatever failed, the staged version must not linger; the store refuses to delete it if it is live.
      // With its record gone, rows written after the cleanup are found through bucketBits.
      await this.#deleteQuietly(staged.exposureId, staged.version, staged.bucketBits);
      if (error instanceof ListDataLostError) {
        throw new AppError(
          'list_upload_incomplete',
          503,
          'Part of the list was lost by the store while it was being loaded (a restart or failover), so ' +
            'none of it was made live. Upload it again once the store is healthy.',
          { cause: error },
        );
      }
      if (error instanceof StagedVersionGoneError) {
        throw new AppError(
          'list_upload_cancelled',
          409,
          'The list was deleted, or a server start cleaned up unfinished uploads, while this one was in ' +
            'progress. Nothing of it was loaded; upload it again.',
          { cause: error },
        );
      }
      throw error;
    }
  }

  async #deleteQuietly(exposureId: string, version: number, bucketBits?: number): Promise<void> {
    try {
      await this.#deps.lists.deleteVersion(exposureId, version, bucketBits);
    } catch (error) {
      // Not fatal: the version is not live and stays listed as unused until a later cleanup.
      this.#deps.logger.warn({ err: error, exposureId, version }, 'could not delete an unused list version');
    }
  }
}
