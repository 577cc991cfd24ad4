import type { PublicExposure, PublicIncidentSummary } from '../catalog';

export interface ExposureWithIncident extends PublicExposure {
  incident: PublicIncidentSummary;
}

/**
 * The answer to one check. `affected: false` only ever means "not in the lists held here":
 * `checked` says which lists those were and `notCheckableByEmail` which exposures no list covers.
 */
export interface CheckResult {
  affected: boolean;
  exposures: ExposureWithIncident[];
  checked: ExposureWithIncident[];
  notCheckableByEmail: ExposureWithIncident[];
}
