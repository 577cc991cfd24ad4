import type { StaffMessages } from './console-messages';

const minutesText = (minutes: number) => (minutes === 1 ? '1 minute' : `${minutes} minutes`);

export const STAFF_EN: StaffMessages = {
  console: {
    name: 'Exposure Check staff console',
    skipLink: 'Skip to content',
    navLabel: 'Console',
    languageNav: 'Language',
    signedInAs: 'Signed in as ',
    signOut: 'Sign out',
    roles: { admin: 'Admin', support: 'Support' },
    demoBanner: 'Demo: data lives in memory and is lost when the server stops.',
  },
  nav: {
    check: 'Check',
    incidents: 'Incidents',
    staff: 'Staff',
    tokens: 'API tokens',
    audit: 'Audit log',
    stats: 'Statistics',
  },
  login: {
    title: 'Sign in',
    heading: 'Sign in to the staff console',
    intro: 'For support staff and administrators of this service.',
    username: 'Username',
    password: 'Password',
    button: 'Sign in',
    failed: 'The username or password is not correct.',
    throttledAccount: (minutes) =>
      `Too many failed sign-ins for this username. It is locked for now: try again in ${minutesText(minutes)}, or ask an admin to reset your password.`,
    throttledIp: (minutes) =>
      `Too many failed sign-ins from this connection. Try again in ${minutesText(minutes)}.`,
    ended: 'Your session has ended. Please sign in again.',
    signedOut: 'You have signed out.',
    formExpired: 'The sign-in form had expired. Please sign in again.',
    unaudited:
      'Signing in is not possible right now: the audit log cannot record sign-ins. Please try again in a few minutes; if it goes on, tell your security team.',
    demoHint: 'Demo mode: the demo-admin and demo-support passwords are printed in the server log at start.',
  },
  errors: {
    forbidden: { title: 'Not allowed', body: 'Your role does not give access to this page.' },
    csrf: {
      title: 'The form has expired',
      body: 'The request did not carry this session\'s security token (the page may have been open too long). Go back, reload the page and try again.',
    },
    notFound: { title: 'Page not found', body: 'There is no console page at this address.' },
    rateLimited: { title: 'Please wait', body: 'Too many requests were made.' },
    overloaded: { title: 'Busy', body: 'Too many sign-ins are being processed right now. Please try again in a few seconds.' },
    unavailable: { title: 'Unavailable', body: 'The service cannot answer right now. Please try again in a few minutes.' },
    tooLarge: { title: 'Too large', body: 'What was sent is too large.' },
    badRequest: { title: 'Could not be processed', body: 'The request could not be processed. Go back and try again.' },
    internal: { title: 'Something went wrong', body: 'Something went wrong on our side. Please try again later.' },
    retryIn: (minutes) => `Please try again in ${minutesText(minutes)}.`,
    backLink: 'Back to the console',
  },
};
