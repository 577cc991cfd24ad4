import type { TokenConsoleMessages } from './token-console-messages';

export const TOKEN_CONSOLE_EN: TokenConsoleMessages = {
  done: {
    tokenRevoked: 'The token was revoked: it no longer works.',
  },
  tokens: {
    title: 'API tokens',
    intro:
      'A token lets a script such as npm run load-list act as you on the admin API. It works while your account is an enabled admin, ' +
      'and what it changes is logged under your name. Only you see your tokens.',
    empty: 'You have no API tokens.',
    columns: { label: 'Label', created: 'Created', lastUsed: 'Last used', state: 'State' },
    active: 'Active',
    revokedOn: (when) => `Revoked ${when}`,
    neverUsed: 'Never',
    revokeLink: 'Revoke…',
    newHeading: 'New token',
    label: { label: 'Label', hint: 'Where it will be used, for example "load-list on the hashing laptop".' },
    create: 'Create token',
    createdTitle: 'Your new API token',
    createdOnce:
      'Copy the token now: it is shown only this once and cannot be shown again. Keep it like a password. If it is lost, revoke it and make a new one.',
    secretLabel: (label) => `Token "${label}"`,
    copy: 'Copy',
    copied: 'Copied to the clipboard.',
    copyFailed: 'The browser did not allow copying: the token is selected, press Ctrl+C (⌘C).',
    copyHint: 'Select the whole token and copy it (Ctrl+C, or ⌘C on a Mac).',
    usageHeading: 'Loading a list with it',
    usageIntro: 'On the machine that holds the list file written by npm run hash-list:',
    usageNote:
      'Put the token in the environment, never on the command line (other users could see it in ps). --publish also publishes the exposure once the list is live.',
    exposureIdNote: 'Replace EXPOSURE_ID with the id shown on the exposure\'s page, and the file name with yours.',
    backToTokens: 'Back to API tokens',
    confirmTitle: (label) => `Revoke the token "${label}"?`,
    confirmBody: 'Scripts that use it stop working at once.',
    confirmButton: 'Revoke the token',
    problems: {
      invalid_label: 'A label is 1 to 100 characters, without "@" or control characters.',
    },
  },
};
