import type { Express } from 'express';
import pino, { type Logger } from 'pino';
import { createApp } from '../../src/app';
import { loadConfig, type Config } from '../../src/config/config';
import { seedDemo } from '../../src/demo/seed-demo';
import { generateOprfSecretKey } from '../../src/hashing/oprf-key';
import { openService, prepareToServe, type Service } from '../../src/service';
import { sharedStoreEnv, testClusterNodesText, testRedisUrl, uniquePrefix } from './test-redis';

export interface TestService {
  app: Express;
  runtime: Service;
  config: Config;
  close(): Promise<void>;
}

export function hexKey(key: Uint8Array = generateOprfSecretKey()): string {
  return Buffer.from(key).toString('hex');
}

/**
 * Check budgets off: every test would otherwise share 127.0.0.1's ten checks a minute.
 * test/abuse/ sets them explicitly to test them.
 */
export const NO_RATE_LIMITS = { RATE_LIMIT_PER_IP: '0', RATE_LIMIT_PER_IPV6_64: '0', RATE_LIMIT_GLOBAL: '0' };

/** Config as the server would load it from the environment, with test defaults. */
export function testConfig(env: Record<string, string | undefined>): Config {
  return loadConfig({ LOG_LEVEL: 'silent', ...NO_RATE_LIMITS, ...env });
}

/**
 * The real app over a real store, prepared as the server prepares it: the shared store, the test
 * Redis or the test cluster (REDIS_CLUSTER_NODES) under a fresh prefix, or the embedded demo store.
 */
export async function startTestService(
  options: {
    /**
     * shared: the store this run's suites share (one Redis or the test cluster: test-redis.ts
     * sharedStore); redis and cluster: that one whatever the run shares; memory: the demo store.
     */
    store: 'shared' | 'redis' | 'cluster' | 'memory';
    prefix?: string;
    key?: string;
    seed?: boolean;
    env?: Record<string, string>;
    /** Default: silent. */
    logger?: Logger;
  } = {
    store: 'shared',
  },
): Promise<TestService> {
  const store = {
    shared: sharedStoreEnv,
    redis: () => ({ REDIS_URL: testRedisUrl() }),
    cluster: () => ({ REDIS_CLUSTER_NODES: testClusterNodesText() }),
  };
  const config =
    options.store === 'memory'
      ? testConfig({ ...(options.key && { OPRF_SECRET_KEY: options.key }), ...options.env })
      : testConfig({
          ...store[options.store](),
          REDIS_KEY_PREFIX: options.prefix ?? uniquePrefix('app'),
          OPRF_SECRET_KEY: options.key ?? hexKey(),
          ...options.env,
        });
  const logger = options.logger ?? pino({ level: 'silent' });
  const runtime = await openService(config, { logger });
  try {
    // As the server does before it listens.
    await prepareToServe(runtime);
    if (options.seed && !runtime.demoMode) {
      await seedDemo({ catalog: runtime.stores.catalog, lists: runtime.lists.service, profile: runtime.hashing.profile });
    }
  } catch (error) {
    // A start that fails half-way lets go of its store connections, or jest would wait on them.
    await runtime.close();
    throw error;
  }
  const app = createApp(runtime);
  return { app, runtime, config, close: () => runtime.close() };
}
