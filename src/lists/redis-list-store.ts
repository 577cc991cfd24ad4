import type Redis from 'ioredis';
import type { ListEntry } from '../hashing/list-entry';
import { StagedVersionGoneError, type ListProbe, type ListStore, type LiveList, type ProbeResult, type StagedList, type UnusedVersion } from './list-store';

// Swaps the live pointer and returns the previous one in one atomic step; -1, changing nothing,
// when the staged version's record (KEYS[2], field ARGV[3]) was deleted meanwhile.
const SWAP_LIVE = `
if redis.call('HEXISTS', KEYS[2], ARGV[3]) == 0 then return -1 end
local previous = redis.call('HGET', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return previous`;

const DELETE_BATCH = 4096;

/**
 * Layout (DESIGN section 4): one Redis hash per (bucket, version), field = 16-byte digest, empty
 * value, small enough to stay listpack-encoded. The bucket is the hash tag, so one check touches
 * one slot. Metadata shares the `{lists}` tag so the live-pointer swap stays atomic on a cluster.
 */
export class RedisListStore implements ListStore {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #live: string;
  readonly #versions: string;
  readonly #nextVersion: string;

  constructor(redis: Redis, prefix: string) {
    this.#redis = redis;
    this.#prefix = prefix;
    this.#live = `${prefix}{lists}:live`;
    this.#versions = `${prefix}{lists}:versions`;
    this.#nextVersion = `${prefix}{lists}:next-version`;
  }

  async liveLists(): Promise<LiveList[]> {
    return liveListsOf(await this.#redis.hgetall(this.#live));
  }

  async beginVersion(exposureId: string, profileId: string, bucketBits: number, now: Date): Promise<StagedList> {
    const version = await this.#redis.hincrby(this.#nextVersion, exposureId, 1);
    const staged: UnusedVersion = { exposureId, version, profileId, bucketBits, startedAt: now.toISOString() };
    await this.#redis.hset(this.#versions, versionField(exposureId, version), JSON.stringify(staged));
    return { exposureId, version, profileId, bucketBits };
  }

  async addEntries(staged: StagedList, entries: readonly ListEntry[]): Promise<number> {
    const byBucket = new Map<number, Buffer[]>();
    for (const entry of entries) {
      const digests = byBucket.get(entry.bucket) ?? [];
      digests.push(entry.digest, EMPTY);
      byBucket.set(entry.bucket, digests);
    }
    const pipeline = this.#redis.pipeline();
    for (const [bucket, fieldsAndValues] of byBucket) {
      pipeline.hset(this.#bucketKey(bucket, staged), ...fieldsAndValues);
    }
    return sumAdded(await pipeline.exec());
  }

  async activate(staged: StagedList, records: number, now: Date): Promise<LiveList | null> {
    const live: LiveList = {
      exposureId: staged.exposureId,
      version: staged.version,
      profileId: staged.profileId,
      records,
      activatedAt: now.toISOString(),
    };
    const previous = (await this.#redis.eval(
      SWAP_LIVE,
      2,
      this.#live,
      this.#versions,
      staged.exposureId,
      JSON.stringify(live),
      versionField(staged.exposureId, staged.version),
    )) as string | number | null;
    if (previous === -1) throw new StagedVersionGoneError(staged.exposureId, staged.version);
    if (typeof previous === 'number') throw new Error(`unexpected activation reply ${previous}`);
    return previous === null ? null : (JSON.parse(previous) as LiveList);
  }

  async deleteVersion(exposureId: string, version: number, bucketBits?: number): Promise<void> {
    const field = versionField(exposureId, version);
    const json = await this.#redis.hget(this.#versions, field);
    if (json === null && bucketBits === undefined) return;
    const record = json === null ? { exposureId, version, bucketBits: bucketBits ?? 0 } : (JSON.parse(json) as UnusedVersion);
    const live = await this.#redis.hget(this.#live, exposureId);
    if (live !== null && (JSON.parse(live) as LiveList).version === version) {
      throw new Error(`refusing to delete the live version ${field}`);
    }
    const buckets = 2 ** record.bucketBits;
    for (let start = 0; start < buckets; start += DELETE_BATCH) {
      const pipeline = this.#redis.pipeline();
      for (let bucket = start; bucket < Math.min(start + DELETE_BATCH, buckets); bucket += 1) {
        pipeline.unlink(this.#bucketKey(bucket, record));
      }
      throwFirstError(await pipeline.exec());
    }
    // The record goes last: if deletion is interrupted, the version is still listed for cleanup.
    await this.#redis.hdel(this.#versions, field);
  }

  async unusedVersions(): Promise<UnusedVersion[]> {
    const [versions, live] = await Promise.all([this.#redis.hgetall(this.#versions), this.liveLists()]);
    const liveFields = new Set(live.map((list) => versionField(list.exposureId, list.version)));
    return Object.entries(versions)
      .filter(([field]) => !liveFields.has(field))
      .map(([, json]) => JSON.parse(json) as UnusedVersion);
  }

  async removeList(exposureId: string): Promise<void> {
    // Offline first, so no check can see a half-deleted list.
    await this.#redis.hdel(this.#live, exposureId);
    const versions = await this.unusedVersions();
    for (const version of versions.filter((candidate) => candidate.exposureId === exposureId)) {
      await this.deleteVersion(exposureId, version.version);
    }
  }

  async probe(probes: readonly ListProbe[]): Promise<ProbeResult> {
    const pipeline = this.#redis.pipeline();
    for (const probe of probes) {
      pipeline.hexists(this.#bucketKey(probe.entry.bucket, probe), probe.entry.digest);
    }
    // Redis runs one connection's commands in the order sent: this read comes after every probe.
    pipeline.hgetall(this.#live);
    const results = (await pipeline.exec()) ?? [];
    throwFirstError(results);
    if (results.length !== probes.length + 1) throw new Error('the probe pipeline was answered only in part');
    return {
      found: results.slice(0, probes.length).map(([, value]) => value === 1),
      liveAfter: liveListsOf(results[probes.length]?.[1] as Record<string, string>),
    };
  }

  #bucketKey(bucket: number, list: { exposureId: string; version: number; bucketBits?: number }): string {
    return `${this.#prefix}lists:{${bucket.toString(16).padStart(6, '0')}}:${versionField(list.exposureId, list.version)}`;
  }
}

const EMPTY = Buffer.alloc(0);

function versionField(exposureId: string, version: number): string {
  return `${exposureId}/${version}`;
}

type PipelineResults = [Error | null, unknown][] | null;

/** The live-pointer hash's fields (exposure id -> JSON), as lists. */
function liveListsOf(fields: Record<string, string>): LiveList[] {
  return Object.values(fields).map((json) => JSON.parse(json) as LiveList);
}

function throwFirstError(results: PipelineResults): void {
  const failed = (results ?? []).find(([error]) => error !== null);
  if (failed?.[0]) throw failed[0];
}

function sumAdded(results: PipelineResults): number {
  throwFirstError(results);
  return (results ?? []).reduce((sum, [, added]) => sum + Number(added), 0);
}
