import { execPhases, type KeyedCommand, nodeServing, type RedisClient } from '../store';
import type { ListEntry } from '../hashing';
import { randomUUID } from 'node:crypto';
import { bitOfBucket, bucketsIn, GUARD_BIT, hasGuard } from './bucket-map';
import { SEARCH_BUCKET_LUA, SEARCH_FOUND, SEARCH_NO_KEY } from './bucket-search-script';
import { ListDataLostError, StagedVersionGoneError, type Activation, type BucketRead, type BucketReadResult, type ListProbe, type ListStore, type LiveList, type ProbeResult, type StagedList, type UnusedVersion } from './list-store';
import { allBuckets, on, type Pipeline, unlinkAll } from './redis-batches';
import { VersionKeys, versionField } from './redis-list-keys';
import { LiveVersionMarks } from './live-version-marks';
import { buildStagedMap, migrateLiveVersion } from './redis-list-migration';
import { deleteStaged, packStaged, sealStored } from './redis-list-packing';
import { assertListBucketBits, assertStoredBucket, digestsIn, STORED_BUCKET_BITS, storedBucketOf, storedDigestOf } from './stored-buckets';
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

// How long an activation waits for a replica to receive the swap (#awaitReplica).
const REPLICA_WAIT_MS = 1_000;
// A second instance starting on a fresh store waits this long for the first to write the identity.
const IDENTITY_WAIT_MS = 3_000;
// The bucket search (bucket-search-script.ts), defined on the client as a command: ioredis sends
// the script once per connection, then its SHA.
const SEARCH_COMMAND = 'exposureCheckSearchBucket';
// Live versions written before the version record noted bucketBits cannot exist (it always did);
// should one lack its record, it was written with the only profile width there was.
const RECORDLESS_BUCKET_BITS = 16;

/**
 * Layout (src/lists/redis-list-keys.ts): an upload stages its rows in one small hash per 16-bit
 * bucket, which counts new rows as HSET adds them; activation packs them into one string per
 * 12-bit bucket of sorted 8-byte digests (src/lists/stored-buckets.ts), which is all a live
 * version keeps: ~9.6 bytes a row at 1M rows (bench:import), where the hashes cost 31. A check searches its bucket
 * inside Redis (bucket-search-script.ts); the private check reads buckets whole. Beside each
 * layout, a bucket map (src/lists/bucket-map.ts) says which buckets have a key, so that a missing
 * key is told apart from an empty bucket: every read also asks the map's bit for the bucket and
 * the map's guard, so a lost key or a lost map is a 503, never a miss, and a small list costs no
 * keys for its empty buckets. Metadata shares the `{lists}` tag so the live-pointer swap stays
 * atomic on a cluster.
 */
export class RedisListStore implements ListStore {
  readonly #redis: RedisClient;
  readonly #prefix: string;
  readonly #live: string;
  readonly #versions: string;
  readonly #nextVersion: string;
  readonly #liveNumbers: string;
  #identity: string | undefined;
  // Stored buckets a read found missing, kept in memory only (a bucket is part of an address's
  // argon2 output): readiness stays 503 until each is back or its version is no longer live.
  readonly #lostBuckets = new Map<string, { exposureId: string; version: number; bucket: number }>();
  // Live versions of the layout before packing that could not be migrated at start (their old
  // keys had lost rows): readiness stays 503 while they are live.
  readonly #unmigrated = new Map<string, LiveList>();
  // Per exposure, the highest live version this process has read. Versions only grow (HINCRBY
  // numbers them, nothing makes an older one live again), so a lower one means the store lost
  // writes it had acknowledged: a failover to a replica that had not received the swap. Its old
  // pointer may name a version whose keys are deleted or, worse, whose rows answer as before the
  // upload; either way the checks answer 503 until a new upload goes live.
  readonly #highestLive = new Map<string, number>();
  // The same, written at each activation where a failover of the pointers' node cannot reach it
  // all, and read at start: a server started after such a failover knows what went live before.
  readonly #marks: LiveVersionMarks;

