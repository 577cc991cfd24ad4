import type { ListConsoleMessages } from './list-console-messages';

export const LIST_CONSOLE_EN: ListConsoleMessages = {
  list: {
    heading: 'Hashed list',
    version: 'Live version',
    rows: 'Rows',
    profile: 'Hashing profile',
    currentProfile: '(the current profile)',
    olderProfile: '(an older profile: still checked correctly)',
    activatedAt: 'Live since',
    empty: 'No list is loaded: this exposure cannot be checked by email.',
    uploadHeading: 'Upload a list file',
    uploadIntro:
      'The file written by npm run hash-list on your own machine: one argon2id output per line, never plaintext addresses. ' +
      'A new upload replaces the live list in one step once all of it has arrived valid; until then the current list keeps answering.',
    needsScript:
      'Uploading from this page needs JavaScript. Without it, load the list with npm run load-list and an API token (see API tokens).',
    fileLabel: 'List file',
    fileHint: 'A .txt file from npm run hash-list.',
    upload: 'Upload the list',
    progressLabel: 'Upload progress',
    sending: 'Sending: {sent} of {total}…',
    processing: 'All sent. The server is checking and loading the rows…',
    loaded: 'Loaded: version {version} is live with {records} rows ({duplicates} duplicates ignored).',
    reload: 'Show the updated page',
    chooseFile: 'Choose a list file first.',
    failed: 'The list was not loaded; the previous list (if any) still answers.',
    networkFailed: 'The connection broke off before the server answered. Nothing of this upload went live; try again.',
    sessionEnded: 'Your session has ended. Sign in again in another tab, then upload again.',
    errorCode: 'Error code: {code}',
    problems: {
      invalid_list:
        'The file has invalid lines ({count} in all): line {lines}{more}. Each row must be one argon2id output as 64 hexadecimal ' +
        'characters, and header lines starting with # may only come before the first row. Nothing of it was loaded; hash the ' +
        'list again with npm run hash-list.',
      empty_list: 'The file holds no rows. To take a list offline, delete it instead.',
      unknown_profile: 'The file was hashed with a profile this server does not know. Hash it again with this server\'s profile.',
      upload_incomplete: 'The upload broke off before the whole file arrived. Nothing of it was loaded; try again.',
      upload_stalled: 'Nothing of the file arrived for {seconds} seconds, so the upload was stopped. Nothing of it was loaded; upload it again.',
      list_upload_incomplete:
        'The store lost part of the list while loading it (a restart or failover), so none of it went live. Upload it again once the store is healthy.',
      list_upload_cancelled:
        'The list was deleted, or a server start cleaned up unfinished uploads, while this one was in progress. Nothing of it was loaded; upload it again.',
      csrf_rejected: 'This page is too old to send from. Reload it and upload again.',
      forbidden: 'Your role does not allow uploading lists.',
      not_found: 'This exposure no longer exists.',
      unavailable: 'The store cannot be reached right now, so the list was not loaded. Try again in a few minutes.',
      audit_unavailable: 'The list was loaded and is live, but the audit log could not record it. Tell your security team.',
    },
    listSeparator: ', ',
    moreLines: ' and {rest} more',
    deleteHeading: 'Delete the list',
    deleteIntro: 'Erasure: the list goes offline at once and every row of every version is deleted from the store.',
    deleteLink: 'Delete the list…',
    confirmTitle: (title) => `Delete the hashed list of "${title}"?`,
    confirmBody: (rows) =>
      `Every row (${rows}) of every version of this list is erased from the store. The exposure stays; it can no longer be ` +
      'checked by email, and if published it is shown as "cannot be checked by email" until a list is uploaded again.',
    confirmButton: 'Delete the list',
  },
};
