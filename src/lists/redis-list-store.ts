import type Redis from 'ioredis';
import type { ListEntry } from '../hashing';
import { randomUUID } from 'node:crypto';
import { bitOfBucket, bucketsIn, GUARD_BIT, hasGuard, MAX_MAPPED_BUCKET_BITS } from './bucket-map';
import { ListDataLostError, StagedVersionGoneError, type Activation, type BucketRead, type BucketReadResult, type ListProbe, type ListStore, type LiveList, type ProbeResult, type StagedList, type UnusedVersion } from './list-store';
// The live-pointer hash carries the store's identity, written on a fresh store. A check reads it
// with the pointers, so a store that lost everything (or is another one) is noticed on the check
// itself. No exposure id (a slug) can be this field; and the hash never empties.
const IDENTITY_FIELD = '~store';

// Swaps the live pointer and returns the previous one (or false) and the new live number, in one
// atomic step; -1, changing nothing, when the staged version's record (KEYS[2], field ARGV[3]) was
// deleted meanwhile; -2 when the store's identity (ARGV[5] in field ARGV[4]) is gone: a list made
// live there would sit beside data that was lost. The live number is the exposure's count in
// KEYS[3] plus one, written into the pointer's JSON (ARGV[2], an object without it). A pointer
// from before the count (no liveNumber, no count) counts as number 1, so the next one is 2.
const SWAP_LIVE = `
if redis.call('HGET', KEYS[1], ARGV[4]) ~= ARGV[5] then return -2 end
if redis.call('HEXISTS', KEYS[2], ARGV[3]) == 0 then return -1 end
local previous = redis.call('HGET', KEYS[1], ARGV[1])
local last = tonumber(redis.call('HGET', KEYS[3], ARGV[1]) or '0')
if previous then
  local shown = cjson.decode(previous).liveNumber or 1
  if shown > last then last = shown end
end
local number = last + 1
redis.call('HSET', KEYS[3], ARGV[1], number)
redis.call('HSET', KEYS[1], ARGV[1], string.sub(ARGV[2], 1, -2) .. ',"liveNumber":' .. number .. '}')
return {previous, number}`;

// Bucket keys per pipeline when counting or deleting a version's keys.
const BUCKET_BATCH = 4096;
// A second instance starting on a fresh store waits this long for the first to write the identity.
const IDENTITY_WAIT_MS = 3_000;

/**
 * Layout: one Redis hash per (bucket, version) that holds digests, field = 16-byte digest, empty
 * value, small enough to stay listpack-encoded; the bucket is the hash tag, so one probe touches
 * one slot. Beside them, per version, a bucket map (src/lists/bucket-map.ts) says which buckets
 * have a key, so that a missing key is told apart from an empty bucket: a probe reads the digest,
 * whether its key exists, the map's bit for the bucket and the map's length, so a lost key or a
 * lost map is a 503, never a miss, and a small list costs no keys for its empty buckets. Metadata
 * shares the `{lists}` tag so the live-pointer swap stays atomic on a cluster.
 */
export class RedisListStore implements ListStore {
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #live: string;
  readonly #versions: string;
  readonly #nextVersion: string;
  readonly #liveNumbers: string;
  #identity: string | undefined;
  // Bucket keys a probe found missing, kept in memory only (a bucket is part of an address's
  // argon2 output): readiness stays 503 until each is back or its version is no longer live.
  readonly #lostBuckets = new Map<string, { exposureId: string; version: number; bucket: number }>();

  constructor(redis: Redis, prefix: string) {
    this.#redis = redis;
    this.#prefix = prefix;
    this.#live = `${prefix}{lists}:live`;
    this.#versions = `${prefix}{lists}:versions`;
    this.#nextVersion = `${prefix}{lists}:next-version`;
    // Per exposure, how many versions went live (LiveList.liveNumber); kept across removals.
    this.#liveNumbers = `${prefix}{lists}:live-numbers`;
  }

