import type { Logger } from 'pino';
import { CheckRateLimits } from './abuse/check-rate-limits';
import { memoryRateCounters } from './abuse/memory-rate-counters';
import { redisRateCounters } from './abuse/redis-rate-counters';
import type { TrustProxy } from './abuse/trust-proxy';
import type { AppDeps } from './app';
import { Readiness } from './health/readiness';
import { ServiceMetrics } from './metrics/service-metrics';
import { AdminCatalogService } from './catalog/admin-catalog-service';
import { CatalogService } from './catalog/catalog-service';
import { notifyingCatalogStore, notifyingListStore } from './catalog/notifying-stores';
import { BoundedWorkQueue } from './check/bounded-work-queue';
import { CheckService } from './check/check-service';
import type { Config } from './config/config';
import type { OperatorIdentity } from './config/operator-identity';
import { seedDemo } from './demo/seed-demo';
import type { HashingProfile } from './hashing/hashing-profile';
import { ListEntryPool } from './hashing/list-entry-pool';
import { generateOprfSecretKey, OprfKey } from './hashing/oprf-key';
import { prepareHashing } from './hashing/prepare-hashing';
import { ensureThreadpoolSize } from './hash-list/threadpool-size';
import { AdminListService } from './lists/admin-list-service';
import { ListService } from './lists/list-service';
import { createMemoryStores } from './store/memory-stores';
import { connectRedis } from './store/redis-client';
import { createRedisStores } from './store/redis-stores';
import type { Stores } from './store/stores';

/** Everything the server and the scripts share: stores, key, profile and the services over them. */
export interface Runtime {
  stores: Stores;
  profile: HashingProfile;
  demoMode: boolean;
  catalog: CatalogService;
  adminCatalog: AdminCatalogService;
  /** From ADMIN_API_TOKEN; the HTTP layer needs it, the scripts do not. */
  adminApiToken: string | undefined;
  /** From OPERATOR_*; shown on the public pages. */
  operator: OperatorIdentity | undefined;
  check: CheckService;
  /** The argon2 work of checks: bounded, the excess shed; its stats() feed /metrics. */
  checkQueue: BoundedWorkQueue;
  lists: ListService;
  adminLists: AdminListService;
  /** Per-IP, per-/64 and global check budgets, in the same backend as the data. */
  checkRateLimits: CheckRateLimits;
  trustProxy: TrustProxy;
  /** This runtime's metrics (a registry of its own); the list service reports imports into it. */
  metrics: ServiceMetrics;
  metricsToken: string | undefined;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  logger: Logger;
  clock?: () => Date;
}

/**
 * Connects the configured store (Redis, or the embedded demo store without REDIS_URL), binds it
 * to the server key and the hashing profile, and builds the services. Demo mode seeds itself.
 */
export async function openRuntime(config: Config, options: RuntimeOptions): Promise<Runtime> {
  const { logger } = options;
  // argon2 hashes on libuv's threadpool (4 threads unless told): it needs one thread per hash the
  // check queue runs, plus one so DNS and file work never wait behind argon2. libuv reads the size
  // when the pool first starts, so this must run before anything uses it (connecting does: DNS);
  // in a process whose pool already started (a test worker) it changes nothing.
  ensureThreadpoolSize(process.env, config.checkQueue.maxRunning + 1);
  const clock = options.clock ?? (() => new Date());
  const demoMode = config.redisUrl === undefined;
  const redis = config.redisUrl === undefined ? undefined : await connectRedis(config.redisUrl);
  let stores = redis === undefined ? createMemoryStores() : createRedisStores(redis, config.redisKeyPrefix);
  const checkRateLimits = new CheckRateLimits(
    config.checkRateLimits,
    redis === undefined ? memoryRateCounters() : redisRateCounters(redis, config.redisKeyPrefix),
  );
  let entryPool: ListEntryPool | undefined;
  const closeAll = async (): Promise<void> => {
    try {
      await entryPool?.close();
    } finally {
      await stores.close();
    }
  };
  try {
    const secretKey = config.oprfSecretKey ?? generateOprfSecretKey();
    const key = await OprfKey.load(secretKey);
    const { profile, configuredCostsIgnored } = await prepareHashing(
      stores.hashing,
      key,
      config.newProfileArgon2,
      clock(),
    );
    if (configuredCostsIgnored) {
      logger.warn(
        { profileId: profile.id },
        'ARGON2_* settings differ from the stored hashing profile and are ignored: they apply only to a new store',
      );
    }
    const catalog = new CatalogService({ catalog: stores.catalog, lists: stores.lists });
    // Every write made in this process to what checks read drops their cached snapshot at once.
    const invalidate = () => catalog.invalidate();
    stores = {
      ...stores,
      catalog: notifyingCatalogStore(stores.catalog, invalidate),
      lists: notifyingListStore(stores.lists, invalidate),
    };
    const adminCatalog = new AdminCatalogService({ catalog: stores.catalog, lists: stores.lists, clock });
    const checkQueue = new BoundedWorkQueue(config.checkQueue);
    const check = new CheckService({ catalog, lists: stores.lists, hashing: stores.hashing, key, hashQueue: checkQueue });
    // List uploads evaluate the OPRF on every core; a check evaluates once, on this thread.
    entryPool = new ListEntryPool(secretKey);
    const metrics = new ServiceMetrics();
    metrics.watchCheckQueue(() => checkQueue.stats());
    const lists = new ListService({ lists: stores.lists, key, entryPool, clock, logger, progress: metrics.listImports });
    const adminLists = new AdminListService({
      catalog: stores.catalog,
      hashing: stores.hashing,
      lists: stores.lists,
      writer: lists,
    });
    if (demoMode) await seedDemo({ catalog: stores.catalog, lists, profile });
    return {
      stores,
      profile,
      demoMode,
      catalog,
      adminCatalog,
      adminApiToken: config.adminApiToken,
      operator: config.operator,
      check,
      checkQueue,
      lists,
      adminLists,
      checkRateLimits,
      trustProxy: config.trustProxy,
      metrics,
      metricsToken: config.metricsToken,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/**
 * What a server does before it listens: delete the leftovers of uploads cut short by a crash, and
 * replaced versions whose deletion failed. Only a starting server does this, never a script: it
 * cannot tell an upload in progress on another instance from a dead one, and such an upload would
 * be lost (it fails at activation with list_upload_cancelled; it never goes live partial).
 */
export async function prepareToServe(runtime: Runtime, logger: Logger): Promise<void> {
  const cleaned = await runtime.lists.deleteUnusedVersions();
  if (cleaned > 0) logger.info({ versions: cleaned }, 'deleted unused hashed-list versions');
}

/** What the HTTP layer needs from a runtime. */
export function appDepsOf(runtime: Runtime, logger: Logger): AppDeps {
  return {
    check: runtime.check,
    catalog: runtime.catalog,
    adminCatalog: runtime.adminCatalog,
    adminLists: runtime.adminLists,
    adminApiToken: runtime.adminApiToken,
    currentProfile: () => runtime.profile,
    ping: () => runtime.stores.ping(),
    logger,
    demoMode: runtime.demoMode,
    operator: runtime.operator,
    checkRateLimits: runtime.checkRateLimits,
    trustProxy: runtime.trustProxy,
    metrics: runtime.metrics,
    metricsToken: runtime.metricsToken,
    // Per app: the server marks its own app draining on SIGTERM.
    readiness: new Readiness(),
  };
}
