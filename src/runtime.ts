import type { Logger } from 'pino';
import type { AppDeps } from './app';
import { AdminCatalogService } from './catalog/admin-catalog-service';
import { CatalogService } from './catalog/catalog-service';
import { CheckService } from './check/check-service';
import type { Config } from './config/config';
import type { OperatorIdentity } from './config/operator-identity';
import { seedDemo } from './demo/seed-demo';
import type { HashingProfile } from './hashing/hashing-profile';
import { ListEntryPool } from './hashing/list-entry-pool';
import { generateOprfSecretKey, OprfKey } from './hashing/oprf-key';
import { prepareHashing } from './hashing/prepare-hashing';
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
  lists: ListService;
  adminLists: AdminListService;
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
  const clock = options.clock ?? (() => new Date());
  const demoMode = config.redisUrl === undefined;
  const stores =
    config.redisUrl === undefined
      ? createMemoryStores()
      : createRedisStores(await connectRedis(config.redisUrl), config.redisKeyPrefix);
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
    const adminCatalog = new AdminCatalogService({ catalog: stores.catalog, lists: stores.lists, clock });
    const check = new CheckService({ catalog, lists: stores.lists, hashing: stores.hashing, key });
    // List uploads evaluate the OPRF on every core; a check evaluates once, on this thread.
    entryPool = new ListEntryPool(secretKey);
    const lists = new ListService({ lists: stores.lists, key, entryPool, clock, logger });
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
      lists,
      adminLists,
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
  };
}
