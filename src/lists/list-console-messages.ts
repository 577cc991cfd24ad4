import type { Language } from '../i18n';
import { LIST_CONSOLE_EN } from './list-console-messages-en';
import { LIST_CONSOLE_JA } from './list-console-messages-ja';

/**
 * Every string of the hashed-list section of the exposure page (its state, the upload and its
 * script, the erasure), one object per language, both checked against this interface: a missing
 * string fails the build. The exposure page (catalog/) puts it in its `at`.
 */
export interface ListConsoleMessages {
  list: {
    heading: string;
    version: string;
    rows: string;
    profile: string;
    currentProfile: string;
    olderProfile: string;
    activatedAt: string;
    empty: string;
    uploadHeading: string;
    uploadIntro: string;
    needsScript: string;
    fileLabel: string;
    fileHint: string;
    upload: string;
    progressLabel: string;
    /** For the upload script: `{sent}` and `{total}` are replaced with sizes. */
    sending: string;
    processing: string;
    /** `{records}`, `{duplicates}`, `{version}` are replaced by the script. */
    loaded: string;
    reload: string;
    chooseFile: string;
    failed: string;
    networkFailed: string;
    sessionEnded: string;
    /** By the server's error code; anything else shows `failed` with the server's message. */
    problems: Record<
      'invalid_list' | 'empty_list' | 'unknown_profile' | 'upload_incomplete' | 'csrf_rejected' | 'not_found' | 'audit_unavailable',
      string
    >;
    deleteHeading: string;
    deleteIntro: string;
    deleteLink: string;
    confirmTitle: (title: string) => string;
    confirmBody: (rows: string) => string;
    confirmButton: string;
  };
}

const LIST_CONSOLE_MESSAGES: Record<Language, ListConsoleMessages> = { ja: LIST_CONSOLE_JA, en: LIST_CONSOLE_EN };

export function listConsoleMessagesFor(language: Language): ListConsoleMessages {
  return LIST_CONSOLE_MESSAGES[language];
}
