import {
  type CatalogSnapshot,
  publicExposuresIn,
  staffExposuresIn,
  type CatalogService,
  type CheckableExposure,
  type StaffCheckResult,
  type StaffChecker,
} from '../catalog';
import { AppError, isAppError } from '../errors';
import {
  type HashingStore,
  argon2idOf,
  listEntryOf,
  type ListEntry,
  normalizeEmail,
  type OprfKey,
  ProfileLookup,
} from '../hashing';
import { sameLiveLists, type ListStore, type LiveList } from '../lists';
import { QueueFullError, type BoundedWorkQueue } from '../shared';
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
 * same hashes, the same Redis commands and the same round trips (test/check/equal-work.process.test.ts).
 */
export class CheckService implements StaffChecker {
  readonly #deps: CheckServiceDeps;
  readonly #profiles: ProfileLookup;

  constructor(deps: CheckServiceDeps) {
    this.#deps = deps;
    this.#profiles = new ProfileLookup(deps.hashing);
  }

  /** A customer's check: published, non-sensitive exposures. */
  async check(email: string): Promise<CheckResult> {
    const { matched, checked, notCheckable } = await this.#guarded(email, publicExposuresIn);
    return {
      affected: matched.length > 0,
      exposures: matched.map(withIncident),
      checked: checked.map(withIncident),
      notCheckableByEmail: notCheckable.map(withIncident),
    };
  }

  /**
   * What a customer's check compares with at this moment, without any address: the page's
   * templates for the private check, where the browser finds which of these its address is in.
   */
  async publicCatalogue(): Promise<CheckResult> {
    const candidates = publicExposuresIn(await this.#deps.catalog.snapshot({ fresh: false }));
    return {
      affected: false,
      exposures: [],
      checked: candidates.filter(hasLiveList).map(withIncident),
      notCheckableByEmail: candidates.filter((candidate) => candidate.liveList === undefined).map(withIncident),
    };
  }

  /** A check by support staff for a caller: every published exposure, sensitive ones included. */
  async checkForStaff(email: string): Promise<StaffCheckResult> {
    const { matched, checked, notCheckable } = await this.#guarded(email, staffExposuresIn);
    return {
      affected: matched.length > 0,
      exposures: matched.map(({ view }) => view),
      checked: checked.map(({ view }) => view),
      notCheckableByEmail: notCheckable.map(({ view }) => view),
    };
  }

  async #guarded<C extends Candidate>(email: string, candidatesIn: (snapshot: CatalogSnapshot) => C[]): Promise<Matches<C>> {
    const normalized = normalizeEmail(email);
    try {
      // Under overload most checks are refused: refusing them before reading the catalogue keeps
      // their cost, and what they take from the hashes under way, to a minimum.
      this.#deps.hashQueue.refuseIfFull();
      return await this.#match(normalized, candidatesIn);
    } catch (error) {
      if (error instanceof QueueFullError) throw AppError.overloaded(OVERLOADED_RETRY_AFTER_SECONDS);
      // Whatever failed, the honest answer is "could not check", never "not affected".
      if (isAppError(error)) throw error;
      throw AppError.unavailable(error);
    }
  }

  async #match<C extends Candidate>(normalized: string, candidatesIn: (snapshot: CatalogSnapshot) => C[]): Promise<Matches<C>> {
    const entries = new Map<string, ProfileEntry>();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      // The first attempt may use a snapshot up to a second old; the confirmation below catches a
      // list that moved since, and every later attempt reads afresh.
      const snapshot = await this.#deps.catalog.snapshot({ fresh: attempt > 1 });
      const candidates = candidatesIn(snapshot);
      const checkable = candidates.filter(hasLiveList);
      await this.#addMissingEntries(normalized, checkable, entries);
      const { found, liveAfter } = await this.#deps.lists.probe(
        checkable.map(({ liveList }) => ({
          exposureId: liveList.exposureId,
          version: liveList.version,
          ...(entries.get(liveList.profileId) as ProfileEntry),
        })),
      );
      // A list replaced between reading the live pointers and probing may already be deleted, which
      // would read as a miss. Versions only grow, so if the live pointers read after the probes are
      // exactly those of the snapshot, every probed version was live throughout the probe, and no
      // list appeared that the snapshot did not know; otherwise probe again against a fresh snapshot.
      if (sameLiveLists(snapshot.liveLists, liveAfter)) {
        return {
          matched: checkable.filter((_, index) => found[index] === true),
          checked: checkable,
          notCheckable: candidates.filter((candidate) => candidate.liveList === undefined),
        };
      }
    }
    throw new Error('lists kept changing during the check');
  }

  /** argon2 once per distinct profile among live lists, kept across attempts. */
  async #addMissingEntries(normalized: string, checkable: readonly Listed<Candidate>[], entries: Map<string, ProfileEntry>): Promise<void> {
    for (const profileId of new Set(checkable.map(({ liveList }) => liveList.profileId))) {
      if (entries.has(profileId)) continue;
      const profile = await this.#profiles.get(profileId);
      const argon2Output = await this.#deps.hashQueue.run(() => argon2idOf(normalized, profile));
      entries.set(profileId, { entry: listEntryOf(argon2Output, profile, this.#deps.key), bucketBits: profile.bucketBits });
    }
  }
}

/** The address's list entry under one profile, and how many bits its bucket has (the profile's). */
type ProfileEntry = { entry: ListEntry; bucketBits: number };

/** An exposure a check may answer for, as the public or staff see it, with its live list if any. */
type Candidate = { liveList: LiveList | undefined };
type Listed<C extends Candidate> = C & { liveList: LiveList };

interface Matches<C extends Candidate> {
  matched: Listed<C>[];
  checked: Listed<C>[];
  notCheckable: C[];
}

function hasLiveList<C extends Candidate>(candidate: C): candidate is Listed<C> {
  return candidate.liveList !== undefined;
}

function withIncident({ exposure, incident }: CheckableExposure): ExposureWithIncident {
  return { ...exposure, incident };
}
