import type { Logger } from 'pino';
import type { HashingProfile } from '../hashing/hashing-profile';
import { listEntryOf } from '../hashing/list-entry';
import type { OprfKey } from '../hashing/oprf-key';
import { AppError } from '../errors/app-error';
import { StagedVersionGoneError, type ListStore, type LiveList, type StagedList } from './list-store';

export interface ListWriteSummary {
  records: number;
  duplicates: number;
  version: number;
}

export interface ListServiceDeps {
  lists: ListStore;
  key: OprfKey;
  clock: () => Date;
  logger: Logger;
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
   */
  async replaceList(
    exposureId: string,
    profile: HashingProfile,
    batches: AsyncIterable<readonly Uint8Array[]> | Iterable<readonly Uint8Array[]>,
  ): Promise<ListWriteSummary> {
    const { lists, key, clock } = this.#deps;
    const staged = await lists.beginVersion(exposureId, profile.id, profile.bucketBits, clock());
    let rows = 0;
    let records = 0;
    try {
      for await (const batch of batches) {
        rows += batch.length;
        records += await lists.addEntries(
          staged,
          batch.map((argon2Output) => listEntryOf(argon2Output, profile, key)),
        );
      }
    } catch (error) {
      await this.#deleteQuietly(exposureId, staged.version, staged.bucketBits);
      throw error;
    }
    const previous = await this.#activate(staged, records);
    if (previous !== null) await this.#deleteQuietly(exposureId, previous.version);
    return { records, duplicates: rows - records, version: staged.version };
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

  async #activate(staged: StagedList, records: number): Promise<LiveList | null> {
    try {
      return await this.#deps.lists.activate(staged, records, this.#deps.clock());
    } catch (error) {
      // Whatever failed, the staged version must not linger; the store refuses to delete it if it is live.
      // With its record gone, rows written after the cleanup are found through bucketBits.
      await this.#deleteQuietly(staged.exposureId, staged.version, staged.bucketBits);
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
