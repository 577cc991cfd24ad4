import type { ListEntry } from '../hashing';
import { ListDataLostError, StagedVersionGoneError, type Activation, type BucketRead, type BucketReadResult, type ListProbe, type ListStore, type LiveList, type ProbeResult, type StagedList, type UnusedVersion } from './list-store';
import { assertListBucketBits, assertStoredBucket, storedBucketOf, storedDigestOf } from './stored-buckets';

interface VersionData {
  record: UnusedVersion;
  /** Per stored bucket, the stored digests (hex), as the Redis store keeps a live version. */
  buckets: Map<number, Set<string>>;
}

export class MemoryListStore implements ListStore {
  readonly #live = new Map<string, LiveList>();
  readonly #versions = new Map<string, VersionData>();
  readonly #nextVersion = new Map<string, number>();
  /** Per exposure, how many versions went live: kept across removals, as the internal ids are. */
  readonly #liveNumbers = new Map<string, number>();
  // Memory cannot lose data behind this process's back; binding is still required, as of Redis.
  #bound = false;

  async bindIdentity(): Promise<void> {
    this.#bound = true;
  }

  async verifyIntact(): Promise<void> {
    if (!this.#bound) throw new Error('the list store was used before bindIdentity');
  }

  async liveLists(): Promise<LiveList[]> {
    return [...this.#live.values()].map((list) => ({ ...list }));
  }

  async beginVersion(exposureId: string, profileId: string, bucketBits: number, now: Date): Promise<StagedList> {
    assertListBucketBits(bucketBits);
    const version = (this.#nextVersion.get(exposureId) ?? 0) + 1;
    this.#nextVersion.set(exposureId, version);
    const record = { exposureId, version, profileId, bucketBits, startedAt: now.toISOString() };
    this.#versions.set(versionField(exposureId, version), { record, buckets: new Map() });
    return { exposureId, version, profileId, bucketBits };
  }

  async addEntries(staged: StagedList, entries: readonly ListEntry[]): Promise<number> {
    // A version deleted while being written (a start's cleanup, the list's removal) takes the rows,
    // as Redis does, but keeps them nowhere: its activation fails as gone, so the upload ends as
    // cancelled rather than on this batch.
    const buckets = this.#versions.get(versionField(staged.exposureId, staged.version))?.buckets ?? new Map<number, Set<string>>();
    let added = 0;
    for (const { bucket, digest } of entries) {
      const stored = storedBucketOf(bucket, staged.bucketBits);
      const digests = buckets.get(stored) ?? new Set<string>();
      const before = digests.size;
      digests.add(storedDigestOf(digest).toString('hex'));
      added += digests.size - before;
      buckets.set(stored, digests);
    }
    return added;
  }

  async activate(staged: StagedList, records: number, now: Date): Promise<Activation> {
    const data = this.#versions.get(versionField(staged.exposureId, staged.version));
    if (data === undefined) throw new StagedVersionGoneError(staged.exposureId, staged.version);
    const stored = [...data.buckets.values()].reduce((sum, digests) => sum + digests.size, 0);
    if (stored !== records) {
      throw new ListDataLostError(`version ${versionField(staged.exposureId, staged.version)} holds ${stored} of the ${records} rows written`);
    }
    const replaced = this.#live.get(staged.exposureId) ?? null;
    const liveNumber = (this.#liveNumbers.get(staged.exposureId) ?? 0) + 1;
    this.#liveNumbers.set(staged.exposureId, liveNumber);
    const live: LiveList = {
      exposureId: staged.exposureId,
      version: staged.version,
      liveNumber,
      profileId: staged.profileId,
      records,
      activatedAt: now.toISOString(),
    };
    this.#live.set(staged.exposureId, live);
    return { live: { ...live }, replaced };
  }

  async deleteVersion(exposureId: string, version: number): Promise<void> {
    if (this.#live.get(exposureId)?.version === version) {
      throw new Error(`refusing to delete the live version ${versionField(exposureId, version)}`);
    }
    this.#versions.delete(versionField(exposureId, version));
  }

  async unusedVersions(): Promise<UnusedVersion[]> {
    return [...this.#versions.values()]
      .map((data) => data.record)
      .filter((record) => this.#live.get(record.exposureId)?.version !== record.version)
      .map((record) => ({ ...record }));
  }

  async removeList(exposureId: string): Promise<void> {
    this.#live.delete(exposureId);
    for (const [field, data] of this.#versions) {
      if (data.record.exposureId === exposureId) this.#versions.delete(field);
    }
  }

  async probe(probes: readonly ListProbe[]): Promise<ProbeResult> {
    await this.verifyIntact();
    const found = probes.map((probe) => {
      const data = this.#versions.get(versionField(probe.exposureId, probe.version));
      const bucket = storedBucketOf(probe.entry.bucket, probe.bucketBits);
      return data?.buckets.get(bucket)?.has(storedDigestOf(probe.entry.digest).toString('hex')) ?? false;
    });
    return { found, liveAfter: await this.liveLists() };
  }

  async readBuckets(reads: readonly BucketRead[]): Promise<BucketReadResult> {
    await this.verifyIntact();
    for (const read of reads) assertStoredBucket(read.bucket);
    const digests = reads.map((read) => {
      const bucket = this.#versions.get(versionField(read.exposureId, read.version))?.buckets.get(read.bucket);
      return [...(bucket ?? [])].map((hex) => Buffer.from(hex, 'hex'));
    });
    return { digests, liveAfter: await this.liveLists() };
  }
}

function versionField(exposureId: string, version: number): string {
  return `${exposureId}/${version}`;
}
