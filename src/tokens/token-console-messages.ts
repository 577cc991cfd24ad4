import type { FieldText } from '../console';
import type { Language } from '../i18n';
import { TOKEN_CONSOLE_EN } from './token-console-messages-en';
import { TOKEN_CONSOLE_JA } from './token-console-messages-ja';

/** What the token pages' redirects after a change tell the next page (`?done=`). */
export type TokenNotice = 'tokenRevoked';

/** Refusals of the new-token form. */
export type TokenProblem = 'invalid_label';

/**
 * Every string of the API token pages (and of the token list on a staff account's page), one
 * object per language, both checked against this interface: a missing string fails the build.
 */
export interface TokenConsoleMessages {
  /** One sentence per notice. */
  done: Record<TokenNotice, string>;
  tokens: {
    title: string;
    intro: string;
    empty: string;
    columns: { label: string; created: string; lastUsed: string; state: string };
    active: string;
    revokedOn: (when: string) => string;
    neverUsed: string;
    revokeLink: string;
    newHeading: string;
    label: FieldText;
    create: string;
    createdTitle: string;
    createdOnce: string;
    secretLabel: (label: string) => string;
    copy: string;
    copied: string;
    copyFailed: string;
    copyHint: string;
    usageHeading: string;
    usageIntro: string;
    usageNote: string;
    /** Under the command: where to find the exposure id that replaces EXPOSURE_ID. */
    exposureIdNote: string;
    backToTokens: string;
    confirmTitle: (label: string) => string;
    confirmBody: string;
    confirmButton: string;
    problems: Record<TokenProblem, string>;
  };
}

const TOKEN_CONSOLE_MESSAGES: Record<Language, TokenConsoleMessages> = { ja: TOKEN_CONSOLE_JA, en: TOKEN_CONSOLE_EN };

export function tokenConsoleMessagesFor(language: Language): TokenConsoleMessages {
  return TOKEN_CONSOLE_MESSAGES[language];
}
