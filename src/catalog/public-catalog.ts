import type { DateWindow, Exposure, Incident } from './catalog-model';
import type { LiveList } from '../lists';

/**
 * What the public may see of an exposure: no publication flags, no list internals, no talking
 * points (staff's words for callers). Built field by field, never by spreading an Exposure, so a
 * new staff-only field stays out until someone decides to publish it.
 */
export interface PublicExposure {
  id: string;
  incidentId: string;
  title: Exposure['title'];
  description?: Exposure['description'];
  window?: DateWindow;
  dataExposed: Exposure['dataExposed'];
  dataPossiblyExposed: Exposure['dataPossiblyExposed'];
  dataNotExposed: Exposure['dataNotExposed'];
  affectedCount?: number;
  affectedCountQualifier?: Exposure['affectedCountQualifier'];
  advice?: Exposure['advice'];
  checkableByEmail: boolean;
}

export type PublicIncidentSummary = Omit<Incident, 'createdAt' | 'updatedAt'>;

export interface PublicIncident extends PublicIncidentSummary {
  exposures: PublicExposure[];
}

/** A public exposure together with the list that answers for it, if any (internal to checks). */
export interface CheckableExposure {
  exposure: PublicExposure;
  incident: PublicIncidentSummary;
  liveList: LiveList | undefined;
}

export function toPublicExposure(exposure: Exposure, liveList: LiveList | undefined): PublicExposure {
  return {
    id: exposure.id,
    incidentId: exposure.incidentId,
    title: exposure.title,
    ...(exposure.description && { description: exposure.description }),
    ...(exposure.window && { window: exposure.window }),
    dataExposed: exposure.dataExposed,
    dataPossiblyExposed: exposure.dataPossiblyExposed,
    dataNotExposed: exposure.dataNotExposed,
    ...(exposure.affectedCount !== undefined && { affectedCount: exposure.affectedCount }),
    ...(exposure.affectedCount !== undefined &&
      exposure.affectedCountQualifier !== undefined && { affectedCountQualifier: exposure.affectedCountQualifier }),
    ...(exposure.advice && { advice: exposure.advice }),
    checkableByEmail: liveList !== undefined,
  };
}

export function toPublicIncidentSummary(incident: Incident): PublicIncidentSummary {
  const { createdAt: _created, updatedAt: _updated, ...summary } = incident;
  return summary;
}
