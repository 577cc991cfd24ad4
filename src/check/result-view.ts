import { type IncidentStatus, DATA_CLASSES, dataClassAdvice } from '../catalog';
import { type Language, formatDate, formatWindow, messagesFor, requiredViewText, viewText, type ViewText } from '../i18n';
import type { CheckResult, ExposureWithIncident } from './check-result';
import { contactsView, type ContactsView } from './contacts-view';
import { sourceLink, type SourceLink } from './source-link';

/** Plain, formatted values for the template: the template only lays out, it decides nothing. */
export interface ExposureCard {
  id: string;
  organization: ViewText;
  incidentTitle: ViewText;
  title: ViewText;
  /** The window in words ("requested a catalog between 2000 and 2009"); the title when none was written. */
  whoIsAffected: ViewText;
  period: string | undefined;
  /** Confirmed exposed. */
  dataExposed: string[];
  /** May have been exposed: still being investigated. */
  dataPossiblyExposed: string[];
  /** Confirmed not exposed. */
  dataNotExposed: string[];
  /** The company's own advice first, then ours for each kind of data taken (or maybe taken), each said once. */
  advice: ViewText[];
  people: string | undefined;
  happened: string | undefined;
  announced: string | undefined;
  status: string | undefined;
  summary: ViewText | undefined;
  sources: SourceLink[];
  /** The incident's hotline, hours, form and announcement; undefined when it names none. */
  contacts: ContactsView | undefined;
}

export interface ResultView {
  affected: boolean;
  matches: ExposureCard[];
  checked: ExposureCard[];
  notCheckable: ExposureCard[];
  /**
   * Where to ask when unsure: each incident of the catalogue checked (its lists and its exposures
   * no list covers) that names contacts, once, in catalogue order. The same for a hit and a miss
   * (the miss page shows it), so it never tells one from the other in the padded size.
   */
  contacts: IncidentContactsView[];
}

export interface IncidentContactsView {
  incidentId: string;
  organization: ViewText;
  incidentTitle: ViewText;
  contacts: ContactsView;
}

export function resultView(result: CheckResult, language: Language): ResultView {
  const card = (exposure: ExposureWithIncident) => exposureCard(exposure, language);
  return {
    affected: result.affected,
    matches: result.exposures.map(card),
    checked: result.checked.map(card),
    notCheckable: result.notCheckableByEmail.map(card),
    contacts: incidentContacts([...result.checked, ...result.notCheckableByEmail], language),
  };
}

function incidentContacts(exposures: ExposureWithIncident[], language: Language): IncidentContactsView[] {
  const byIncident = new Map<string, IncidentContactsView>();
  for (const { incident } of exposures) {
    const contacts = contactsView(incident.contacts, language);
    if (contacts === undefined || byIncident.has(incident.id)) continue;
    byIncident.set(incident.id, {
      incidentId: incident.id,
      organization: requiredViewText(incident.organization, language),
      incidentTitle: requiredViewText(incident.title, language),
      contacts,
    });
  }
  return [...byIncident.values()];
}

function exposureCard(exposure: ExposureWithIncident, language: Language): ExposureCard {
  const { incident } = exposure;
  const t = messagesFor(language).card;
  const title = requiredViewText(exposure.title, language);
  return {
    id: exposure.id,
    organization: requiredViewText(incident.organization, language),
    incidentTitle: requiredViewText(incident.title, language),
    title,
    whoIsAffected: viewText(exposure.description, language) ?? title,
    period: formatWindow(exposure.window, language),
    dataExposed: exposure.dataExposed.map((dataClass) => DATA_CLASSES[dataClass][language]),
    dataPossiblyExposed: exposure.dataPossiblyExposed.map((dataClass) => DATA_CLASSES[dataClass][language]),
    dataNotExposed: exposure.dataNotExposed.map((dataClass) => DATA_CLASSES[dataClass][language]),
    advice: adviceFor(exposure, language),
    people:
      exposure.affectedCount === undefined
        ? undefined
        : t.people(exposure.affectedCount, exposure.affectedCountQualifier ?? 'exactly'),
    happened: formatWindow(incident.attackWindow, language),
    announced: incident.announcedOn === undefined ? undefined : formatDate(incident.announcedOn, language),
    status: statusText(incident.status, language),
    summary: viewText(incident.summary, language),
    sources: incident.sources.flatMap(sourceLink),
    contacts: contactsView(incident.contacts, language),
  };
}

/**
 * The company's own advice first, then ours for each class of data exposed, each once, then, said
 * conditionally, for the classes that may have been exposed. Shared with the support console.
 */
export function adviceFor(
  exposure: Pick<ExposureWithIncident, 'advice' | 'dataExposed' | 'dataPossiblyExposed'>,
  language: Language,
): ViewText[] {
  const own = viewText(exposure.advice, language);
  const perClass = dataClassAdvice(exposure.dataExposed, exposure.dataPossiblyExposed).map((text) =>
    requiredViewText(text, language),
  );
  return own === undefined ? perClass : [own, ...perClass];
}

// "announced" is what every public incident is; only a change from it is worth a line.
function statusText(status: IncidentStatus, language: Language): string | undefined {
  const t = messagesFor(language).card;
  if (status === 'investigating') return t.investigating;
  if (status === 'resolved') return t.resolved;
  return undefined;
}
