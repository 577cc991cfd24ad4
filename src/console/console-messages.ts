import type { Language } from '../i18n';
import { STAFF_EN } from './console-messages-en';
import { STAFF_JA } from './console-messages-ja';
import type { StaffRole } from '../actor';
import type { ErrorKind } from '../errors';

/**
 * Every string of the staff console's frame: layout, sign-in, errors. One object
 * per language, both checked against this interface. Views read it as `st` (staff text); feature
 * pages bring their own message modules the same way.
 */
export interface StaffMessages {
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
  /**
   * A page for every kind of error (src/errors/error-kinds.ts): the console tells them all apart,
   * but for the public checks' per-network limit, which no console route has (a 429 shows as `rateLimited`).
   */
  errors: Record<Exclude<ErrorKind, 'rateLimitedNetwork'>, { title: string; body: string }> & {
    retryIn: (minutes: number) => string;
    backLink: string;
  };
}

const STAFF_MESSAGES: Record<Language, StaffMessages> = { ja: STAFF_JA, en: STAFF_EN };

export function staffMessagesFor(language: Language): StaffMessages {
  return STAFF_MESSAGES[language];
}
