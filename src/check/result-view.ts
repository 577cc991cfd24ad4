import { type IncidentStatus, DATA_CLASSES, dataClassAdvice } from '../catalog';
import { type Language, formatDate, formatWindow, messagesFor, requiredViewText, viewText, type ViewText } from '../i18n';
import type { CheckResult, ExposureWithIncident } from './check-result';

export interface SourceLink {
  href: string;
  /** Shown beside the link: a wary reader sees where it leads before following it. */
  host: string;
}

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
}

export interface ResultView {
  affected: boolean;
  matches: ExposureCard[];
  checked: ExposureCard[];
  notCheckable: ExposureCard[];
}

export function resultView(result: CheckResult, language: Language): ResultView {
  const card = (exposure: ExposureWithIncident) => exposureCard(exposure, language);
  return {
    affected: result.affected,
    matches: result.exposures.map(card),
    checked: result.checked.map(card),
    notCheckable: result.notCheckableByEmail.map(card),
  };
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
    people: exposure.affectedCount === undefined ? undefined : t.people(exposure.affectedCount),
    happened: formatWindow(incident.attackWindow, language),
    announced: incident.announcedOn === undefined ? undefined : formatDate(incident.announcedOn, language),
    status: statusText(incident.status, language),
    summary: viewText(incident.summary, language),
    sources: incident.sources.flatMap(sourceLink),
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

/** An incident's source as a link, showing its host; anything but http(s) is no link at all. Shared with the support console. */
export function sourceLink(href: string): SourceLink[] {
  try {
    const url = new URL(href);
    // The admin API accepts only http(s); anything else never becomes a link.
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return [];
    return [{ href: url.href, host: url.hostname }];
  } catch {
    return [];
  }
}
