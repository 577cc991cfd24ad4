import type { CatalogService } from '../catalog/catalog-service';
import type { CheckableExposure } from '../catalog/public-catalog';
import { AppError, isAppError } from '../errors/app-error';
import type { HashingProfile } from '../hashing/hashing-profile';
import type { HashingStore } from '../hashing/hashing-store';
import { argon2idOf, listEntryOf, type ListEntry } from '../hashing/list-entry';
import { normalizeEmail } from '../hashing/normalize-email';
import type { OprfKey } from '../hashing/oprf-key';
import type { ListStore, LiveList } from '../lists/list-store';
import { QueueFullError, type BoundedWorkQueue } from './bounded-work-queue';
import type { CheckResult, ExposureWithIncident } from './check-result';

// A list swap mid-check costs one more probe; three swaps in a row means something is wrong.
const MAX_ATTEMPTS = 3;
// A full queue drains in a fraction of a second; a few seconds spreads the retries of a spike.
const OVERLOADED_RETRY_AFTER_SECONDS = 5;

export interface CheckServiceDeps {
  catalog: CatalogService;
  lists: ListStore;
  hashing: HashingStore;
  key: OprfKey;
  /** Every argon2 hash of a check runs through it: bounded running and waiting, the rest shed. */
  hashQueue: BoundedWorkQueue;
}

/**
 * email -> normalize -> argon2id (once per distinct profile among live lists) -> OPRF digest
 * -> membership in each live list. The address and its derivatives live only in this call.
 *
 * Equal work on hit and miss: nothing below branches on whether the address is listed until the
 * answer is assembled. Every live list is probed, in one pipeline, whatever an earlier probe found,
 * and the argon2 and OPRF work depend only on the live lists' profiles, so a hit and a miss cost the
 * same hashes, the same Redis commands and the same round trips (test/check/equal-work.test.ts).
 */
export class CheckService {
  readonly #deps: CheckServiceDeps;
  // Profiles never change once created, so caching them is safe and saves a round trip.
  readonly #profiles = new Map<string, HashingProfile>();

  constructor(deps: CheckServiceDeps) {
    this.#deps = deps;
  }

  async check(email: string): Promise<CheckResult> {
    const normalized = normalizeEmail(email);
    try {
      // Under overload most checks are refused: refusing them before reading the catalogue keeps
      // their cost, and what they take from the hashes under way, to a minimum.
      this.#deps.hashQueue.refuseIfFull();
      return await this.#checkNormalized(normalized);
    } catch (error) {
      if (error instanceof QueueFullError) throw AppError.overloaded(OVERLOADED_RETRY_AFTER_SECONDS);
      // Whatever failed, the honest answer is "could not check", never "not affected".
      if (isAppError(error)) throw error;
      throw AppError.unavailable(error);
    }
  }

  async #checkNormalized(normalized: string): Promise<CheckResult> {
    const entries = new Map<string, ListEntry>();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const candidates = await this.#deps.catalog.publicExposures();
      const checkable = candidates.filter(hasLiveList);
      await this.#addMissingEntries(normalized, checkable, entries);
      const found = await this.#deps.lists.contains(
        checkable.map(({ liveList }) => ({
          exposureId: liveList.exposureId,
          version: liveList.version,
          entry: entries.get(liveList.profileId) as ListEntry,
        })),
      );
      // A list replaced between reading the live pointers and probing may already be deleted, which
      // would read as a miss. Versions only grow, so if every probed version is still live now, it
      // was live throughout the probe; otherwise probe again against the new versions.
      if (await this.#stillLive(checkable)) {
        const matched = checkable.filter((_, index) => found[index] === true);
        return {
          affected: matched.length > 0,
          exposures: matched.map(withIncident),
          checked: checkable.map(withIncident),
          notCheckableByEmail: candidates.filter((candidate) => candidate.liveList === undefined).map(withIncident),
        };
      }
    }
    throw new Error('lists kept changing during the check');
  }

  async #stillLive(checkable: ListedExposure[]): Promise<boolean> {
    const live = new Map((await this.#deps.lists.liveLists()).map((list) => [list.exposureId, list.version]));
    return checkable.every(({ liveList }) => live.get(liveList.exposureId) === liveList.version);
  }

  /** argon2 once per distinct profile among live lists, kept across attempts. */
  async #addMissingEntries(normalized: string, checkable: ListedExposure[], entries: Map<string, ListEntry>): Promise<void> {
    for (const profileId of new Set(checkable.map(({ liveList }) => liveList.profileId))) {
      if (entries.has(profileId)) continue;
      const profile = await this.#profile(profileId);
      const argon2Output = await this.#deps.hashQueue.run(() => argon2idOf(normalized, profile));
      entries.set(profileId, listEntryOf(argon2Output, profile, this.#deps.key));
    }
  }

  async #profile(id: string): Promise<HashingProfile> {
    const cached = this.#profiles.get(id);
    if (cached) return cached;
    const profile = await this.#deps.hashing.getProfile(id);
    if (profile === null) throw new Error(`live list refers to unknown hashing profile ${id}`);
    this.#profiles.set(id, profile);
    return profile;
  }
}

type ListedExposure = CheckableExposure & { liveList: LiveList };

function hasLiveList(candidate: CheckableExposure): candidate is ListedExposure {
  return candidate.liveList !== undefined;
}

function withIncident({ exposure, incident }: CheckableExposure): ExposureWithIncident {
  return { ...exposure, incident };
}
