import type { Logger } from 'pino';
import { CheckRateLimits, memoryRateCounters, redisRateCounters, type TrustProxy } from './abuse';
import { createAdminApiGate } from './admin';
import { apiDocumentOf } from './api-document';
import { createAuditFeature, type AuditFeature } from './audit';
import { createCatalogFeature, exposureIdParameter, exposureRequirement, type CatalogFeature } from './catalog';
import { createCheckFeature, type CheckFeature } from './check';
import type { Config } from './config';
import type { OperatorIdentity, Feature } from './http';
import { seedDemo } from './demo';
import { createHashingFeature, type HashingFeature, generateOprfSecretKey, OprfKey } from './hashing';
import { createHealthFeature, prepareStore, Readiness, storeProblemFinder, type StoreProblem } from './health';
import { createListsFeature, ListDataLostError, type ListsFeature } from './lists';
import { createPrivateCheckFeature, type PrivateCheckFeature } from './private-check';
import { createMetricsFeature, type MetricsFeature } from './metrics';
import type { OpenApiDocument } from './openapi';
import { ensureThreadpoolSize } from './shared';
import { createSignInFeature, type SignInFeature } from './sign-in';
import { createStaffAccounts, createStaffFeature, type StaffFeature, seedDemoStaff, type DemoCredential } from './staff';
import { createStatsFeature, type StatsFeature } from './stats';
import { memoryBackend, redisBackend, connectRedis } from './store';
import { openStores, type Stores } from './stores';
import { createSupportFeature, type SupportFeature } from './support';
import { createTokensFeature, type TokensFeature } from './tokens';

/**
 * The one description of a running service: its settings, its stores, and every feature as its
 * factory made it (the services it offers, the routers it mounts). The server, the scripts and
 * the tests open it; createApp mounts `features` in their order.
 */
export interface Service {
  demoMode: boolean;
  logger: Logger;
  /** From OPERATOR_*; shown on the public pages. */
  operator: OperatorIdentity | undefined;
  /** Which proxies' X-Forwarded-For to believe (TRUST_PROXY). */
  trustProxy: TrustProxy;
  /** The one zone of the statistics' days, the audit log's dates and the consoles' times (TIME_ZONE). */
  timeZone: string;
  stores: Stores;
  /** Draining (SIGTERM) turns /readyz to 503. */
  readiness: Readiness;
  /** Null when the store can serve checks; otherwise why not. Readiness asks it. */
  findStoreProblem: () => Promise<StoreProblem | null>;
  hashing: HashingFeature;
  lists: ListsFeature;
  catalog: CatalogFeature;
  check: CheckFeature;
  privateCheck: PrivateCheckFeature;
  audit: AuditFeature;
  stats: StatsFeature;
  staff: StaffFeature;
  tokens: TokensFeature;
  signIn: SignInFeature;
  support: SupportFeature;
  metrics: MetricsFeature;
  /** In mount order (see FeatureRoutes for the stages). */
  features: Feature[];
  /** The features' JSON routes, described: served at /api/v1/openapi.json. */
  apiDocument: OpenApiDocument;
  /** Demo mode only: the demo accounts' passwords of this run (also logged once at start). */
  demoStaff: DemoCredential[];
  close(): Promise<void>;
}

export interface ServiceOptions {
  logger: Logger;
  clock?: () => Date;
}

/**
 * Connects the configured store (Redis, or the embedded demo store without REDIS_URL), binds it
 * to the server key and the hashing profile, and makes every feature. Demo mode seeds itself.
 *
 * A feature gets what it needs from features made before it; where two need each other (the
 * audit page names staff accounts, whose changes are audited), the later one is passed as a
 * function, read only when a request asks.
 */
