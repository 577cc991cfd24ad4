import type { BasicErrorKind } from '../errors';
import type { Language } from './languages';
import { EN } from './messages-en';
import { JA } from './messages-ja';

/** Why the address was refused; the page says it in the customer's language (AppError messages are English). */
export type EmailProblem = 'empty' | 'invalid';

/** Text around an inserted value whose word order differs between languages ("run by X" / "Xが運営"). */
export interface Around {
  before: string;
  after: string;
}

/**
 * Every string of the public pages. One object per language, both checked against this interface,
 * so a string missing in one language is a compile error rather than a blank on the page.
 */
export interface Messages {
  /** Between a label and its value: full width in Japanese. */
  colon: string;
  site: {
    name: string;
    skipLink: string;
    languageNav: string;
    demoBanner: string;
  };
  /** Shown in the target language on pages whose state the switch cannot carry over. */
  languageSwitch: {
    restartLabel: string;
    restartNote: string;
  };
  operator: {
    runBy: Around;
    verify: string;
    announcementLink: (host: string) => string;
  };
  trust: {
    /** One line for the footer of every page. */
    short: string;
    heading: string;
    points: string[];
  };
  check: {
    title: string;
    heading: string;
    intro: string;
    label: string;
    hint: string;
    button: string;
    errorTitlePrefix: string;
    errorSummaryHeading: string;
    emailProblems: Record<EmailProblem, string>;
  };
  result: {
    foundTitle: string;
    foundHeading: string;
    foundLead: (groups: number) => string;
    notFoundTitle: string;
    notFoundHeading: string;
    notFoundLead: string;
    notFoundSeparately: string;
    /** Before the masked address checked (`t•••@example.jp`), then the colon. */
    addressChecked: string;
    /** Under it: only part of it is shown, and a mistyped address means checking again. */
    addressCheckedHint: string;
    /** The link under the hint, back to the form. */
    checkAgain: string;
    checkedHeading: string;
    checkedIntro: string;
    notCheckableHeading: string;
    notCheckableIntro: string;
    checkAnother: string;
  };
  card: {
    incident: string;
    whoIsAffected: string;
    mayBeAffected: string;
    exposed: string;
    /** The heading of the data that may have been exposed (the company is still investigating). */
    possiblyExposed: string;
    possiblyExposedNote: string;
    notExposed: string;
    noneConfirmedNotExposed: string;
    whatToDo: string;
    facts: string;
    period: string;
    happened: string;
    announced: string;
    people: (count: number) => string;
    peopleLabel: string;
    status: string;
    investigating: string;
    resolved: string;
    summary: string;
    sources: string;
  };
  precautions: {
    heading: string;
    points: string[];
  };
  /** The basic kinds of error (src/errors/error-kinds.ts): a finer one is shown as the basic kind it refines. */
  errors: Record<BasicErrorKind, { title: string; body: string }> & {
    /** A 429 from the budget of the client's network (its address or IPv6 /64); `rateLimited` is everybody's. */
    rateLimitedNetwork: {
      title: string;
      body: string;
      /** Shown after when to come back: who shares the budget. */
      note: string;
    };
    notAnAnswer: string;
    /** The 429 page: when to come back, in whole minutes. */
    retryIn: (minutes: number) => string;
    backLink: string;
  };
}

const MESSAGES: Record<Language, Messages> = { ja: JA, en: EN };

export function messagesFor(language: Language): Messages {
  return MESSAGES[language];
}
