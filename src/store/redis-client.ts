import Redis, { Cluster, type ClusterOptions, type RedisOptions } from 'ioredis';

/** What every store talks to: one Redis, or a Redis Cluster (REDIS_CLUSTER_NODES). */
export type RedisClient = Redis | Cluster;

/** Where the store is: a single Redis by URL, or a cluster by its seed nodes. */
export type RedisTarget =
  | { kind: 'single'; url: string }
  | {
      kind: 'cluster';
      /** Seeds: the client learns the rest of the cluster from any one of them. */
      nodes: { host: string; port: number }[];
      username: string | undefined;
      password: string | undefined;
      tls: boolean;
      /**
       * Addresses the nodes announce (CLUSTER SLOTS) mapped to ones this process can reach, for a
       * cluster behind NAT or in containers whose announced addresses are private to them.
       */
      natMap: Record<string, { host: string; port: number }>;
    };

// Fail fast: with Redis gone, a check must become a 503 within moments, not wait in an offline
// queue while the customer stares at a spinner. The same on every node of a cluster.
const FAIL_FAST: Pick<RedisOptions, 'maxRetriesPerRequest' | 'commandTimeout' | 'connectTimeout'> = {
  maxRetriesPerRequest: 1,
  commandTimeout: 2_000,
  connectTimeout: 5_000,
};
// What ioredis says when a connection failed, without saying why: a later, more specific error wins.
const GENERIC_CONNECT_ERROR = /^(Connection is closed|Failed to refresh slots cache|None of startup nodes is available)/;
// Keep reconnecting in the background so the service recovers on its own when Redis returns.
const reconnectDelay = (attempt: number): number => Math.min(attempt * 200, 2_000);

export async function connectRedis(target: RedisTarget | string): Promise<RedisClient> {
  const chosen: RedisTarget = typeof target === 'string' ? { kind: 'single', url: target } : target;
  const redis = chosen.kind === 'single' ? singleClient(chosen.url) : clusterClient(chosen);
  // Without a listener ioredis prints every reconnect failure; readiness reports the state instead.
  // The last one is kept: when the first connection fails, ioredis rejects with only "Connection
  // is closed." or "None of startup nodes is available", and the operator needs the reason.
  let lastError: Error | undefined;
  const remember = (error: Error) => {
    if (lastError === undefined || !GENERIC_CONNECT_ERROR.test(error.message)) lastError = error;
  };
  redis.on('error', remember);
  // A cluster's own errors say only that no node answered; each node's says why.
  if (isCluster(redis)) redis.on('node error', (error: Error, node: string) => remember(new Error(`${node}: ${error.message}`)));
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw withCause(error, lastError);
  }
  // A cluster client connects to a node when it first has a command for it, and a burst of
  // commands sent while that connection is being made can reach the node out of the order sent.
  // Connected to every master before the first request, concurrent commands keep their order.
  if (isCluster(redis)) await Promise.all(redis.nodes('master').map((node) => node.ping()));
  return redis;
}

/** Whether the client is a cluster's: multi-key work must then be split by node (redis-groups.ts). */
export function isCluster(redis: RedisClient): redis is Cluster {
  return redis instanceof Cluster;
}

/**
 * The connection error, its message followed by what Redis or the network said (ECONNREFUSED,
 * WRONGPASS, a TLS failure...). The message keeps its start, which isStoreFailure recognises.
 * Neither holds a password: ioredis's errors name hosts and ports only.
 */
function withCause(error: unknown, cause: Error | undefined): unknown {
  if (!(error instanceof Error) || cause === undefined || cause === error || error.message.includes(cause.message)) return error;
  return new Error(`${error.message.replace(/\.$/, '')}: ${cause.message}`, { cause });
}

function singleClient(url: string): Redis {
  return new Redis(url, { ...FAIL_FAST, lazyConnect: true, enableOfflineQueue: false, retryStrategy: reconnectDelay });
}

function clusterClient(target: Extract<RedisTarget, { kind: 'cluster' }>): Cluster {
  const options: ClusterOptions = {
    lazyConnect: true,
    // While the cluster is down or failing over, commands fail at once (503) instead of queueing.
    enableOfflineQueue: false,
    // Reads go to masters (the default, said here because it matters): a replica may lag behind a
    // list's activation, and a live pointer or a bucket read from it could be older than the catalogue.
    scaleReads: 'master',
    clusterRetryStrategy: reconnectDelay,
    // A MOVED or ASK during a resharding or failover is followed this many times, then the command fails.
    maxRedirections: 4,
    retryDelayOnFailover: 200,
    retryDelayOnClusterDown: 200,
    retryDelayOnTryAgain: 200,
    slotsRefreshTimeout: 2_000,
    natMap: target.natMap,
    redisOptions: {
      ...FAIL_FAST,
      username: target.username,
      password: target.password,
      // TLS to every node, checked against the name the client dialled (managed offerings sign
      // their nodes' certificates for the configuration endpoint's name: see the README).
      ...(target.tls ? { tls: {} } : {}),
    },
    // With TLS, resolve names on connect rather than up front: certificates name hosts, not addresses.
    ...(target.tls ? { dnsLookup: (address: string, callback: (error: Error | null, address: string) => void) => callback(null, address) } : {}),
  };
  return new Cluster(target.nodes, options);
}
