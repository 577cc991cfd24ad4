import type { ListStore } from '../lists/list-store';
import type { CatalogStore } from './catalog-store';
import {
  toPublicExposure,
  toPublicIncidentSummary,
  type CheckableExposure,
  type PublicIncident,
} from './public-catalog';

/** The public face of the catalogue: published, non-sensitive exposures only. */
export class CatalogService {
  readonly #catalog: CatalogStore;
  readonly #lists: ListStore;

  constructor(deps: { catalog: CatalogStore; lists: ListStore }) {
    this.#catalog = deps.catalog;
    this.#lists = deps.lists;
  }

  /** Every exposure a public check answers for, with its incident and live list. */
  async publicExposures(): Promise<CheckableExposure[]> {
    const [incidents, exposures, liveLists] = await Promise.all([
      this.#catalog.listIncidents(),
      this.#catalog.listExposures(),
      this.#lists.liveLists(),
    ]);
    const incidentsById = new Map(incidents.map((incident) => [incident.id, incident]));
    const liveByExposure = new Map(liveLists.map((list) => [list.exposureId, list]));
    const result: CheckableExposure[] = [];
    for (const exposure of exposures) {
      const incident = incidentsById.get(exposure.incidentId);
      if (!exposure.published || exposure.sensitive || incident === undefined) continue;
      const liveList = liveByExposure.get(exposure.id);
      result.push({
        exposure: toPublicExposure(exposure, liveList),
        incident: toPublicIncidentSummary(incident),
        liveList,
      });
    }
    return result;
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