  async bindIdentity({ freshStore }: { freshStore: boolean }): Promise<void> {
    if (freshStore) await this.#redis.hsetnx(this.#live, IDENTITY_FIELD, randomUUID());
    const deadline = Date.now() + IDENTITY_WAIT_MS;
    let identity = await this.#redis.hget(this.#live, IDENTITY_FIELD);
    while (identity === null && Date.now() < deadline) {
      if ((await this.#redis.hlen(this.#live)) > 0) {
        // Pointers without an identity: a store written before identities existed. It is intact
        // as far as anyone can tell; from now on it carries one, and its live versions get the
        // bucket maps that layout did not write.
        for (const list of await this.liveLists()) await this.#buildBucketMap(list);
        await this.#redis.hsetnx(this.#live, IDENTITY_FIELD, randomUUID());
      } else {
        // Another instance may be initializing this fresh store right now.
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      identity = await this.#redis.hget(this.#live, IDENTITY_FIELD);
    }
    if (identity === null) {
      throw new ListDataLostError(
        "the server key's check value is stored but the lists' identity is not, so the store was wiped " +
          'or restarted empty while it held data',
      );
    }
    this.#identity = identity;
  }

  async verifyIntact(): Promise<void> {
    const identity = this.#boundIdentity();
    const lost = [...this.#lostBuckets.entries()];
    const pipeline = this.#redis.pipeline();
    for (const [, bucket] of lost) this.#probeCommands(pipeline, bucket, bucket.bucket);
    pipeline.hgetall(this.#live);
    const results = (await pipeline.exec()) ?? [];
    throwFirstError(results);
    const live = this.#verifiedLiveLists(results[PROBE_COMMANDS * lost.length]?.[1], identity);
    const liveVersions = new Map(live.map((list) => [list.exposureId, list.version]));
    lost.forEach(([name, bucket], index) => {
      const back = bucketIntact(results.slice(PROBE_COMMANDS * index, PROBE_COMMANDS * (index + 1)));
      if (back || liveVersions.get(bucket.exposureId) !== bucket.version) this.#lostBuckets.delete(name);
    });
    const [still] = this.#lostBuckets.values();
    if (still !== undefined) throw lostBucketError(still);
  }

  async liveLists(): Promise<LiveList[]> {
    return liveListsOf(await this.#redis.hgetall(this.#live));
  }

  async beginVersion(exposureId: string, profileId: string, bucketBits: number, now: Date): Promise<StagedList> {
    if (bucketBits > MAX_MAPPED_BUCKET_BITS) throw new Error(`lists of more than ${MAX_MAPPED_BUCKET_BITS} bucket bits are not supported`);
    const version = await this.#redis.hincrby(this.#nextVersion, exposureId, 1);
    const staged: UnusedVersion = { exposureId, version, profileId, bucketBits, startedAt: now.toISOString() };
    await this.#redis.hset(this.#versions, versionField(exposureId, version), JSON.stringify(staged));
    // After the record, so that an upload cut short here is still found and cleaned up.
    await this.#redis.setbit(this.#bucketMapKey(staged), GUARD_BIT, 1);
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
    const map = this.#bucketMapKey(staged);
    for (const [bucket, fieldsAndValues] of byBucket) {
      pipeline.hset(this.#bucketKey(bucket, staged), ...fieldsAndValues);
      pipeline.setbit(map, bitOfBucket(bucket), 1);
    }
    const results = await pipeline.exec();
    throwFirstError(results);
    // Every other reply is an HSET's count of new fields; the SETBITs' are not rows.
    return (results ?? []).reduce((sum, [, added], index) => (index % 2 === 0 ? sum + Number(added) : sum), 0);
  }

  async activate(staged: StagedList, records: number, now: Date): Promise<Activation> {
    // A version cleaned away meanwhile is "cancelled", not "incomplete" (SWAP_LIVE checks it again atomically).
    if ((await this.#redis.hexists(this.#versions, versionField(staged.exposureId, staged.version))) === 0) {
      throw new StagedVersionGoneError(staged.exposureId, staged.version);
    }
    await this.#verifyComplete(staged, records);
    // Without liveNumber: the script adds it, counted atomically with the swap.
    const live: Omit<LiveList, 'liveNumber'> = {
      exposureId: staged.exposureId,
      version: staged.version,
      profileId: staged.profileId,
      records,
      activatedAt: now.toISOString(),
    };
    const reply = (await this.#redis.eval(
      SWAP_LIVE,
      3,
      this.#live,
      this.#versions,
      this.#liveNumbers,
      staged.exposureId,
      JSON.stringify(live),
      versionField(staged.exposureId, staged.version),
      IDENTITY_FIELD,
      this.#boundIdentity(),
    )) as [string | null, number] | number;
    if (reply === -2) throw new ListDataLostError("the store's identity is gone or changed");
    if (reply === -1) throw new StagedVersionGoneError(staged.exposureId, staged.version);
    if (!Array.isArray(reply)) throw new Error(`unexpected activation reply ${reply}`);
    const [previous, liveNumber] = reply;
    return { live: { ...live, liveNumber }, replaced: previous === null ? null : liveListOf(previous) };
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
    // The map names the buckets that have keys; without its guard (lost, perhaps written again by
    // rows of an upload that went on after the version was cleaned) every bucket is tried.
    const map = await this.#redis.getBuffer(this.#bucketMapKey(record));
    const buckets = hasGuard(map) ? bucketsIn(map) : allBuckets(record.bucketBits);
    await this.#forEachBatch(buckets, record, (pipeline, key) => pipeline.unlink(key));
    await this.#redis.unlink(this.#bucketMapKey(record));
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
    const identity = this.#boundIdentity();
    const pipeline = this.#redis.pipeline();
    for (const probe of probes) {
      pipeline.hexists(this.#bucketKey(probe.entry.bucket, probe), probe.entry.digest);
      this.#probeCommands(pipeline, probe, probe.entry.bucket);
    }
    // Redis runs one connection's commands in the order sent: this read comes after every probe.
    pipeline.hgetall(this.#live);
    const results = (await pipeline.exec()) ?? [];
    throwFirstError(results);
    const perProbe = PROBE_COMMANDS + 1;
    if (results.length !== perProbe * probes.length + 1) throw new Error('the probe pipeline was answered only in part');
    const liveAfter = this.#verifiedLiveLists(results[perProbe * probes.length]?.[1], identity);
    const liveVersions = new Map(liveAfter.map((list) => [list.exposureId, list.version]));
    const found = probes.map((probe, index) => {
      const start = perProbe * index;
      // A version replaced since the caller read the pointers may be deleted already: a miss that
      // the caller discards, as liveAfter shows the change. A live version cannot have lost data.
      if (!bucketIntact(results.slice(start + 1, start + perProbe)) && liveVersions.get(probe.exposureId) === probe.version) {
        const lost = { exposureId: probe.exposureId, version: probe.version, bucket: probe.entry.bucket };
        this.#lostBuckets.set(this.#bucketKey(lost.bucket, lost), lost);
        throw lostBucketError(lost);
      }
      return results[start]?.[1] === 1;
    });
    return { found, liveAfter };
  }

  async readBuckets(reads: readonly BucketRead[]): Promise<BucketReadResult> {
    const identity = this.#boundIdentity();
    const pipeline = this.#redis.pipeline();
    for (const read of reads) {
      pipeline.hkeysBuffer(this.#bucketKey(read.bucket, read));
      this.#probeCommands(pipeline, read, read.bucket);
    }
    // After every bucket, as in probe: the caller compares it with the versions it read.
    pipeline.hgetall(this.#live);
    const results = (await pipeline.exec()) ?? [];
    throwFirstError(results);
    const perRead = PROBE_COMMANDS + 1;
    if (results.length !== perRead * reads.length + 1) throw new Error('the bucket pipeline was answered only in part');
    const liveAfter = this.#verifiedLiveLists(results[perRead * reads.length]?.[1], identity);
    const liveVersions = new Map(liveAfter.map((list) => [list.exposureId, list.version]));
    const digests = reads.map((read, index) => {
      const start = perRead * index;
      if (!bucketIntact(results.slice(start + 1, start + perRead)) && liveVersions.get(read.exposureId) === read.version) {
        const lost = { exposureId: read.exposureId, version: read.version, bucket: read.bucket };
        this.#lostBuckets.set(this.#bucketKey(lost.bucket, lost), lost);
        throw lostBucketError(lost);
      }
      return (results[start]?.[1] ?? []) as Buffer[];
    });
    return { digests, liveAfter };
  }

  /**
   * What tells a bucket's state, after its digest was asked: whether its key exists, its bit in the
   * bucket map, and the map's guard. All integer replies of one byte whatever they say, so a hit
   * and a miss cost the same commands and bytes; and since a live version's keys are never
   * written again, a key there after the digest was asked was there when it was asked.
   */
  #probeCommands(pipeline: ReturnType<Redis['pipeline']>, list: { exposureId: string; version: number }, bucket: number): void {
    const map = this.#bucketMapKey(list);
    pipeline.exists(this.#bucketKey(bucket, list));
    pipeline.getbit(map, bitOfBucket(bucket));
    pipeline.getbit(map, GUARD_BIT);
  }

  /**
   * Before a version goes live: its bucket map is whole, every bucket it names has a key, and
   * together they hold exactly the rows written. A key lost during the upload (a restart, a
   * failover of the node holding it) and written again by later rows lacks its earlier rows, so
   * the count tells, and the version never goes live with rows missing.
   */
  async #verifyComplete(staged: StagedList, records: number): Promise<void> {
    const map = await this.#redis.getBuffer(this.#bucketMapKey(staged));
    const lost = (detail: string) =>
      new ListDataLostError(`version ${versionField(staged.exposureId, staged.version)} ${detail} before going live`);
    if (!hasGuard(map)) throw lost('lost its bucket map');
    let stored = 0;
    let missing = 0;
    await this.#forEachBatch(
      bucketsIn(map),
      staged,
      (pipeline, key) => pipeline.hlen(key),
      (results) => {
        for (const [, fields] of results) {
          if (Number(fields) === 0) missing += 1;
          stored += Number(fields);
        }
      },
    );
    if (missing > 0 || stored !== records) throw lost(`holds ${stored} of the ${records} rows written (${missing} bucket keys missing)`);
  }

  /** Writes the bucket map of a live version of the layout before maps: the buckets that have keys. */
  async #buildBucketMap(list: LiveList): Promise<void> {
    const json = await this.#redis.hget(this.#versions, versionField(list.exposureId, list.version));
    if (json === null) return;
    const record = JSON.parse(json) as UnusedVersion;
    const present: number[] = [];
    let start = 0;
    const buckets = allBuckets(record.bucketBits);
    await this.#forEachBatch(
      buckets,
      record,
      (pipeline, key) => pipeline.exists(key),
      (results) => {
        results.forEach(([, exists], index) => {
          if (exists === 1) present.push(buckets[start + index] as number);
        });
        start += results.length;
      },
    );
    const map = this.#bucketMapKey(record);
    for (let from = 0; from < present.length; from += BUCKET_BATCH) {
      const pipeline = this.#redis.pipeline();
      for (const bucket of present.slice(from, from + BUCKET_BATCH)) pipeline.setbit(map, bitOfBucket(bucket), 1);
      throwFirstError(await pipeline.exec());
    }
    await this.#redis.setbit(map, GUARD_BIT, 1);
  }

  #boundIdentity(): string {
    if (this.#identity === undefined) throw new Error('the list store was used before bindIdentity');
    return this.#identity;
  }

  /** The live lists of an HGETALL reply, if the reply carries the identity bound at start. */
  #verifiedLiveLists(reply: unknown, identity: string): LiveList[] {
    const fields = reply as Record<string, string>;
    const found = fields[IDENTITY_FIELD];
    if (found === undefined) throw new ListDataLostError("the store's identity is gone: it was wiped or restarted empty");
    if (found !== identity) throw new ListDataLostError('the store has another identity than at start: it was replaced');
    return liveListsOf(fields);
  }

  /** Runs `command` on the key of each of `buckets` of `list`, a pipeline per batch, handing each batch's replies to `read`. */
  async #forEachBatch(
    buckets: readonly number[],
    list: { exposureId: string; version: number },
    command: (pipeline: ReturnType<Redis['pipeline']>, key: string) => unknown,
    read: (results: [Error | null, unknown][]) => void = () => undefined,
  ): Promise<void> {
    for (let start = 0; start < buckets.length; start += BUCKET_BATCH) {
      const pipeline = this.#redis.pipeline();
      for (const bucket of buckets.slice(start, start + BUCKET_BATCH)) command(pipeline, this.#bucketKey(bucket, list));
      const results = await pipeline.exec();
      throwFirstError(results);
      read(results ?? []);
    }
  }

  #bucketMapKey(list: { exposureId: string; version: number }): string {
    return `${this.#prefix}{lists}:buckets:${versionField(list.exposureId, list.version)}`;
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

/** The live-pointer hash's fields (exposure id -> JSON), as lists; the identity is not one. */
function liveListsOf(fields: Record<string, string>): LiveList[] {
  return Object.entries(fields)
    .filter(([field]) => field !== IDENTITY_FIELD)
    .map(([, json]) => liveListOf(json));
}

/**
 * A live pointer as stored. Migration on read: a pointer written before live numbers were counted
 * has none, and reads as 1 (the versions that went live before it cannot be told from those that
 * were refused); its replacement gets 2.
 */
function liveListOf(json: string): LiveList {
  const stored = JSON.parse(json) as Omit<LiveList, 'liveNumber'> & { liveNumber?: number };
  return { ...stored, liveNumber: stored.liveNumber ?? 1 };
}

// The replies that tell a bucket's state, after its digest's (see #probeCommands).
const PROBE_COMMANDS = 3;

/** Whether a bucket's replies (exists, its map bit, the guard) show it as it was written: keyed as mapped, map whole. */
function bucketIntact(replies: [Error | null, unknown][]): boolean {
  const [exists, mapped, guard] = replies.map(([, value]) => value);
  return guard === 1 && exists === mapped;
}

function allBuckets(bucketBits: number): number[] {
  return Array.from({ length: 2 ** bucketBits }, (_, bucket) => bucket);
}

function lostBucketError(lost: { exposureId: string; version: number }): ListDataLostError {
  return new ListDataLostError(`live version ${versionField(lost.exposureId, lost.version)} is missing a bucket key`);
}

function throwFirstError(results: PipelineResults): void {
  const failed = (results ?? []).find(([error]) => error !== null);
  if (failed?.[0]) throw failed[0];
}
