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
  /** Between two sentences, or a sentence and a link after it: nothing in Japanese, a space in English. */
  sentenceGap: string;
  site: {
    name: string;
    skipLink: string;
    languageNav: string;
    demoBanner: string;
  };
  /** Shown in the target language on pages whose state the switch cannot carry over. */
  languageSwitch: {
    /**
     * In the page's own language, beside the switch on pages holding a result or a typed address
     * (the link itself is the other language's name): switching means typing the address again.
     */
    retypeNote: string;
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
    /** The link from the check page's trust section to the privacy page. */
    moreLink: string;
  };
  /**
   * GET /privacy, "how we protect your address": the only customer page that may name the
   * technique (argon2id, the keyed OPRF), in plain words; every other page says it without jargon.
   */
  privacy: {
    title: string;
    intro: string;
    sections: { heading: string; paragraphs: string[] }[];
  };
  /**
   * The check page's own check, made in the browser (the private check, issue 15): its trust
   * lines, its progress and the ways it can fail. A failure is never worded as a result.
   */
  privateCheck: {
    /** Shown when the browser checks by itself: what the server learns, with the real number of groups. */
    onDevice: (groups: number) => string;
    /** Shown when it cannot (no JavaScript, an old browser): the address goes to the server for the check. */
    onServer: string;
    checking: string;
    /** The page's catalogue changed since it was opened: its result parts no longer fit the answer. */
    stale: string;
    reload: string;
    /** The button that sends the address to the server's check after a failure, and what that means. */
    serverFallback: string;
    serverFallbackNote: string;
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
    /** The summary of the collapsed hint. */
    addressAbout: string;
    /** The link under the hint, back to the form. */
    checkAgain: string;
    checkedHeading: string;
    checkedIntro: string;
    /** The summary of the collapsed list of lists checked. */
    checkedShow: (lists: number) => string;
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
    /**
     * On a not-checkable card, instead of `exposed`: what was taken from the people of that group,
     * who may or may not include the reader (a neutral box, not the alarm of a hit).
     */
    groupExposed: string;
    /** Under a collapsed not-checkable card's title: what opening it shows. */
    maybeOpen: string;
    /** The summary of a hit card's collapsed details (facts, what happened, sources). */
    moreDetails: string;
    whatToDo: string;
    facts: string;
    period: string;
    happened: string;
    announced: string;
    /** As the source states the count: exactly, about, or up to (AffectedCountQualifier in the catalogue). */
    people: (count: number, qualifier: 'exactly' | 'about' | 'upTo') => string;
    peopleLabel: string;
    status: string;
    investigating: string;
    resolved: string;
    summary: string;
    sources: string;
  };
  /** An incident's contacts, on its cards and (when the address was not found) under the verdict. */
  contacts: {
    heading: string;
    phone: string;
    hours: string;
    /** The link text, naming where it leads. */
    formLink: (host: string) => string;
    announcementLink: (host: string) => string;
    /** The miss page: whom to ask when unsure. */
    unsureHeading: string;
    unsureIntro: string;
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
