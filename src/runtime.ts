import type { Logger } from 'pino';
import { CheckRateLimits } from './abuse/check-rate-limits';
import { memoryRateCounters } from './abuse/memory-rate-counters';
import { redisRateCounters } from './abuse/redis-rate-counters';
import type { TrustProxy } from './abuse/trust-proxy';
import type { AppDeps } from './app';
import { AuditedAdmin } from './admin/audited-admin';
import { auditStaffAuth } from './sign-in/sign-in-audit';
import { AuditService } from './audit/audit-service';
import { Readiness } from './health/readiness';
import { ServiceMetrics } from './metrics/service-metrics';
import { AdminCatalogService } from './catalog/admin-catalog-service';
import { CatalogService } from './catalog/catalog-service';
import { notifyingCatalogStore, notifyingListStore } from './catalog/notifying-stores';
import { BoundedWorkQueue } from './shared/bounded-work-queue';
import { CheckService } from './check/check-service';
import type { Config } from './config/config';
import type { OperatorIdentity } from './config/operator-identity';
import { seedDemo } from './demo/seed-demo';
import type { HashingProfile } from './hashing/hashing-profile';
import { ListEntryPool } from './hashing/list-entry-pool';
import { generateOprfSecretKey, OprfKey } from './hashing/oprf-key';
import { ensureThreadpoolSize } from './shared/threadpool-size';
import { AdminListService } from './lists/admin-list-service';
import { ListService } from './lists/list-service';
import { AuditedStaffAdmin } from './staff/audited-staff-admin';
import { seedDemoStaff, type DemoCredential } from './staff/demo-staff';
import { memoryLoginThrottle, redisLoginThrottle } from './sign-in/login-throttle';
import { sessionSecretFrom } from './sign-in/session-secret';
import type { StaffAuthDeps } from './sign-in/staff-auth';
import { PasswordHasher } from './staff/password-hash';
import { StaffService } from './staff/staff-service';
import { StatsService } from './stats/stats-service';
import { createMemoryStores } from './store/memory-stores';
import { connectRedis } from './store/redis-client';
import { createRedisStores } from './store/redis-stores';
import { prepareStore } from './health/prepare-store';
import { storeProblemFinder, type StoreProblem } from './health/store-health';
import type { Stores } from './store/stores';
import { ApiTokenService } from './tokens/api-token-service';
import { AuditedApiTokens } from './tokens/audited-api-tokens';
import { STAFF_CHECK_RULE, StaffCheckService } from './support/staff-check-service';

