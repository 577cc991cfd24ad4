import { type Exposure, type Incident, byCreation } from './catalog-model';
import type { CatalogStore } from './catalog-store';

export class MemoryCatalogStore implements CatalogStore {
  readonly #incidents = new Map<string, Incident>();
  readonly #exposures = new Map<string, Exposure>();

  async listIncidents(): Promise<Incident[]> {
    return [...this.#incidents.values()].map((value) => structuredClone(value)).sort(byCreation);
  }

  async getIncident(id: string): Promise<Incident | null> {
    return structuredClone(this.#incidents.get(id) ?? null);
  }

  async saveIncident(incident: Incident): Promise<void> {
    this.#incidents.set(incident.id, structuredClone(incident));
  }

  async deleteIncident(id: string): Promise<void> {
    this.#incidents.delete(id);
  }

  async listExposures(): Promise<Exposure[]> {
    return [...this.#exposures.values()].map((value) => structuredClone(value)).sort(byCreation);
  }

  async getExposure(id: string): Promise<Exposure | null> {
    return structuredClone(this.#exposures.get(id) ?? null);
  }

  async saveExposure(exposure: Exposure): Promise<void> {
    this.#exposures.set(exposure.id, structuredClone(exposure));
  }

  async deleteExposure(id: string): Promise<void> {
    this.#exposures.delete(id);
  }
}
