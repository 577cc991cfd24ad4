import type { IncidentStatus } from '../catalog';
import type { Language, EmailProblem } from '../i18n';
import { SUPPORT_EN } from './support-messages-en';
import { SUPPORT_JA } from './support-messages-ja';
import type { TicketRefProblem } from './support-form';

/** What the form says after a refusal that is not about what was typed. */
export type SupportNotice = 'rateLimited' | 'unavailable' | 'overloaded';

/**
 * Every string of the support console's check form and result page, in the staff member's
 * language. Views read it as `pt` (page text); the frame's strings stay in `st`.
 */
export interface SupportMessages {
  /** Between a label and its value: full width in Japanese. */
  colon: string;
  form: {
    title: string;
    heading: string;
    intro: string;
    privacy: string;
    ticketLabel: string;
    ticketHint: string;
    emailLabel: string;
    emailHint: string;
    button: string;
    errorTitlePrefix: string;
    errorSummaryHeading: string;
    ticketProblems: Record<TicketRefProblem, string>;
    emailProblems: Record<EmailProblem, string>;
    /** After any refusal: why the address field is empty again. */
    addressCleared: string;
    rateLimited: (seconds: number, perMinute: number) => string;
    unavailable: string;
    overloaded: string;
  };
  result: {
    foundTitle: string;
    notFoundTitle: string;
    foundHeading: (exposures: number) => string;
    foundLead: string;
    notFoundHeading: string;
    notFoundLead: string;
    /** Before the masked address checked (`t•••@example.jp`), then the colon. */
    addressChecked: string;
    /** Under it: what is shown of the address, that it is kept nowhere, and to check again on a typo. */
    addressNote: string;
    ticketLabel: string;
    recordedAs: (eventId: string) => string;
    auditLink: string;
    matchesHeading: string;
    checkedHeading: string;
    checkedIntro: string;
    noneChecked: string;
    notCheckableHeading: string;
    notCheckableIntro: string;
    checkAnother: string;
    checkAnotherSameTicket: string;
  };
  card: {
    sensitive: string;
    sensitiveNote: string;
    exposureId: string;
    talkingPoints: string;
    noTalkingPoints: string;
    whoIsAffected: string;
    window: string;
    exposed: string;
    possiblyExposed: string;
    notExposed: string;
    noneExposedListed: string;
    noneConfirmedNotExposed: string;
    people: string;
    advice: string;
    incident: string;
    incidentId: string;
    organization: string;
    summary: string;
    attackWindow: string;
    announced: string;
    status: string;
    statuses: Record<IncidentStatus, string>;
    sources: string;
    contacts: string;
    contactsIntro: string;
    noContacts: string;
    phone: string;
    hours: string;
    form: string;
    announcement: string;
    notKnown: string;
  };
}

const SUPPORT_MESSAGES: Record<Language, SupportMessages> = { ja: SUPPORT_JA, en: SUPPORT_EN };

export function supportMessagesFor(language: Language): SupportMessages {
  return SUPPORT_MESSAGES[language];
}