/** Everything the server and the scripts share: stores, key, profile and the services over them. */
export interface Runtime {
  stores: Stores;
  /** Null when the store can serve checks; otherwise why not. Readiness asks it. */
  findStoreProblem: () => Promise<StoreProblem | null>;
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
  /** The argon2 work of staff passwords (sign-ins, new accounts, resets): a small queue of its own. */
  passwordQueue: BoundedWorkQueue;
  lists: ListService;
  adminLists: AdminListService;
  /** Per-IP, per-/64 and global check budgets, in the same backend as the data. */
  checkRateLimits: CheckRateLimits;
  trustProxy: TrustProxy;
  /** This runtime's metrics (a registry of its own); the list service reports imports into it. */
  metrics: ServiceMetrics;
  metricsToken: string | undefined;
  /** LIST_UPLOAD_IDLE_SECONDS: the HTTP layer cuts off a list upload that stalls this long. */
  listUploadIdleMs: number;
  /** Staff actions: recorded by the consoles and the admin API, read by admins. */
  audit: AuditService;
  /** Public check counters per day; the check routes feed it. */
  stats: StatsService;
  /** Support checks on a caller's behalf, each audited before it is answered. */
  staffCheck: StaffCheckService;
  /** Catalogue and list changes on behalf of an actor, each audited: the admin API and the admin console. */
  auditedAdmin: AuditedAdmin;
  /** Staff accounts: the consoles, and scripts/create-admin. */
  staff: StaffService;
  /** Per-admin API tokens. */
  apiTokens: ApiTokenService;
  /** Staff accounts changed by an admin (the admin console), each change audited. */
  staffAdmin: AuditedStaffAdmin;
  /** An admin's own API tokens made and revoked in the admin console, audited. */
  apiTokenAdmin: AuditedApiTokens;
  /** Sessions, sign-in throttle and timeouts: what the HTTP layer needs for staff sign-in. */
  staffAuth: StaffAuthDeps;
  /** Demo mode only: the demo accounts' passwords of this run (also logged once at start). */
  demoStaff: DemoCredential[];
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
  // check queue and the password queue run, plus one so DNS and file work never wait behind
  // argon2. libuv reads the size when the pool first starts, so this must run before anything uses
  // it (connecting does: DNS); in a process whose pool already started (a test worker) it changes
  // nothing.
  ensureThreadpoolSize(process.env, config.checkQueue.maxRunning + config.staffAuth.passwordQueue.maxRunning + 1);
  const clock = options.clock ?? (() => new Date());
  const demoMode = config.redisUrl === undefined;
  const redis = config.redisUrl === undefined ? undefined : await connectRedis(config.redisUrl);
  let stores = redis === undefined ? createMemoryStores() : createRedisStores(redis, config.redisKeyPrefix);
  const rateCounters = redis === undefined ? memoryRateCounters() : redisRateCounters(redis, config.redisKeyPrefix);
  const checkRateLimits = new CheckRateLimits(config.checkRateLimits, rateCounters);
  let entryPool: ListEntryPool | undefined;
  let stats: StatsService | undefined;
  const closeAll = async (): Promise<void> => {
    try {
      // The last answers' counts, before the store they go to closes.
      await stats?.flush();
      await entryPool?.close();
    } finally {
      await stores.close();
    }
  };
  try {
    const secretKey = config.oprfSecretKey ?? generateOprfSecretKey();
    const key = await OprfKey.load(secretKey);
    const { profile, configuredCostsIgnored } = await prepareStore(
      stores,
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
    const audit = new AuditService({ store: stores.audit });
    stats = new StatsService({ store: stores.stats, clock, logger });
    const staffCheck = new StaffCheckService({ checker: check, audit, limit: rateCounters(STAFF_CHECK_RULE) });
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
    const auditedAdmin = new AuditedAdmin({ catalog: adminCatalog, lists: adminLists, audit });
    if (demoMode) await seedDemo({ catalog: stores.catalog, lists, profile });
    const passwordQueue = new BoundedWorkQueue(config.staffAuth.passwordQueue);
    const staff = new StaffService({ store: stores.staff, clock, passwords: new PasswordHasher(passwordQueue) });
    const apiTokens = new ApiTokenService({ store: stores.apiTokens, staff, clock });
    const staffAdmin = new AuditedStaffAdmin({ staff, audit, tokens: apiTokens });
    const apiTokenAdmin = new AuditedApiTokens({ tokens: apiTokens, audit });
    const staffAuth: StaffAuthDeps = {
      staff,
      apiTokens,
      sessionStore: stores.sessions,
      sessionSecret: sessionSecretFrom(secretKey),
      timeouts: config.staffAuth.timeouts,
      loginThrottle:
        redis === undefined
          ? memoryLoginThrottle(config.staffAuth.loginThrottle)
          : redisLoginThrottle(redis, config.redisKeyPrefix, config.staffAuth.loginThrottle),
      clock,
      onEvent: auditStaffAuth(audit),
    };
    const demoStaff = demoMode ? await seedDemoStaff(staff) : [];
    for (const { username, password, role } of demoStaff) {
      // Demo only, random per start: without them a newcomer could not see the consoles at all.
      logger.warn(`DEMO MODE staff sign-in at /staff/login: ${username} / ${password} (${role})`);
    }
    const findStoreProblem = storeProblemFinder(stores, await key.keyCheckValue());
    return {
      stores,
      findStoreProblem,
      profile,
      demoMode,
      catalog,
      adminCatalog,
      adminApiToken: config.adminApiToken,
      operator: config.operator,
      check,
      checkQueue,
      passwordQueue,
      lists,
      adminLists,
      checkRateLimits,
      trustProxy: config.trustProxy,
      metrics,
      metricsToken: config.metricsToken,
      listUploadIdleMs: config.listUploadIdleMs,
      audit,
      stats,
      staffCheck,
      auditedAdmin,
      staff,
      apiTokens,
      staffAdmin,
      apiTokenAdmin,
      staffAuth,
      demoStaff,
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
    findStoreProblem: runtime.findStoreProblem,
    logger,
    demoMode: runtime.demoMode,
    operator: runtime.operator,
    checkRateLimits: runtime.checkRateLimits,
    trustProxy: runtime.trustProxy,
    metrics: runtime.metrics,
    metricsToken: runtime.metricsToken,
    listUploadIdleMs: runtime.listUploadIdleMs,
    stats: runtime.stats,
    staffAuth: runtime.staffAuth,
    audit: runtime.audit,
    staffCheck: runtime.staffCheck,
    auditedAdmin: runtime.auditedAdmin,
    staffAdmin: runtime.staffAdmin,
    apiTokenAdmin: runtime.apiTokenAdmin,
    // Per app: the server marks its own app draining on SIGTERM.
    readiness: new Readiness(),
  };
}
