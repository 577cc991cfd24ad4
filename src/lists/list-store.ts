import type { ListEntry } from '../hashing/list-entry';

/** The version of an exposure's hashed list that answers checks. */
export interface LiveList {
  exposureId: string;
  version: number;
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

export interface ListProbe {
  exposureId: string;
  version: number;
  entry: ListEntry;
}

export interface ProbeResult {
  /** For each probe, whether its digest is in its bucket of that version. */
  found: boolean[];
  /** The live lists as they were once every probe had been answered (read after them). */
  liveAfter: LiveList[];
}

/**
 * Hashed lists: per (bucket, version) sets of 16-byte digests, and per exposure a pointer to the
 * live version. Only the implementations know keys.
 */
export interface ListStore {
  liveLists(): Promise<LiveList[]>;
  /** Reserves the exposure's next version number and records it as staging. */
  beginVersion(exposureId: string, profileId: string, bucketBits: number, now: Date): Promise<StagedList>;
  /** Adds entries to a staged version; returns how many were new (the rest were duplicates). */
  addEntries(staged: StagedList, entries: readonly ListEntry[]): Promise<number>;
  /**
   * Makes the staged version live in one step; returns the version it replaced, if any. Throws
   * StagedVersionGoneError, changing nothing, when the staged version's record no longer exists.
   */
  activate(staged: StagedList, records: number, now: Date): Promise<LiveList | null>;
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
   * version was still live when it was probed.
   */
  probe(probes: readonly ListProbe[]): Promise<ProbeResult>;
}
