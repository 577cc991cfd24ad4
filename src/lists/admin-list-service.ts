import { AppError } from '../errors';
import type { HashingProfile, HashingStore } from '../hashing';
import { openListFile } from './list-file';
import type { ListService, ListWriteSummary } from './list-service';
import type { ListStore } from './list-store';

/**
 * Resolves when the exposure exists, and throws the 404 AppError otherwise: a list belongs to an
 * exposure of the catalogue (which sits above the lists and gives this in).
 */
export type RequireExposure = (exposureId: string) => Promise<unknown>;

export interface AdminListServiceDeps {
  requireExposure: RequireExposure;
  hashing: HashingStore;
  lists: ListStore;
  writer: ListService;
}

/** Loading and erasing an exposure's hashed list from a list file (format: src/lists/list-file.ts). */
export class AdminListService {
  readonly #deps: AdminListServiceDeps;

  constructor(deps: AdminListServiceDeps) {
    this.#deps = deps;
  }

  /**
   * Streams `file` into a new version of the exposure's list, which goes live only once the whole
   * file has been read and is valid. On any failure (bad line, empty list, the source breaking
   * off) the previous version keeps answering and the new one is deleted.
   */
  async uploadList(exposureId: string, file: AsyncIterable<Buffer | string>): Promise<ListWriteSummary> {
    await this.#deps.requireExposure(exposureId);
    const { profileId, batches } = await openListFile(file);
    const profile = await this.#profile(profileId);
    return this.#deps.writer.replaceList(exposureId, profile, nonEmpty(batches));
  }

  /** Erasure: takes the list offline and deletes every key of every version of it. */
  async deleteList(exposureId: string): Promise<void> {
    await this.#deps.requireExposure(exposureId);
    await this.#deps.lists.removeList(exposureId);
  }


  async #profile(profileId: string | null): Promise<HashingProfile> {
    if (profileId === null) {
      const current = await this.#deps.hashing.getCurrentProfile();
      if (current === null) throw new Error('no current hashing profile: the service was not prepared');
      return current;
    }
    const profile = await this.#deps.hashing.getProfile(profileId);
    if (profile === null) {
      throw AppError.badRequest(
        'unknown_profile',
        'The "# profile:" header names a hashing profile this server does not know. Hash the list with ' +
          'the profile from GET /api/v1/hashing-profile.',
      );
    }
    return profile;
  }
}

/**
 * An empty list is refused: going live it would silently turn every check of this exposure into
 * "not affected". To take a list offline, DELETE it.
 */
async function* nonEmpty(batches: AsyncIterable<Buffer[]>): AsyncGenerator<Buffer[], void, undefined> {
  let rows = 0;
  for await (const batch of batches) {
    rows += batch.length;
    yield batch;
  }
  if (rows === 0) {
    throw AppError.badRequest(
      'empty_list',
      'The list file holds no rows. An empty list would answer "not affected" to everyone; to take a ' +
        'list offline, DELETE it instead.',
    );
  }
}
