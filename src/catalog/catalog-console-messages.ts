import type { FieldText } from '../console';
import type { Language } from '../i18n';
import type { AffectedCountQualifier, IncidentContacts, IncidentStatus } from './catalog-model';
import { CATALOG_CONSOLE_EN } from './catalog-console-messages-en';
import { CATALOG_CONSOLE_JA } from './catalog-console-messages-ja';

/** What the catalogue's redirects after a change tell the next page (`?done=`). */
export type CatalogNotice =
  | 'incidentCreated'
  | 'incidentSaved'
  | 'incidentDeleted'
  | 'exposureCreated'
  | 'exposureSaved'
  | 'exposureDeleted'
  | 'published'
  | 'unpublished'
  | 'listDeleted';

/** The form fields of incidents and exposures that a validation error can point at. */
export type IncidentField =
  | 'organization'
  | 'title'
  | 'summary'
  | 'attackWindow'
  | 'announcedOn'
  | 'sources'
  | 'contacts'
  | 'status';
export type ExposureField =
  | 'title'
  | 'description'
  | 'advice'
  | 'talkingPoints'
  | 'window'
  | 'dataExposed'
  | 'dataPossiblyExposed'
  | 'dataNotExposed'
  | 'affectedCount'
  | 'affectedCountQualifier'
  | 'sensitive';

/**
 * Every string of the catalogue's admin pages (incidents, exposures, publication), one object per
 * language, both checked against this interface: a missing string fails the build. Its sections
 * sit in the pages' `at` beside the shared admin words (and the exposure page's hashed-list
 * section, from lists/).
 */
export interface CatalogConsoleMessages {
  /** One sentence per notice. */
  done: Record<CatalogNotice, string>;
  incidentStatus: Record<IncidentStatus, string>;
  incidentFields: Record<IncidentField, FieldText> & {
    from: string;
    to: string;
    /** The labels of the contacts' parts (the hint of `contacts` covers them all). */
    contactParts: Record<keyof IncidentContacts, FieldText>;
  };
  exposureFields: Record<ExposureField, FieldText> & {
    from: string;
    to: string;
    /** The choices of how the source states the count. */
    countQualifiers: Record<AffectedCountQualifier, string>;
  };
  /** Under the field a validation error points at: what the field accepts. */
  incidentProblems: Record<IncidentField, string>;
  exposureProblems: Record<ExposureField, string>;
  incidents: {
    title: string;
    intro: string;
    empty: string;
    columns: { title: string; organization: string; status: string; announced: string; exposures: string };
    exposureCount: (count: number, published: number) => string;
    newHeading: string;
    newIntro: string;
    create: string;
  };
  incident: {
    back: string;
    exposuresHeading: string;
    noExposures: string;
    columns: { title: string; publication: string; visibility: string; list: string };
    addHeading: string;
    addIntro: string;
    add: string;
    detailsHeading: string;
    save: string;
    deleteHeading: string;
    deleteBlocked: string;
    deleteLink: string;
    confirmTitle: (title: string) => string;
    confirmBody: string;
    confirmButton: string;
  };
  exposure: {
    back: (incidentTitle: string) => string;
    stateHeading: string;
    id: string;
    publication: string;
    visibility: string;
    list: string;
    published: string;
    unpublished: string;
    publicVisibility: string;
    sensitiveVisibility: string;
    listState: (version: number, rows: string) => string;
    noList: string;
    detailsHeading: string;
    save: string;
    deleteHeading: string;
    deleteIntro: string;
    deleteLink: string;
    confirmTitle: (title: string) => string;
    confirmBody: (rows: string | undefined) => string;
    confirmButton: string;
  };
  publication: {
    heading: string;
    publishedPublic: string;
    publishedSensitive: string;
    unpublished: string;
    noListWarning: string;
    publish: string;
    unpublish: string;
  };
}

const CATALOG_CONSOLE_MESSAGES: Record<Language, CatalogConsoleMessages> = { ja: CATALOG_CONSOLE_JA, en: CATALOG_CONSOLE_EN };

export function catalogConsoleMessagesFor(language: Language): CatalogConsoleMessages {
  return CATALOG_CONSOLE_MESSAGES[language];
}
