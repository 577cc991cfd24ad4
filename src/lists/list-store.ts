import type { ListEntry } from '../hashing';

/** The version of an exposure's hashed list that answers checks. */
export interface LiveList {
  exposureId: string;
  /**
   * The version's internal id: unique per exposure and never reused (an upload takes one when it
   * begins, whether it goes live or not), so a reader never mixes two versions' keys. Not shown.
   */
  version: number;
  /**
   * What admins see as the list's version: how many versions of this exposure's list went live,
   * this one included (1, 2, 3...). Counted at activation only, so a refused or failed upload
   * uses up no number; kept across removals of the list, so a number is never shown twice. A
   * pointer written before this was counted reads as 1 (see the stores' migration on read).
   */
  liveNumber: number;
  profileId: string;
  records: number;
  activatedAt: string;
}

/** A version being written: invisible to checks until activated. */
export interface StagedList {
  exposureId: string;
  version: number;
  profileId: string;
  bucketBits: number;
}

/** What an activation made live, and the version it replaced (null for the exposure's first live list). */
export interface Activation {
  live: LiveList;
  replaced: LiveList | null;
}

export interface UnusedVersion extends StagedList {
  startedAt: string;
}

/**
 * `activate` found no record of the staged version: it was deleted while being written (a start's
 * cleanup, or the list's removal). The upload must fail rather than go live with missing rows.
 */
export class StagedVersionGoneError extends Error {
  constructor(exposureId: string, version: number) {
    super(`list version ${exposureId}/${version} was deleted before it could be activated`);
    this.name = 'StagedVersionGoneError';
  }
}

/**
 * The store no longer holds what this server saw in it: its identity is gone or different (Redis
 * was wiped, restarted empty, failed over to a replica that had not synced, or is another
 * deployment's), or a live version lost a bucket key. A check must answer 503, never a miss.
 */
export class ListDataLostError extends Error {
  constructor(detail: string) {
    super(
      `The store lost list data: ${detail}. Every check answers 503 until this is mended: restore the ` +
        'store from its backup (the servers recover by themselves), or, to start over, restart the ' +
        'servers against an empty store and load the lists again.',
    );
    this.name = 'ListDataLostError';
  }
}

export interface ListProbe {
  exposureId: string;
  version: number;
  entry: ListEntry;
  /** How many bits `entry.bucket` has: the list's profile's (it is stored under its first STORED_BUCKET_BITS). */
  bucketBits: number;
}

/**
 * One stored bucket of one list version, to be read whole (the private check): `bucket` has
 * STORED_BUCKET_BITS bits (src/lists/stored-buckets.ts); a coarser bucket is the stored ones under it.
 */
export interface BucketRead {
  exposureId: string;
  version: number;
  bucket: number;
}

export interface BucketReadResult {
  /**
   * For each read, every digest its bucket holds (none for an empty bucket), each of
   * STORED_DIGEST_BYTES (the first bytes of the list's digest), in no particular order.
   */
  digests: Buffer[][];
  /** The live lists as they were once every bucket had been read (read after them). */
  liveAfter: LiveList[];
}

export interface ProbeResult {
  /** For each probe, whether its digest is in its bucket of that version. */
  found: boolean[];
  /** The live lists as they were once every probe had been answered (read after them). */
  liveAfter: LiveList[];
}

/**
 * Hashed lists: per (stored bucket, version) sets of digests cut to STORED_DIGEST_BYTES, and per
 * exposure a pointer to the live version (src/lists/stored-buckets.ts). Only the implementations
 * know keys.
 */
export interface ListStore {
  /**
   * Ties this instance to the store's identity, read once at start: on a fresh store
   * (`freshStore`: the server key's check value was written just now) it is created. Until this has
   * run, `probe` refuses. Throws ListDataLostError when the store was in use but its identity is
   * gone (it lost data while no server ran).
   */
  bindIdentity(options: { freshStore: boolean }): Promise<void>;
  /**
   * Resolves when the store still holds the identity bound at start, and every bucket key a probe
   * found missing is back (a restored backup); throws ListDataLostError otherwise. For readiness.
   */
  verifyIntact(): Promise<void>;
  liveLists(): Promise<LiveList[]>;
  /**
   * Reserves the exposure's next internal version id and records it as staging. `bucketBits` is
   * the profile's, what the entries' buckets will have: 12 to 16 (assertListBucketBits).
   */
  beginVersion(exposureId: string, profileId: string, bucketBits: number, now: Date): Promise<StagedList>;
  /**
   * Adds entries (buckets of the staged version's bucketBits) to a staged version; returns how many
   * were new (the rest were duplicates: the same stored digest in the same bucket).
   */
  addEntries(staged: StagedList, entries: readonly ListEntry[]): Promise<number>;
  /**
   * Makes the staged version live in one step, giving it the exposure's next live number; returns
   * it and the version it replaced, if any. First it stores the staged rows as live versions keep
   * them (the Redis store packs them) and refuses, with ListDataLostError, a version that holds
   * other than `records` rows. Throws StagedVersionGoneError, changing nothing live, when the
   * staged version's record no longer exists.
   */
  activate(staged: StagedList, records: number, now: Date): Promise<Activation>;
  /**
   * Deletes every key of one version that is not live (staged, abandoned, or replaced).
   * `bucketBits` finds the keys when the version's record is already gone (an upload that kept
   * writing after its version was cleaned); without it such a version is left alone.
   */
  deleteVersion(exposureId: string, version: number, bucketBits?: number): Promise<void>;
  /**
   * Versions that hold keys but are not live: replaced ones awaiting deletion, abandoned uploads,
   * and uploads still in progress (the caller tells these apart by `startedAt`).
   */
  unusedVersions(): Promise<UnusedVersion[]>;
  /** Takes the exposure's list offline and deletes every version of it. */
  removeList(exposureId: string): Promise<void>;
  /**
   * For each probe, whether its digest is in its bucket of that version; and the live lists read
   * after the probes, in the same round trip, so that a caller can tell whether every probed
   * version was still live when it was probed. Throws ListDataLostError, never a miss, when a
   * probed bucket or the store's identity is gone: "the key is missing" never reads as "the
   * digest is not in the list".
   */
  probe(probes: readonly ListProbe[]): Promise<ProbeResult>;
  /**
   * Every digest of each bucket read, and the live lists read after them, in one round trip: the
   * private check's answer. As with `probe`, a bucket key or identity that is gone throws
   * ListDataLostError: a lost bucket never reads as an empty one.
   */
  readBuckets(reads: readonly BucketRead[]): Promise<BucketReadResult>;
}
