import type { CatalogStore } from '../catalog';
import { type HashingProfile, argon2idOf, normalizeEmail } from '../hashing';
import type { ListService, ListWriteSummary } from '../lists';
import { DEMO_EXPOSURES, DEMO_INCIDENTS, DEMO_LIST_ADDRESSES } from './demo-dataset';

export interface DemoSeedDeps {
  catalog: CatalogStore;
  lists: ListService;
  profile: HashingProfile;
}

/** Writes the demo incidents and hashes the synthetic lists into any store; safe to run again. */
export async function seedDemo(deps: DemoSeedDeps): Promise<Record<string, ListWriteSummary>> {
  for (const incident of DEMO_INCIDENTS) await deps.catalog.saveIncident(incident);
  for (const exposure of DEMO_EXPOSURES) await deps.catalog.saveExposure(exposure);
  const summaries: Record<string, ListWriteSummary> = {};
  for (const [exposureId, addresses] of Object.entries(DEMO_LIST_ADDRESSES)) {
    // argon2 runs on libuv's thread pool, so hashing a list concurrently uses every core.
    const hashed = await Promise.all(addresses.map((address) => argon2idOf(normalizeEmail(address), deps.profile)));
    summaries[exposureId] = await deps.lists.replaceList(exposureId, deps.profile, [hashed]);
  }
  return summaries;
}
