import type { Language } from '../i18n';
import { LIST_CONSOLE_EN } from './list-console-messages-en';
import { LIST_CONSOLE_JA } from './list-console-messages-ja';

/** The refusals of an upload the exposure page says in its own words, by the server's error code. */
export type ListUploadProblem =
  | 'invalid_list'
  | 'empty_list'
  | 'unknown_profile'
  | 'upload_incomplete'
  | 'upload_stalled'
  | 'list_upload_incomplete'
  | 'list_upload_cancelled'
  | 'csrf_rejected'
  | 'forbidden'
  | 'not_found'
  | 'unavailable'
  | 'audit_unavailable';

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
    /** For a refusal of another code: `{code}` is replaced with it. */
    errorCode: string;
    /**
     * By the server's error code; anything else shows `failed` and `errorCode`. The script fills in
     * the error's params: `{count}` and `{lines}` (the first bad line numbers, joined by
     * `listSeparator`) of invalid_list, then `{more}` (`moreLines` when more lines were bad than
     * listed, else nothing); `{seconds}` of upload_stalled.
     */
    problems: Record<ListUploadProblem, string>;
    listSeparator: string;
    /** `{rest}`: how many bad lines are not listed. */
    moreLines: string;
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