export async function openService(config: Config, options: ServiceOptions): Promise<Service> {
  const { logger } = options;
  // argon2 hashes on libuv's threadpool (4 threads unless told): it needs one thread per hash the
  // check queue and the password queue run, plus one so DNS and file work never wait behind
  // argon2. libuv reads the size when the pool first starts, so this must run before anything uses
  // it (connecting does: DNS); in a process whose pool already started (a test worker) it changes
  // nothing.
  ensureThreadpoolSize(process.env, config.checkQueue.maxRunning + config.staffAuth.passwordQueue.maxRunning + 1);
  const clock = options.clock ?? (() => new Date());
  const demoMode = config.redis === undefined;
  const backend = config.redis === undefined ? memoryBackend() : redisBackend(await connectRedis(config.redis), config.redisKeyPrefix);
  const raw = openStores(backend);
  const closing: (() => Promise<void>)[] = [];
  const closeAll = async (): Promise<void> => {
    try {
      // Newest first: the statistics flush their last counts before the store closes.
      for (const close of [...closing].reverse()) await close();
    } finally {
      await raw.close();
    }
  };
  try {
    const secretKey = config.oprfSecretKey ?? generateOprfSecretKey();
    const key = await OprfKey.load(secretKey);
    const { profile, configuredCostsIgnored } = await prepareStore(raw, key, config.newProfileArgon2, clock());
    if (configuredCostsIgnored) {
      logger.warn(
        { profileId: profile.id },
        'ARGON2_* settings differ from the stored hashing profile and are ignored: they apply only to a new store',
      );
    }
    const rateCounters = backend.redis === undefined ? memoryRateCounters() : redisRateCounters(backend.redis, backend.keyPrefix);
    const metrics = createMetricsFeature({ token: config.metricsToken });
    const hashing = createHashingFeature({ profile });
    const audit: AuditFeature = createAuditFeature({ store: raw.audit, staff: () => staff.service, timeZone: config.timeZone });
    const lists = createListsFeature({
      store: raw.lists,
      hashing: raw.hashing,
      key,
      secretKey,
      requireExposure: exposureRequirement(raw.catalog),
      audit: audit.service,
      clock,
      logger,
      progress: metrics.service.listImports,
      uploadIdleMs: config.listUploadIdleMs,
      exposureIdParameter,
    });
    closing.push(() => lists.close());
    const catalog = createCatalogFeature({ store: raw.catalog, lists, audit: audit.service, clock, currentProfile: () => profile });
    const stats = createStatsFeature({ store: raw.stats, clock, logger, catalog: catalog.service, timeZone: config.timeZone });
    closing.push(() => stats.close());
    // One set of budgets for both kinds of check: a private query spends what a check spends.
    const checkRateLimits = new CheckRateLimits(config.checkRateLimits, rateCounters);
    const privateCheck = createPrivateCheckFeature({
      catalog: catalog.service,
      lists: lists.store,
      hashing: raw.hashing,
      key,
      bucketBits: config.privateCheckBucketBits,
      rateLimits: checkRateLimits,
    });
    const check = createCheckFeature({
      catalog: catalog.service,
      lists: lists.store,
      hashing: raw.hashing,
      key,
      queueLimits: config.checkQueue,
      rateLimits: checkRateLimits,
      observe: (checker) => stats.counting(metrics.measuring(checker)),
      privateCheckGroups: () => privateCheck.service.groups(),
    });
    metrics.service.watchCheckQueue(() => check.queue.stats());
    const support = createSupportFeature({ checker: check.service, audit: audit.service, rateCounters, logger });
    const accounts = createStaffAccounts({ store: raw.staff, clock, passwordQueue: config.staffAuth.passwordQueue });
    const tokens = createTokensFeature({ store: raw.apiTokens, staff: accounts.service, audit: audit.service, clock });
    const staff: StaffFeature = createStaffFeature({ accounts, audit: audit.service, tokens: tokens.service });
    const signIn = createSignInFeature({
      staff: staff.service,
      sessionStore: raw.sessions,
      secretKey,
      settings: config.staffAuth,
      backend,
      audit: audit.service,
      clock,
    });
    const adminApi = createAdminApiGate({ breakGlassToken: config.adminApiToken, apiTokens: tokens.service, staffHttp: signIn.http });
    const stores: Stores = { ...raw, catalog: catalog.store, lists: lists.store };
    const findStoreProblem = storeProblemFinder(stores, await key.keyCheckValue());
    const readiness = new Readiness();
    const health = createHealthFeature({ findStoreProblem, readiness, logger });

    // The order of the stages is createApp's; within a stage, this order.
    const features: Feature[] = [metrics, check, privateCheck, adminApi, signIn, support, audit, stats, health, hashing, catalog, lists, staff, tokens];

    if (demoMode) await seedDemo({ catalog: catalog.store, lists: lists.service, profile });
    const demoStaff = demoMode ? await seedDemoStaff(staff.service) : [];
    for (const { username, password, role } of demoStaff) {
      // Demo only, random per start: without them a newcomer could not see the consoles at all.
      logger.warn(`DEMO MODE staff sign-in at /staff/login: ${username} / ${password} (${role})`);
    }
    return {
      demoMode,
      logger,
      operator: config.operator,
      trustProxy: config.trustProxy,
      timeZone: config.timeZone,
      stores,
      readiness,
      findStoreProblem,
      hashing,
      lists,
      catalog,
      check,
      privateCheck,
      audit,
      stats,
      staff,
      tokens,
      signIn,
      support,
      metrics,
      features,
      apiDocument: apiDocumentOf(features),
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
export async function prepareToServe(service: Service): Promise<void> {
  let cleaned: number;
  try {
    cleaned = await service.lists.service.deleteUnusedVersions();
  } catch (error) {
    // A store that lost acknowledged writes (a live version went back): nothing is deleted from
    // it, since what looks unused may be what a restore needs. The server still starts, and its
    // checks and readiness answer 503 until the list is uploaded again; so it can take that upload.
    if (!(error instanceof ListDataLostError)) throw error;
    service.logger.error({ err: error }, 'the store lost list data: unused versions were not cleaned up');
    return;
  }
  if (cleaned > 0) service.logger.info({ versions: cleaned }, 'deleted unused hashed-list versions');
}
