import { type CatalogService, type CatalogSnapshot, type CheckableExposure, publicExposuresIn } from '../catalog';
import type { CheckResult } from '../check';
import { AppError, isAppError } from '../errors';
import { type HashingProfile, type HashingStore, type OprfKey, ProfileLookup } from '../hashing';
import { type BucketRead, type ListStore, type LiveList, sameLiveLists, STORED_BUCKET_BITS } from '../lists';
import {
  OPRF_SUITE,
  PRIVATE_DIGEST_BYTES,
  type PrivateCheckAnswer,
  type PrivateCheckParameters,
  type PrivateProfile,
  type PrivateQuery,
  type PrivateResult,
} from './private-check-model';

// As the server-side check: a list swapped mid-read costs one more read; three in a row is wrong.
const MAX_ATTEMPTS = 3;

export interface PrivateCheckDeps {
  catalog: CatalogService;
  lists: ListStore;
  hashing: HashingStore;
  key: OprfKey;
  /** PRIVATE_CHECK_BUCKET_BITS: what a query names of argon2id's output (at most the stored buckets' STORED_BUCKET_BITS). */
  bucketBits: number;
}

type Listed = CheckableExposure & { liveList: LiveList };

/**
 * The private check (issue 15): the client hashes and blinds, the server learns only a profile
 * and a bucket. Per query it multiplies the blinded element by the key (no argon2 here) and reads
 * every published, non-sensitive list of that profile in that bucket, whole. A bucket is a prefix
 * of the stored buckets (STORED_BUCKET_BITS, 12: one key at the default width), so it is answered
 * by reading the stored buckets under it.
 *
 * What fails never answers: a lost bucket key or store identity, or a Redis that cannot be read, is
 * 503 (`unavailable`), never a list without digests.
 */
export class PrivateCheckService {
  readonly #deps: PrivateCheckDeps;
  readonly #profiles: ProfileLookup;

  constructor(deps: PrivateCheckDeps) {
    this.#deps = deps;
    this.#profiles = new ProfileLookup(deps.hashing);
  }

  async parameters(): Promise<PrivateCheckParameters> {
    return this.#guarded(async () => {
      // A wiped store has no live lists either: "no profile" must not be how its loss reads.
      await this.#deps.lists.verifyIntact();
      const snapshot = await this.#deps.catalog.snapshot({ fresh: false });
      const profiles = await Promise.all([...profileIdsOf(listed(snapshot))].map((id) => this.#profiles.get(id)));
      return { oprf: OPRF_SUITE, profiles: profiles.map((profile) => this.#published(profile)) };
    });
  }

  /**
   * How many groups the server can tell queriers apart by: one bucket per profile, so the product
   * of 2^bucketBits over the profiles (4,096 with one profile at 12 bits); undefined with none.
   */
  async groups(): Promise<number | undefined> {
    const { profiles } = await this.parameters();
    return profiles.length === 0 ? undefined : profiles.reduce((groups, profile) => groups * 2 ** profile.bucketBits, 1);
  }

  async answer(queries: readonly PrivateQuery[]): Promise<PrivateCheckAnswer> {
    // The elements first: a bad one is the client's fault whatever the store holds.
    const evaluated = queries.map((query) => {
      const element = this.#deps.key.blindEvaluate(query.blindedElement);
      if (element === null) {
        throw AppError.badRequest('invalid_element', 'blindedElement is not a valid ristretto255 element (or is the identity).', 'blindedElement');
      }
      return Buffer.from(element).toString('base64');
    });
    return this.#guarded(async () => {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
        const snapshot = await this.#deps.catalog.snapshot({ fresh: attempt > 1 });
        const candidates = publicExposuresIn(snapshot);
        const checkable = candidates.filter(hasLiveList);
        const live = profileIdsOf(checkable);
        const plans = await Promise.all(
          queries.map(async (query) => {
            if (!live.has(query.profileId)) {
              throw AppError.badRequest('unknown_profile', 'profileId is not a profile of GET /api/v1/private-check.', 'profileId');
            }
            const profile = await this.#profiles.get(query.profileId);
            const bits = this.#bucketBitsOf(profile);
            if (query.bucket >= 2 ** bits) {
              throw AppError.badRequest('invalid_request', `bucket must be below 2^${bits} for this profile.`, 'bucket');
            }
            const lists = checkable.filter(({ liveList }) => liveList.profileId === query.profileId);
            const buckets = storedBucketsUnder(query.bucket, bits, STORED_BUCKET_BITS);
            return { lists, buckets };
          }),
        );
        const reads: BucketRead[] = plans.flatMap(({ lists, buckets }) =>
          lists.flatMap(({ liveList }) => buckets.map((bucket) => ({ exposureId: liveList.exposureId, version: liveList.version, bucket }))),
        );
        const { digests, liveAfter } = await this.#deps.lists.readBuckets(reads);
        if (!sameLiveLists(snapshot.liveLists, liveAfter)) continue;
        let next = 0;
        const results: PrivateResult[] = queries.map((query, index) => {
          const { lists, buckets } = plans[index] as (typeof plans)[number];
          return {
            profileId: query.profileId,
            evaluatedElement: evaluated[index] as string,
            lists: lists.map(({ exposure }) => {
              const rows = digests.slice(next, next + buckets.length).flat();
              next += buckets.length;
              return { exposureId: exposure.id, digests: rows.map(shortDigest).sort() };
            }),
          };
        });
        return {
          results,
          checked: checkable.map(withIncident),
          notCheckableByEmail: candidates.filter((candidate) => candidate.liveList === undefined).map(withIncident),
        };
      }
      throw new Error('lists kept changing during the private check');
    });
  }

  async #guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      // Whatever failed, the honest answer is "could not check", never an empty list.
      if (isAppError(error)) throw error;
      throw AppError.unavailable(error);
    }
  }

  #bucketBitsOf(profile: HashingProfile): number {
    // The stored buckets' width too: a finer query could not be told apart within a stored bucket.
    return Math.min(this.#deps.bucketBits, profile.bucketBits, STORED_BUCKET_BITS);
  }

  #published(profile: HashingProfile): PrivateProfile {
    return {
      id: profile.id,
      algorithm: profile.algorithm,
      version: profile.version,
      memoryKiB: profile.memoryKiB,
      iterations: profile.iterations,
      parallelism: profile.parallelism,
      hashLength: profile.hashLength,
      salt: profile.salt,
      normalization: profile.normalization,
      bucketBits: this.#bucketBitsOf(profile),
      digestBytes: PRIVATE_DIGEST_BYTES,
    };
  }
}

function listed(snapshot: CatalogSnapshot): Listed[] {
  return publicExposuresIn(snapshot).filter(hasLiveList);
}

function hasLiveList(candidate: CheckableExposure): candidate is Listed {
  return candidate.liveList !== undefined;
}

function profileIdsOf(lists: readonly Listed[]): Set<string> {
  return new Set(lists.map(({ liveList }) => liveList.profileId));
}

/** The stored buckets (of `storedBits`) whose first `bits` bits are `bucket`. */
export function storedBucketsUnder(bucket: number, bits: number, storedBits: number): number[] {
  const width = 2 ** (storedBits - bits);
  return Array.from({ length: width }, (_, offset) => bucket * width + offset);
}

function shortDigest(digest: Buffer): string {
  return digest.subarray(0, PRIVATE_DIGEST_BYTES).toString('base64');
}

function withIncident({ exposure, incident }: CheckableExposure): CheckResult['checked'][number] {
  return { ...exposure, incident };
}
