import { type Exposure, type Incident, DATA_CLASSES, type StaffExposureView } from '../catalog';
import { type Language, formatDate, formatWindow, messagesFor, requiredViewText, viewText, type ViewText } from '../i18n';
import { adviceFor, contactsView, sourceLink, type ContactsView, type SourceLink } from '../check';
import type { StaffCheckAnswer } from './staff-check-service';
import { supportMessagesFor } from './support-messages';

/** An exposure as the support console shows it: everything staff may see, formatted for the page. */
export interface SupportExposureCard {
  id: string;
  sensitive: boolean;
  title: ViewText;
  /** Who is in the group, in the words the customer sees; absent when none were written. */
  whoIsAffected: ViewText | undefined;
  window: string | undefined;
  dataExposed: string[];
  /** May have been exposed: still being investigated. */
  dataPossiblyExposed: string[];
  dataNotExposed: string[];
  people: string | undefined;
  /** The company's advice first, then the service's for each kind of data taken, as on the public page. */
  advice: ViewText[];
  /** In the staff member's language when written in it, else the other one (marked with lang). */
  talkingPoints: ViewText | undefined;
  incident: SupportIncidentView;
}

export interface SupportIncidentView {
  id: string;
  organization: ViewText;
  title: ViewText;
  summary: ViewText | undefined;
  attackWindow: string | undefined;
  announced: string | undefined;
  status: string;
  sources: SourceLink[];
  /** What the customer is told to use (hotline, form, announcement), so staff can repeat it. */
  contacts: ContactsView | undefined;
}

export interface SupportResultView {
  affected: boolean;
  matches: SupportExposureCard[];
  checked: SupportExposureCard[];
  notCheckable: SupportExposureCard[];
  /** As recorded in the audit event. */
  ticketRef: string;
  auditEventId: string;
}

/** Nothing here comes from the address: only what the check found, the ticket and the event id. */
export function supportResultView(answer: StaffCheckAnswer, language: Language): SupportResultView {
  const card = (view: StaffExposureView) => exposureCard(view.exposure, view.incident, language);
  return {
    affected: answer.affected,
    matches: answer.exposures.map(card),
    checked: answer.checked.map(card),
    notCheckable: answer.notCheckableByEmail.map(card),
    ticketRef: answer.ticketRef,
    auditEventId: answer.auditEventId,
  };
}

function exposureCard(exposure: Exposure, incident: Incident, language: Language): SupportExposureCard {
  const t = supportMessagesFor(language).card;
  return {
    id: exposure.id,
    sensitive: exposure.sensitive,
    title: requiredViewText(exposure.title, language),
    whoIsAffected: viewText(exposure.description, language),
    window: formatWindow(exposure.window, language),
    dataExposed: exposure.dataExposed.map((dataClass) => DATA_CLASSES[dataClass][language]),
    dataPossiblyExposed: exposure.dataPossiblyExposed.map((dataClass) => DATA_CLASSES[dataClass][language]),
    dataNotExposed: exposure.dataNotExposed.map((dataClass) => DATA_CLASSES[dataClass][language]),
    // Worded as on the customer's card ("up to 3,100,000 people"): staff say what the customer reads.
    people:
      exposure.affectedCount === undefined
        ? undefined
        : messagesFor(language).card.people(exposure.affectedCount, exposure.affectedCountQualifier ?? 'exactly'),
    advice: adviceFor(exposure, language),
    talkingPoints: viewText(exposure.talkingPoints, language),
    incident: {
      id: incident.id,
      organization: requiredViewText(incident.organization, language),
      title: requiredViewText(incident.title, language),
      summary: viewText(incident.summary, language),
      attackWindow: formatWindow(incident.attackWindow, language),
      announced: incident.announcedOn === undefined ? undefined : formatDate(incident.announcedOn, language),
      status: t.statuses[incident.status],
      sources: incident.sources.flatMap(sourceLink),
      contacts: contactsView(incident.contacts, language),
    },
  };
}
