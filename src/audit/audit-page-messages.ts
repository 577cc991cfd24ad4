import type { Language } from '../i18n';
import type { StaffRole } from '../actor';
import type { AuditAction, AuditTarget } from './audit-event';
import { AUDIT_PAGE_EN } from './audit-page-messages-en';
import { AUDIT_PAGE_JA } from './audit-page-messages-ja';
import type { AuditFilterProblem } from './audit-page-view';

/** Every string of the admin console's audit log page. Views read it as `pt` (page text). */
export interface AuditPageMessages {
  colon: string;
  title: string;
  intro: string;
  /** `zone` as timeZoneLabel names it. */
  timesNote: (zone: string) => string;
  filters: {
    legend: string;
    username: string;
    usernameHint: string;
    action: string;
    anyAction: string;
    ticketRef: string;
    /** `zone`, here and below, as timeZoneName names it. */
    from: (zone: string) => string;
    to: (zone: string) => string;
    datesHint: (zone: string) => string;
    apply: string;
    clear: string;
    problems: Record<AuditFilterProblem, string>;
  };
  table: {
    caption: string;
    time: (zone: string) => string;
    actor: string;
    action: string;
    target: string;
    ticketRef: string;
    matched: string;
    details: string;
    utcTitle: (iso: string) => string;
  };
  actor: {
    roles: Record<StaffRole, string>;
    apiToken: (username: string) => string;
    apiTokenId: (tokenId: string) => string;
    breakGlass: string;
    breakGlassNote: string;
    /** A failed sign-in: nobody was signed in. */
    notSignedIn: string;
    /** A failed sign-in whose username was not a valid one. */
    unknownUser: string;
  };
  actions: Record<AuditAction, string>;
  targets: Record<keyof AuditTarget, string>;
  /** An empty cell. */
  nothing: string;
  noMatches: string;
  empty: string;
  emptyFiltered: string;
  showing: (events: number) => string;
  older: string;
  newest: string;
  scanStopped: string;
}

const MESSAGES: Record<Language, AuditPageMessages> = { ja: AUDIT_PAGE_JA, en: AUDIT_PAGE_EN };

export function auditPageMessagesFor(language: Language): AuditPageMessages {
  return MESSAGES[language];
}
