import calculateSlot from 'cluster-key-slot';
import { execKeyed, type RedisClient } from '../store';
import { on } from './redis-batches';

/*
 * The highest version of each exposure that went live, written away from the live pointers.
 *
 * The pointers share the `{lists}` hash tag, so on a cluster they live on one master. When that
 * master fails over to a replica that had not received the newest swap, the pointer goes back to
 * the version before. A server that was running notices (RedisListStore remembers the highest
 * version it read); one started after the failover would not, and could answer from the older
 * version, or from the parts of it left on the rolled-back node, "not affected" to an address only
 * the newer version holds. So each activation also writes its version into hashes spread over
 * the slot range, one per eighth of it: Redis Cluster gives masters contiguous slot ranges, so
 * with up to eight masters every one holds a mark, and one node going back in time cannot take
 * them all with it. A server reads them at start and refuses a live version below them.
 *
 * On one Redis the marks sit on the same node as the pointers and go back with them; there the
 * store's identity and the bucket maps are what catch a store that lost data.
 */

const MARK_PARTS = 8;
const CLUSTER_SLOTS = 16_384;

// Sets field ARGV[1] to ARGV[2] unless it holds a higher number: two activations racing leave the higher.
const RAISE_MARK = `
local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if tonumber(ARGV[2]) > current then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
return 1`;

export class LiveVersionMarks {
  readonly #redis: RedisClient;
  readonly #keys: readonly string[];

  constructor(redis: RedisClient, prefix: string) {
    this.#redis = redis;
    this.#keys = markTags().map((tag) => `${prefix}{${tag}}:highest-live`);
  }

  /**
   * Raises every mark of the exposure to `version`. Best effort: the swap has already made the
   * version live, and a mark that could not be written only narrows what a later start can catch;
   * it resolves with how many of the marks took the write.
   */
  async raise(exposureId: string, version: number): Promise<number> {
    const written = await Promise.allSettled(
      this.#keys.map((key) => execKeyed(this.#redis, [on(key, (pipeline) => pipeline.eval(RAISE_MARK, 1, key, exposureId, version))])),
    );
    return written.filter((outcome) => outcome.status === 'fulfilled').length;
  }

  /** The highest version each exposure ever had live, as far as any mark remembers. */
  async highest(): Promise<Map<string, number>> {
    const replies = await execKeyed(
      this.#redis,
      this.#keys.map((key) => on(key, (pipeline) => pipeline.hgetall(key))),
    );
    const highest = new Map<string, number>();
    for (const reply of replies) {
      for (const [exposureId, text] of Object.entries(reply as Record<string, string>)) {
        const version = Number(text);
        if (Number.isSafeInteger(version) && version > (highest.get(exposureId) ?? 0)) highest.set(exposureId, version);
      }
    }
    return highest;
  }
}

/** One hash tag in each eighth of the cluster's slot range, the same on every server. */
function markTags(): string[] {
  const tags: string[] = [];
  for (let part = 0; part < MARK_PARTS; part += 1) {
    let candidate = 0;
    while (Math.floor(calculateSlot(`lists-mark-${candidate}`) / (CLUSTER_SLOTS / MARK_PARTS)) !== part) candidate += 1;
    tags.push(`lists-mark-${candidate}`);
  }
  return tags;
}