  constructor(redis: RedisClient, prefix: string) {
    this.#redis = redis;
    this.#prefix = prefix;
    this.#live = `${prefix}{lists}:live`;
    this.#versions = `${prefix}{lists}:versions`;
    this.#nextVersion = `${prefix}{lists}:next-version`;
    // Per exposure, how many versions went live (LiveList.liveNumber); kept across removals.
    this.#liveNumbers = `${prefix}{lists}:live-numbers`;
    this.#marks = new LiveVersionMarks(redis, prefix);
    redis.defineCommand(SEARCH_COMMAND, { numberOfKeys: 1, lua: SEARCH_BUCKET_LUA });
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
        for (const list of await this.liveLists()) await buildStagedMap(this.#redis, this.#keys(list), await this.#bucketBitsOf(list));
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
    // Live versions of the layout before packing are packed now, before this server answers.
    for (const list of await this.liveLists()) {
      const outcome = await migrateLiveVersion(this.#redis, this.#keys(list), await this.#bucketBitsOf(list), list.records);
      if (outcome === 'damaged') this.#unmigrated.set(versionField(list.exposureId, list.version), list);
    }
    // Last: a live version below its mark is refused by the checks and readiness (503), not by
    // the start, so that the server is up to take the upload that mends it.
    for (const [exposureId, version] of await this.#marks.highest()) {
      if (version > (this.#highestLive.get(exposureId) ?? 0)) this.#highestLive.set(exposureId, version);
    }
  }

  async verifyIntact(): Promise<void> {
    const identity = this.#boundIdentity();
    const lost = [...this.#lostBuckets.entries()];
    const [replies = [], [pointers] = []] = await execPhases(this.#redis, [
      lost.flatMap(([, bucket]) => {
        const key = this.#keys(bucket).storedBucket(bucket.bucket);
        return [on(key, (pipeline) => pipeline.exists(key)), ...mapCommands(this.#keys(bucket), bucket.bucket)];
      }),
      [this.#readPointers()],
    ]);
    const live = this.#verifiedLiveLists(pointers, identity);
    const liveVersions = new Map(live.map((list) => [list.exposureId, list.version]));
    lost.forEach(([name, bucket], index) => {
      const back = bucketIntact(replies[PER_READ * index] === 1, replies.slice(PER_READ * index + 1, PER_READ * (index + 1)));
      if (back || liveVersions.get(bucket.exposureId) !== bucket.version) this.#lostBuckets.delete(name);
    });
    for (const [name, list] of this.#unmigrated) {
      if (liveVersions.get(list.exposureId) !== list.version) this.#unmigrated.delete(name);
    }
    const [unmigrated] = this.#unmigrated.values();
    if (unmigrated !== undefined) {
      throw new ListDataLostError(
        `live version ${versionField(unmigrated.exposureId, unmigrated.version)}, of the layout before packed buckets, ` +
          'lost bucket keys, so it could not be migrated at start (restart the servers once a backup is restored)',
      );
    }
    const [still] = this.#lostBuckets.values();
    if (still !== undefined) throw lostBucketError(still);
  }

  async liveLists(): Promise<LiveList[]> {
    return this.#refuseRollback(liveListsOf(await this.#redis.hgetall(this.#live)));
  }

  async beginVersion(exposureId: string, profileId: string, bucketBits: number, now: Date): Promise<StagedList> {
    assertListBucketBits(bucketBits);
    let version = await this.#redis.hincrby(this.#nextVersion, exposureId, 1);
    // After a failover lost writes, the counter may have gone back below versions that were live:
    // a new upload takes a number above them, so it is never mistaken for (or mixed with the keys
    // of) a version of the same number that the failover forgot.
    const highest = this.#highestLive.get(exposureId) ?? 0;
    if (version <= highest) version = await this.#redis.hincrby(this.#nextVersion, exposureId, highest - version + 1);
    const staged: UnusedVersion = { exposureId, version, profileId, bucketBits, startedAt: now.toISOString() };
    await this.#redis.hset(this.#versions, versionField(exposureId, version), JSON.stringify(staged));
    // After the record, so that an upload cut short here is still found and cleaned up.
    await this.#redis.setbit(this.#keys(staged).stagedMap, GUARD_BIT, 1);
    return { exposureId, version, profileId, bucketBits };
  }

  async addEntries(staged: StagedList, entries: readonly ListEntry[]): Promise<number> {
    const byBucket = new Map<number, Buffer[]>();
    for (const entry of entries) {
      const digests = byBucket.get(entry.bucket) ?? [];
      // The stored bytes only: HSET counts as new what the stored layout will hold as distinct.
      digests.push(storedDigestOf(entry.digest), EMPTY);
      byBucket.set(entry.bucket, digests);
    }
    const keys = this.#keys(staged);
    const buckets = [...byBucket.entries()];
    // The map's bits first, then the rows: on a cluster the two are on different nodes, and a
    // map naming a bucket whose rows did not arrive is caught at activation (a row count short),
    // where rows the map does not name would be left behind when the version is deleted.
    const [, added = []] = await execPhases(this.#redis, [
      buckets.map(([bucket]) => on(keys.stagedMap, (pipeline) => pipeline.setbit(keys.stagedMap, bitOfBucket(bucket), 1))),
      buckets.map(([bucket, fieldsAndValues]) => {
        const key = keys.stagedBucket(bucket);
        return on(key, (pipeline) => pipeline.hset(key, ...fieldsAndValues));
      }),
    ]);
    // HSET's reply: how many of its fields were new.
    return added.reduce<number>((sum, count) => sum + Number(count), 0);
  }

  async activate(staged: StagedList, records: number, now: Date): Promise<Activation> {
    // A version cleaned away meanwhile is "cancelled", not "incomplete" (SWAP_LIVE checks it again atomically).
    if (!(await this.#recordExists(staged))) throw new StagedVersionGoneError(staged.exposureId, staged.version);
    try {
      await this.#packForActivation(staged, records);
    } catch (error) {
      // Its rows vanishing under the packing because a cleanup deleted the version is a cancellation too.
      if (error instanceof ListDataLostError && !(await this.#recordExists(staged))) {
        throw new StagedVersionGoneError(staged.exposureId, staged.version);
      }
      throw error;
    }
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
    await this.#marks.raise(staged.exposureId, staged.version);
    await this.#awaitReplica();
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
    const keys = this.#keys(record);
    const [stagedMap, storedMap] = await Promise.all([this.#redis.getBuffer(keys.stagedMap), this.#redis.getBuffer(keys.storedMap)]);
    // A map names the buckets that have keys. Without its guard (lost, perhaps written again by
    // rows of an upload that went on after the version was cleaned) every bucket is tried; but a
    // sealed stored layout whose staged map is gone had its staged keys deleted (the map goes last).
    const staged = hasGuard(stagedMap) ? bucketsIn(stagedMap) : stagedMap === null && hasGuard(storedMap) ? [] : allBuckets(record.bucketBits);
    const stored = hasGuard(storedMap) ? bucketsIn(storedMap) : allBuckets(STORED_BUCKET_BITS);
    await unlinkAll(this.#redis, [...staged.map((bucket) => keys.stagedBucket(bucket)), ...stored.map((bucket) => keys.storedBucket(bucket))]);
    await this.#redis.unlink(keys.stagedMap, keys.storedMap);
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
    const reads = probes.map((probe) => ({
      exposureId: probe.exposureId,
      version: probe.version,
      bucket: storedBucketOf(probe.entry.bucket, probe.bucketBits),
      digest: storedDigestOf(probe.entry.digest),
    }));
    // The pointers are read after every probe was answered (execPhases): a version replaced or
    // deleted meanwhile shows in liveAfter, so its missing rows are never taken for a miss.
    const [replies = [], [pointers] = []] = await execPhases(this.#redis, [
      reads.flatMap((read) => {
        const key = this.#keys(read).storedBucket(read.bucket);
        return [on(key, (pipeline) => searchBucket(pipeline, key, read.digest)), ...mapCommands(this.#keys(read), read.bucket)];
      }),
      [this.#readPointers()],
    ]);
    const liveAfter = this.#verifiedLiveLists(pointers, identity);
    const found = reads.map((read, index) => {
      const search = replies[PER_READ * index];
      this.#refuseLost(read, search !== SEARCH_NO_KEY, replies.slice(PER_READ * index + 1, PER_READ * (index + 1)), liveAfter);
      return search === SEARCH_FOUND;
    });
    return { found, liveAfter };
  }

  async readBuckets(reads: readonly BucketRead[]): Promise<BucketReadResult> {
    const identity = this.#boundIdentity();
    for (const read of reads) assertStoredBucket(read.bucket);
    // The pointers after every bucket, as in probe: the caller compares them with the versions it read.
    const [replies = [], [pointers] = []] = await execPhases(this.#redis, [
      reads.flatMap((read) => {
        const key = this.#keys(read).storedBucket(read.bucket);
        return [on(key, (pipeline) => pipeline.getBuffer(key)), ...mapCommands(this.#keys(read), read.bucket)];
      }),
      [this.#readPointers()],
    ]);
    const liveAfter = this.#verifiedLiveLists(pointers, identity);
    const digests = reads.map((read, index) => {
      const packed = replies[PER_READ * index] as Buffer | null;
      this.#refuseLost(read, packed !== null, replies.slice(PER_READ * index + 1, PER_READ * (index + 1)), liveAfter);
      return packed === null ? [] : digestsIn(packed);
    });
    return { digests, liveAfter };
  }

  /**
   * Throws ListDataLostError, remembering the bucket for readiness, when a read of a live
   * version's bucket found it not as written. A version replaced since the caller read the
   * pointers may be deleted already: a miss that the caller discards, as liveAfter shows the change.
   */
  #refuseLost(read: { exposureId: string; version: number; bucket: number }, exists: boolean, mapReplies: unknown[], liveAfter: readonly LiveList[]): void {
    if (bucketIntact(exists, mapReplies)) return;
    if (!liveAfter.some((list) => list.exposureId === read.exposureId && list.version === read.version)) return;
    const lost = { exposureId: read.exposureId, version: read.version, bucket: read.bucket };
    this.#lostBuckets.set(this.#keys(lost).storedBucket(lost.bucket), lost);
    throw lostBucketError(lost);
  }

  /**
   * Packs a staged version into its stored layout, refusing it if it does not hold exactly the rows
   * written: a key lost during the upload (a restart, a failover of the node holding it) and
   * written again by later rows lacks its earlier rows, so the count tells, and the version never
   * goes live with rows missing. The staged keys go as they are packed, before the swap: a live
   * version has nothing but its stored layout.
   */
  async #packForActivation(staged: StagedList, records: number): Promise<void> {
    const keys = this.#keys(staged);
    const packed = await packStaged(this.#redis, keys, staged.bucketBits, { consume: true });
    const lost = (detail: string) =>
      new ListDataLostError(`version ${versionField(staged.exposureId, staged.version)} ${detail} before going live`);
    if (packed.mapLost) throw lost('lost its bucket map');
    if (packed.missingKeys > 0 || packed.rows !== records) {
      throw lost(`holds ${packed.rows} of the ${records} rows written (${packed.missingKeys} bucket keys missing)`);
    }
    if (packed.mismatched > 0) throw lost(`lost ${packed.mismatched} of its packed bucket keys`);
    await sealStored(this.#redis, keys);
    // Its hashes went as they were packed: the map is all that is left of the staged layout.
    await deleteStaged(this.#redis, keys, []);
  }

  async #recordExists(list: { exposureId: string; version: number }): Promise<boolean> {
    return (await this.#redis.hexists(this.#versions, versionField(list.exposureId, list.version))) === 1;
  }

  async #bucketBitsOf(list: LiveList): Promise<number> {
    const json = await this.#redis.hget(this.#versions, versionField(list.exposureId, list.version));
    return json === null ? RECORDLESS_BUCKET_BITS : (JSON.parse(json) as UnusedVersion).bucketBits;
  }

  /**
   * After the swap, before the caller deletes the version it replaced: when the pointers' node has
   * replicas, wait (up to REPLICA_WAIT_MS) until one has received the swap, so that a failover right
   * after it keeps the new version live rather than bringing back a pointer to deleted keys. Best
   * effort: a replica that does not answer in time does not undo a swap already made; the rollback
   * is then caught by #refuseRollback. WAIT counts this connection's writes, so it goes to that node.
   */
  async #awaitReplica(): Promise<void> {
    const node = nodeServing(this.#redis, this.#live);
    const role = await node.role();
    const replicas = role[0] === 'master' && Array.isArray(role[2]) ? role[2].length : 0;
    if (replicas > 0) await node.wait(1, REPLICA_WAIT_MS);
  }

  #readPointers(): KeyedCommand {
    return on(this.#live, (pipeline) => pipeline.hgetall(this.#live));
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
    return this.#refuseRollback(liveListsOf(fields));
  }

  #refuseRollback(lists: LiveList[]): LiveList[] {
    for (const list of lists) {
      const highest = this.#highestLive.get(list.exposureId) ?? 0;
      if (list.version < highest) {
        throw new ListDataLostError(
          `the live version of ${list.exposureId} went back from ${highest} to ${list.version}, so the store lost writes it ` +
            'had acknowledged (a failover to a replica that had not received them); upload the list again',
        );
      }
      if (list.version > highest) this.#highestLive.set(list.exposureId, list.version);
    }
    return lists;
  }

  #keys(list: { exposureId: string; version: number }): VersionKeys {
    return new VersionKeys(this.#prefix, list);
  }
}

const EMPTY = Buffer.alloc(0);

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

// Per bucket read: the read itself (search, GET or EXISTS), then mapCommands' two.
const PER_READ = 3;

/**
 * What tells a stored bucket's state beside the read of its key: the stored map's bit for it and
 * the map's guard. One-byte integer replies whatever they say, so a hit and a miss cost the same
 * commands and bytes; and since a live version's keys are never written again, a key there when
 * read was there when the map was read.
 */
function mapCommands(keys: VersionKeys, bucket: number): KeyedCommand[] {
  return [
    on(keys.storedMap, (pipeline) => pipeline.getbit(keys.storedMap, bitOfBucket(bucket))),
    on(keys.storedMap, (pipeline) => pipeline.getbit(keys.storedMap, GUARD_BIT)),
  ];
}

/** Whether a bucket is as written: keyed as mapped, and the map whole (guard). */
function bucketIntact(exists: boolean, [mapped, guard]: unknown[]): boolean {
  return guard === 1 && exists === (mapped === 1);
}

function searchBucket(pipeline: Pipeline, key: string, digest: Buffer): void {
  (pipeline as unknown as Record<typeof SEARCH_COMMAND, (key: string, digest: Buffer) => unknown>)[SEARCH_COMMAND](key, digest);
}

function lostBucketError(lost: { exposureId: string; version: number }): ListDataLostError {
  return new ListDataLostError(`live version ${versionField(lost.exposureId, lost.version)} is missing a bucket key`);
}
