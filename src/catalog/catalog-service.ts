import type { StaffExposureView } from './staff-check-result';
import type { ListStore, LiveList } from '../lists';
import type { Exposure, Incident } from './catalog-model';
import { CatalogSnapshots, type CatalogSnapshot } from './catalog-snapshots';
import type { CatalogStore } from './catalog-store';
import {
  toPublicExposure,
  toPublicIncidentSummary,
  type CheckableExposure,
  type PublicIncident,
} from './public-catalog';

/** A published exposure as staff check against it: everything about it, and its live list. */
export interface StaffCandidate {
  view: StaffExposureView;
  liveList: LiveList | undefined;
}

/**
 * What checks and the public catalogue read: published exposures with their incidents and live
 * lists, from a short-lived snapshot (src/catalog/catalog-snapshots.ts). The public sees
 * non-sensitive ones only; staff see sensitive ones too. Unpublished exposures are drafts: no one
 * is checked against them.
 */
export class CatalogService {
  readonly #snapshots: CatalogSnapshots;

  constructor(deps: { catalog: CatalogStore; lists: ListStore; snapshotMaxAgeMs?: number }) {
    this.#snapshots = new CatalogSnapshots({ ...deps, maxAgeMs: deps.snapshotMaxAgeMs });
  }

  /** The cached snapshot, or with `fresh` one read now (after the live lists were seen to move). */
  async snapshot(options: { fresh: boolean } = { fresh: false }): Promise<CatalogSnapshot> {
    return options.fresh ? this.#snapshots.fresh() : this.#snapshots.current();
  }

  /** Drops the cached snapshot: the catalogue changed in this process. */
  invalidate(): void {
    this.#snapshots.invalidate();
  }

  /** Every exposure a public check answers for, with its incident and live list. */
  async publicExposures(): Promise<CheckableExposure[]> {
    return publicExposuresIn(await this.snapshot());
  }

  /** Incidents with at least one public exposure, each with those exposures. */
  async publicIncidents(): Promise<PublicIncident[]> {
    const byIncident = new Map<string, PublicIncident>();
    for (const { exposure, incident } of await this.publicExposures()) {
      const entry = byIncident.get(incident.id) ?? { ...incident, exposures: [] };
      entry.exposures.push(exposure);
      byIncident.set(incident.id, entry);
    }
    return [...byIncident.values()];
  }
}

export function publicExposuresIn(snapshot: CatalogSnapshot): CheckableExposure[] {
  return publishedIn(snapshot)
    .filter(({ exposure }) => !exposure.sensitive)
    .map(({ exposure, incident, liveList }) => ({
      exposure: toPublicExposure(exposure, liveList),
      incident: toPublicIncidentSummary(incident),
      liveList,
    }));
}

export function staffExposuresIn(snapshot: CatalogSnapshot): StaffCandidate[] {
  return publishedIn(snapshot).map(({ exposure, incident, liveList }) => ({
    view: { exposure, incident, checkableByEmail: liveList !== undefined },
    liveList,
  }));
}

function publishedIn(snapshot: CatalogSnapshot): { exposure: Exposure; incident: Incident; liveList: LiveList | undefined }[] {
  const incidentsById = new Map(snapshot.incidents.map((incident) => [incident.id, incident]));
  const liveByExposure = new Map(snapshot.liveLists.map((list) => [list.exposureId, list]));
  const result = [];
  for (const exposure of snapshot.exposures) {
    const incident = incidentsById.get(exposure.incidentId);
    if (!exposure.published || incident === undefined) continue;
    result.push({ exposure, incident, liveList: liveByExposure.get(exposure.id) });
  }
  return result;
}
