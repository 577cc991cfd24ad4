import calculateSlot from 'cluster-key-slot';
import type { ChainableCommander, Cluster, Redis } from 'ioredis';
import { isCluster, type RedisClient } from './redis-client';

export type Pipeline = ChainableCommander;

/** One command of a batch: the key deciding which node runs it, and how to add it to a pipeline. */
export interface KeyedCommand {
  key: string;
  add(pipeline: Pipeline): unknown;
}

/**
 * Runs commands that touch keys anywhere, in as few round trips as the client allows, and returns
 * their replies in the order given after throwing the first error.
 *
 * On one Redis: one pipeline. On a cluster, a pipeline may only hold keys served by one node
 * (ioredis refuses others), so the commands are grouped by the node serving their key's slot and
 * each group is sent as one pipeline, all at once: one round trip in parallel to every node.
 */
export async function execKeyed(redis: RedisClient, commands: readonly KeyedCommand[]): Promise<unknown[]> {
  const [replies] = await execPhases(redis, [commands]);
  return replies ?? [];
}

/**
 * Like execKeyed for several phases, each run only after every command of the one before has been
 * answered: for a read that must come after others (a check reads the live pointers after its
 * bucket probes, so a list replaced meanwhile is seen). On one Redis all phases share one pipeline:
 * a connection's commands run in the order sent, so that order holds in one round trip. On a
 * cluster the phases go one after the other, a round trip each.
 */
export async function execPhases(redis: RedisClient, phases: readonly (readonly KeyedCommand[])[]): Promise<unknown[][]> {
  if (!isCluster(redis)) {
    const pipeline = redis.pipeline();
    for (const phase of phases) for (const command of phase) command.add(pipeline);
    const replies = repliesOf(await pipeline.exec(), phases.flat().length);
    let start = 0;
    return phases.map((phase) => replies.slice(start, (start += phase.length)));
  }
  const answered: unknown[][] = [];
  for (const phase of phases) answered.push(await execOnNodes(redis, phase));
  return answered;
}

/** Which node serves a key now: commands of one group may share a pipeline. */
function nodeGroupOf(cluster: Cluster, key: string): string {
  const slot = calculateSlot(key);
  // `slots` lists each slot's nodes, master first; ioredis groups pipelines by that same list.
  // Before the client has learnt the slots (still connecting), a group per slot: a pipeline of
  // one slot is always accepted, and ioredis sends it once it knows where.
  return cluster.slots[slot]?.join(';') ?? `slot ${slot}`;
}

async function execOnNodes(cluster: Cluster, commands: readonly KeyedCommand[]): Promise<unknown[]> {
  const groups = new Map<string, number[]>();
  commands.forEach((command, index) => {
    const group = nodeGroupOf(cluster, command.key);
    const members = groups.get(group) ?? [];
    members.push(index);
    groups.set(group, members);
  });
  const replies: unknown[] = new Array(commands.length);
  await Promise.all(
    [...groups.values()].map(async (members) => {
      const pipeline = cluster.pipeline();
      for (const index of members) (commands[index] as KeyedCommand).add(pipeline);
      repliesOf(await pipeline.exec(), members.length).forEach((reply, position) => {
        replies[members[position] as number] = reply;
      });
    }),
  );
  return replies;
}

function repliesOf(results: [Error | null, unknown][] | null, expected: number): unknown[] {
  const failed = (results ?? []).find(([error]) => error !== null);
  if (failed?.[0]) throw failed[0];
  // A pipeline answered in part (a connection lost mid-way) must not read as missing replies.
  if ((results ?? []).length !== expected) throw new Error(`a pipeline of ${expected} commands was answered ${results?.length ?? 0} times`);
  return (results ?? []).map(([, value]) => value);
}

/**
 * The connection to the node serving `key`: for the commands about a node rather than a key (WAIT,
 * ROLE), which a cluster client would send to any node. It is the connection the cluster client
 * sends that node's commands on, so WAIT counts their writes.
 */
export function nodeServing(redis: RedisClient, key: string): Redis {
  if (!isCluster(redis)) return redis;
  const [master] = redis.slots[calculateSlot(key)] ?? [];
  const node = redis.nodes('master').find((candidate) => `${candidate.options.host}:${candidate.options.port}` === master);
  if (node === undefined) throw new Error(`no connection to the master serving ${key}'s slot`);
  return node;
}
