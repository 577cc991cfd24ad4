import { randomBytes } from 'node:crypto';
import Redis, { Cluster } from 'ioredis';

export function testRedisUrl(): string {
  const url = process.env.REDIS_URL;
  if (!url) throw new Error('REDIS_URL is not set: jest globalSetup should have started Redis');
  return url;
}

/** A key prefix of this test's own, so test files never see each other's keys. */
export function uniquePrefix(name: string): string {
  return `test:${name}:${randomBytes(4).toString('hex')}:`;
}

export function newTestRedis(): Redis {
  return new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
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

/** A plain client of the test cluster, for looking at what the service wrote. */
export function newTestCluster(): Cluster {
  return new Cluster(testClusterNodes(), { redisOptions: { maxRetriesPerRequest: 1 } });
}

/** Every key under a prefix (SCAN, not KEYS: safe on a shared Redis); on a cluster, of every master. */
export async function keysWithPrefix(redis: Redis | Cluster, prefix: string): Promise<string[]> {
  const nodes = redis instanceof Cluster ? await mastersOf(redis) : [redis];
  const keys: string[] = [];
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, batch] = await node.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
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
