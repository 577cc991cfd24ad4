import type { Logger } from 'pino';
import type { CatalogService } from '../catalog';
import type { Checker } from '../check';
import type { Feature } from '../http';
import type { StoreFactory } from '../store';
import { countedCheck } from './counted-check';
import { MemoryStatsStore } from './memory-stats-store';
import { RedisStatsStore } from './redis-stats-store';
import { statsRoutes } from './stats-routes';
import { StatsService } from './stats-service';
import type { StatsStore } from './stats-store';

export const statsStores: StoreFactory<StatsStore> = {
  memory: () => new MemoryStatsStore(),
  redis: (redis, keyPrefix) => new RedisStatsStore(redis, keyPrefix),
};

export interface StatsFeature extends Feature {
  /** Public check counters per day. */
  service: StatsService;
  /** The checker that counts every answered public check, without delaying or changing the answer. */
  counting(checker: Checker): Checker;
  /** Writes the last counts, before the store they go to closes. */
  close(): Promise<void>;
}

/** Statistics of public checks: counted as they are answered, shown on the admin console's page. */
export function createStatsFeature(deps: {
  store: StatsStore;
  clock: () => Date;
  logger: Logger;
  catalog: CatalogService;
  /** TIME_ZONE: checks are counted per day of this zone, and the page names it. */
  timeZone: string;
}): StatsFeature {
  const service = new StatsService({ store: deps.store, clock: deps.clock, logger: deps.logger, timeZone: deps.timeZone });
  return {
    service,
    counting: (checker) => countedCheck(checker, service),
    close: () => service.flush(),
    routes: { console: [statsRoutes({ stats: service, catalog: deps.catalog })] },
  };
}
