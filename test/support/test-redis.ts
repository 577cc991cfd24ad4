import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import Redis, { Cluster } from 'ioredis';
import { connectRedis, type RedisClient } from '../../src/store';

export function testRedisUrl(): string {
  const url = process.env.REDIS_URL;
  if (!url) throw new Error('REDIS_URL is not set: jest globalSetup should have started Redis');
  return url;
}

/** A key prefix of this test's own, so test files never see each other's keys. */
export function uniquePrefix(name: string): string {
  return `test:${name}:${randomBytes(4).toString('hex')}:`;
}

/**
 * The store this run's suites share: one Redis (`npm test`) or the test cluster (`npm run
 * test:cluster`, TEST_STORE=cluster). Suites that need one kind in particular (the contract suites
 * run on both, the fault suites start servers of their own) do not ask.
 */
export type SharedStore = 'redis' | 'cluster';

export function sharedStore(): SharedStore {
  const chosen = process.env.TEST_STORE ?? 'redis';
  if (chosen !== 'redis' && chosen !== 'cluster') throw new Error(`TEST_STORE must be redis or cluster, not ${chosen}`);
  noteSharedStoreUser();
  return chosen;
}

/**
 * With TEST_SHARED_STORE_LOG set, each test file that reaches the shared store writes its path
 * there: `.ci/run` runs those files again on the cluster, without a list kept by hand.
 */
function noteSharedStoreUser(): void {
  const log = process.env.TEST_SHARED_STORE_LOG;
  const file = expect.getState().testPath;
  if (log && file) appendFileSync(log, `${file}\n`);
}

/** What the service's configuration needs to reach the shared store. */
export function sharedStoreEnv(): { REDIS_URL: string } | { REDIS_CLUSTER_NODES: string } {
  return sharedStore() === 'cluster' ? { REDIS_CLUSTER_NODES: testClusterNodesText() } : { REDIS_URL: testRedisUrl() };
}

/** A client of the shared store: one Redis or the cluster. */
export type TestRedis = Redis | Cluster;

/** A plain client of the shared store, for looking at (or damaging) what the service wrote. */
export function newTestRedis(): TestRedis {
  return sharedStore() === 'cluster' ? newTestCluster() : new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
}

/**
 * Deletes keys wherever they are: one DEL per key, since on a cluster keys of different slots
 * cannot share one command.
 */
export async function deleteKeys(redis: Redis | Cluster, keys: readonly string[]): Promise<void> {
  await Promise.all(keys.map((key) => redis.del(key)));
}

/** The test cluster's nodes as REDIS_CLUSTER_NODES takes them (jest globalSetup started it). */
export function testClusterNodesText(): string {
  const nodes = process.env.TEST_REDIS_CLUSTER_NODES;
  if (!nodes) throw new Error('TEST_REDIS_CLUSTER_NODES is not set: jest globalSetup should have started the Redis Cluster');
  return nodes;
}

export function testClusterNodes(): { host: string; port: number }[] {
  return testClusterNodesText()
    .split(',')
    .map((node) => {
      const at = node.lastIndexOf(':');
      return { host: node.slice(0, at), port: Number(node.slice(at + 1)) };
    });
}

/** The test cluster through the client the service makes for REDIS_CLUSTER_NODES (connected, every master pinged). */
export function connectTestCluster(): Promise<RedisClient> {
  return connectRedis({ kind: 'cluster', nodes: testClusterNodes(), username: undefined, password: undefined, tls: false, natMap: {} });
}

/** A plain client of the test cluster, for looking at what the service wrote. */
export function newTestCluster(): Cluster {
  return new Cluster(testClusterNodes(), { redisOptions: { maxRetriesPerRequest: 1 } });
}

/** Every key under a prefix (SCAN, not KEYS: safe on a shared Redis); on a cluster, of every master. */
export function keysWithPrefix(redis: Redis | Cluster, prefix: string): Promise<string[]> {
  return keysMatching(redis, `${prefix}*`);
}

/** Every key matching a SCAN glob pattern; on a cluster, of every master. */
export async function keysMatching(redis: Redis | Cluster, pattern: string): Promise<string[]> {
  const nodes = redis instanceof Cluster ? await mastersOf(redis) : [redis];
  const keys: string[] = [];
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, batch] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 10_000);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
  }
  return keys;
}

/** The cluster's masters, once it has connected and learnt its slots. */
async function mastersOf(cluster: Cluster): Promise<Redis[]> {
  if (cluster.status !== 'ready') await new Promise<void>((resolve, reject) => {
    cluster.once('ready', resolve);
    cluster.once('error', reject);
  });
  return cluster.nodes('master');
}
