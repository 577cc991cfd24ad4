import type { DataClass } from './data-classes';
import type { DateWindow, LocalizedText } from '../i18n';

export type { DateWindow };

export type IncidentStatus = 'investigating' | 'announced' | 'resolved';

/** How the source states a count: "5,568" (exactly), "about 28,700", "up to 3.1 million". */
export const AFFECTED_COUNT_QUALIFIERS = ['exactly', 'about', 'upTo'] as const;
export type AffectedCountQualifier = (typeof AFFECTED_COUNT_QUALIFIERS)[number];

/**
 * Where a worried customer reaches a person about an incident: every part optional, since a
 * company may run a hotline but no form, or the reverse. Added after the first release: an
 * incident stored before has none.
 */
export interface IncidentContacts {
  /** The hotline as the company prints it ("0120-000-000", "+81 3-0000-0000"); dialled through a tel: link. */
  phone?: string;
  /** When the hotline answers, in words ("平日 9:00〜18:00（土日祝を除く）"). */
  hours?: LocalizedText;
  /** The company's own contact form (http or https). */
  formUrl?: string;
  /** The company's own announcement of the incident (http or https). */
  announcementUrl?: string;
}

/** An announced breach: who announced what, when, from which sources; it touched one or more exposures. */
export interface Incident {
  id: string;
  organization: LocalizedText;
  title: LocalizedText;
  summary?: LocalizedText;
  attackWindow?: DateWindow;
  announcedOn?: string;
  sources: string[];
  contacts?: IncidentContacts;
  status: IncidentStatus;
  createdAt: string;
  updatedAt: string;
}

/** One group of people an incident touched, defined by a window ("catalog requests, 2000-2009"). */
export interface Exposure {
  id: string;
  incidentId: string;
  title: LocalizedText;
  /** Who is in this group, in words a customer recognizes. */
  description?: LocalizedText;
  window?: DateWindow;
  /** Confirmed exposed. */
  dataExposed: DataClass[];
  /**
   * May have been exposed: the company has not yet determined whether it was accessed. Added
   * after the first release: an exposure stored before reads it as empty (`exposureFromStore`).
   */
  dataPossiblyExposed: DataClass[];
  /** Confirmed not exposed. A class is in at most one of the three lists. */
  dataNotExposed: DataClass[];
  affectedCount?: number;
  /**
   * How the source states `affectedCount`; only with a count. Added after the first release: a
   * count stored before, or sent without one, is exact.
   */
  affectedCountQualifier?: AffectedCountQualifier;
  advice?: LocalizedText;
  /**
   * What support staff say to a caller found in this exposure. Staff only: never in the public
   * catalogue, a public check's answer or a public page (src/catalog/public-catalog.ts).
   */
  talkingPoints?: LocalizedText;
  /** Sensitive exposures never answer public checks nor appear in the public catalogue. */
  sensitive: boolean;
  published: boolean;
  createdAt: string;
  updatedAt: string;
}

/**
 * An exposure as read back from a store, whatever release saved it: one saved before
 * `dataPossiblyExposed` existed keeps its meaning (its `dataExposed` were confirmed) and has no
 * class under investigation.
 */
export function exposureFromStore(stored: Exposure): Exposure {
  const { dataPossiblyExposed } = stored as Partial<Exposure>;
  return Array.isArray(dataPossiblyExposed) ? stored : { ...stored, dataPossiblyExposed: [] };
}

/** Stable listing order: oldest first. */
export function byCreation(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }): number {
  return a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}
