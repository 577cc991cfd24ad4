import Redis from 'ioredis';
import type { RedisClient } from '../../src/store';
import { connectTestCluster, deleteKeys, keysWithPrefix, testRedisUrl, uniquePrefix } from '../support/test-redis';

/** One fresh, empty store of one implementation, and how to let go of it. */
export interface OpenedStore<S> {
  store: S;
  close(): Promise<void>;
}

/** Opens a fresh, empty store each time it is called: what every store contract runs on. */
export type OpenStore<S> = () => Promise<OpenedStore<S>>;

/** The memory implementation: a new instance is a new, empty store. */
export function inMemory<S>(make: () => S): OpenStore<S> {
  return async () => ({ store: make(), close: async () => undefined });
}

/**
 * The Redis implementation on the test Redis, on a connection and under a key prefix of its own,
 * so each opening sees an empty store; closing deletes what it wrote.
 */
export function onRedis<S>(name: string, make: (redis: Redis, prefix: string) => S): OpenStore<S> {
  return async () => {
    const redis = new Redis(testRedisUrl());
    const prefix = uniquePrefix(name);
    return {
      store: make(redis, prefix),
      close: async () => {
        const keys = await keysWithPrefix(redis, prefix);
        for (let start = 0; start < keys.length; start += 1000) await redis.unlink(...keys.slice(start, start + 1000));
        await redis.quit();
      },
    };
  };
}

/**
 * The Redis implementation on the test cluster (3 masters, 3 replicas), through the client the
 * service makes for REDIS_CLUSTER_NODES, under a key prefix of its own; closing deletes what it
 * wrote, key by key (they are spread over the masters).
 */
export function onRedisCluster<S>(name: string, make: (redis: RedisClient, prefix: string) => S): OpenStore<S> {
  return async () => {
    const cluster = await connectTestCluster();
    const prefix = uniquePrefix(name);
    return {
      store: make(cluster, prefix),
      close: async () => {
        await deleteKeys(cluster, await keysWithPrefix(cluster, prefix));
        await cluster.quit();
      },
    };
  };
}

/**
 * Runs `body` with a store opened for one test, closing it whatever happens: for the tests that
 * need a second store beside the one of `beforeEach`.
 */
export async function withStore<S>(open: OpenStore<S>, body: (store: S) => Promise<void>): Promise<void> {
  const opened = await open();
  try {
    await body(opened.store);
  } finally {
    await opened.close();
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
