import type { Logger } from 'pino';
import type { HashingProfile } from '../hashing/hashing-profile';
import { listEntryOf } from '../hashing/list-entry';
import type { OprfKey } from '../hashing/oprf-key';
import type { ListStore } from './list-store';

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
      await this.#deleteQuietly(exposureId, staged.version);
      throw error;
    }
    const previous = await lists.activate(staged, records, clock());
    if (previous !== null) await this.#deleteQuietly(exposureId, previous.version);
    return { records, duplicates: rows - records, version: staged.version };
  }

  async #deleteQuietly(exposureId: string, version: number): Promise<void> {
    try {
      await this.#deps.lists.deleteVersion(exposureId, version);
    } catch (error) {
      // Not fatal: the version is not live and stays listed as unused until a later cleanup.
      this.#deps.logger.warn({ err: error, exposureId, version }, 'could not delete an unused list version');
    }
  }
}
