import type { Language } from '../i18n/localized-text';
import { STAFF_EN } from './console-messages-en';
import { STAFF_JA } from './console-messages-ja';
import type { StaffRole } from '../staff/staff-model';

/** The console's error pages, chosen by AppError code and status. */
export type ConsoleErrorKind =
  | 'forbidden'
  | 'csrf'
  | 'notFound'
  | 'rateLimited'
  | 'overloaded'
  | 'unavailable'
  | 'tooLarge'
  | 'badRequest'
  | 'internal';

/**
 * Every string of the staff console's frame: layout, sign-in, errors. One object
 * per language, both checked against this interface. Views read it as `st` (staff text); feature
 * pages bring their own message modules the same way.
 */
export interface StaffMessages {
  /** This language's own name, for the switch. */
  languageName: string;
  console: {
    name: string;
    skipLink: string;
    navLabel: string;
    languageNav: string;
    /** Followed directly by the name: ends with its own space or colon. */
    signedInAs: string;
    signOut: string;
    roles: Record<StaffRole, string>;
    demoBanner: string;
  };
  nav: {
    check: string;
    incidents: string;
    staff: string;
    tokens: string;
    audit: string;
    stats: string;
  };
  login: {
    title: string;
    heading: string;
    intro: string;
    username: string;
    password: string;
    button: string;
    failed: string;
    /** The lockout message: what happened, and the whole minutes to wait. */
    throttledAccount: (minutes: number) => string;
    throttledIp: (minutes: number) => string;
    ended: string;
    signedOut: string;
    formExpired: string;
    /** The audit log cannot record sign-ins, so none happen. */
    unaudited: string;
    demoHint: string;
  };
  errors: Record<ConsoleErrorKind, { title: string; body: string }> & {
    retryIn: (minutes: number) => string;
    backLink: string;
  };
}

const STAFF_MESSAGES: Record<Language, StaffMessages> = { ja: STAFF_JA, en: STAFF_EN };

export function staffMessagesFor(language: Language): StaffMessages {
  return STAFF_MESSAGES[language];
}
