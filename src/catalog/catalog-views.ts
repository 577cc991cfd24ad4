import type { AdminExposure, ListSummary } from './admin-catalog-service';
import type { Incident, IncidentStatus } from './catalog-model';
import { DATA_CLASSES, type DataClass } from './data-classes';
import { type Language, textIn, formatDate } from '../i18n';
import type { ListConsoleMessages } from '../lists';
import type { CatalogConsoleMessages } from './catalog-console-messages';
import { formatCount, formatTime, type Option } from '../console';

/** What the templates show; all wording is decided here, so the templates only lay it out. */
export interface IncidentRow {
  id: string;
  title: string;
  organization: string;
  status: string;
  announced: string;
  exposures: string;
}

export interface ExposureRow {
  id: string;
  title: string;
  published: boolean;
  publication: string;
  visibility: string;
  list: string;
}

export interface ListView {
  version: number;
  rows: string;
  profileId: string;
  profileNote: string;
  activatedAt: string;
}

const STATUSES: IncidentStatus[] = ['investigating', 'announced', 'resolved'];

export function incidentRow(incident: Incident, exposures: AdminExposure[], language: Language, at: CatalogConsoleMessages): IncidentRow {
  const published = exposures.filter((exposure) => exposure.published).length;
  return {
    id: incident.id,
    title: incidentTitle(incident, language),
    organization: textIn(incident.organization, language),
    status: at.incidentStatus[incident.status],
    announced: incident.announcedOn === undefined ? '' : formatDate(incident.announcedOn, language),
    exposures: at.incidents.exposureCount(exposures.length, published),
  };
}

export function exposureRow(exposure: AdminExposure, language: Language, at: CatalogConsoleMessages): ExposureRow {
  return {
    id: exposure.id,
    title: exposureTitle(exposure, language),
    published: exposure.published,
    publication: exposure.published ? at.exposure.published : at.exposure.unpublished,
    visibility: exposure.sensitive ? at.exposure.sensitiveVisibility : at.exposure.publicVisibility,
    list:
      exposure.list === null
        ? at.exposure.noList
        : at.exposure.listState(exposure.list.version, formatCount(exposure.list.records, language)),
  };
}

/** `timeZone`: the console's (timeZoneOf), the activation time is shown in it. */
export function listView(
  list: ListSummary | null,
  currentProfileId: string,
  language: Language,
  timeZone: string,
  at: ListConsoleMessages,
): ListView | null {
  if (list === null) return null;
  return {
    version: list.version,
    rows: formatCount(list.records, language),
    profileId: list.profileId,
    profileNote: list.profileId === currentProfileId ? at.list.currentProfile : at.list.olderProfile,
    activatedAt: formatTime(list.activatedAt, language, timeZone),
  };
}

/** The title in the reader's language, or the other one: a page always has a heading. */
export function incidentTitle(incident: Incident, language: Language): string {
  return textIn(incident.title, language) || incident.id;
}

export function exposureTitle(exposure: AdminExposure, language: Language): string {
  return textIn(exposure.title, language) || exposure.id;
}

export function statusOptions(at: CatalogConsoleMessages): Option[] {
  return STATUSES.map((status) => ({ value: status, label: at.incidentStatus[status] }));
}

/** The data classes with their names in the reader's language, in the vocabulary's order. */
export function dataClassOptions(language: Language): Option[] {
  return (Object.keys(DATA_CLASSES) as DataClass[]).map((code) => ({ value: code, label: DATA_CLASSES[code][language] }));
}
