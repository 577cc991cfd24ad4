import type { Exposure, Incident } from './catalog-model';

/** Incidents and exposures: small metadata, read whole. */
export interface CatalogStore {
  listIncidents(): Promise<Incident[]>;
  getIncident(id: string): Promise<Incident | null>;
  saveIncident(incident: Incident): Promise<void>;
  deleteIncident(id: string): Promise<void>;
  listExposures(): Promise<Exposure[]>;
  getExposure(id: string): Promise<Exposure | null>;
  saveExposure(exposure: Exposure): Promise<void>;
  deleteExposure(id: string): Promise<void>;
}
