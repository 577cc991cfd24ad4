import { LOCALE_TAGS } from './languages';
import type { Messages } from './messages';

const count = new Intl.NumberFormat(LOCALE_TAGS.en);

export const EN: Messages = {
  colon: ': ',
  site: {
    name: 'Exposure Check',
    skipLink: 'Skip to main content',
    languageNav: 'Language',
    demoBanner:
      'Demo: the incidents are real public announcements, but the lists hold made-up addresses. ' +
      'This demonstration is not run by any company named here.',
  },
  languageSwitch: {
    restartLabel: 'Check page in English',
    restartNote: 'We do not keep the address you typed, so you will need to type it again.',
  },
  operator: {
    runBy: { before: 'This service is run by ', after: '.' },
    verify: 'To make sure this page is genuine, open it from the official announcement:',
    announcementLink: (host) => `Official announcement on ${host}`,
  },
  trust: {
    short: 'The address you type is not stored and not logged: it is only compared, as a keyed hash, on our own server.',
    heading: 'What happens to the address you type',
    points: [
      'It is not stored and not written to any log.',
      'Our own server turns it into a keyed hash (a code that cannot be turned back into the address) ' +
        'and compares that code with hashed lists of the exposed data. Then it is forgotten.',
      'This page loads nothing from other companies: no ads, no analytics, no outside fonts or scripts.',
      'We never ask for a password, a card number or any other personal details.',
    ],
  },
  check: {
    title: 'Check whether your email address was exposed',
    heading: 'Was your email address in a data breach?',
    intro:
      'Enter the email address you gave the company. We look for it in the lists of addresses exposed in ' +
      'the incidents the company has announced, and tell you what was taken, what was not, and what to do.',
    label: 'Email address',
    hint:
      'Type it as you gave it to the company; full-width characters are fine. Each address is checked ' +
      'exactly as written: name+tag@example.jp and name@example.jp are checked separately.',
    button: 'Check',
    errorTitlePrefix: 'Error: ',
    errorSummaryHeading: 'There is a problem',
    emailProblems: {
      empty: 'Enter your email address.',
      invalid: 'This is not a complete email address. Check it and try again: it should look like name@example.jp.',
    },
  },
  result: {
    foundTitle: 'Your address was found in the exposed data',
    foundHeading: 'Your email address was in the exposed data',
    foundLead: (groups) =>
      (groups === 1
        ? 'It is in 1 group of customers whose data was exposed.'
        : `It is in ${count.format(groups)} groups of customers whose data was exposed.`) +
      ' Below: what was taken, what was not, and what to do now.',
    notFoundTitle: 'Your address is not in the lists we hold',
    notFoundHeading: 'Your email address is not in the lists we hold',
    notFoundLead:
      'This does not mean that your data is safe. We can only check the lists below, and an incident may ' +
      'involve people who are not on any list.',
    notFoundSeparately:
      'Each address is checked separately. If you use other addresses, including name+tag variants, ' +
      'check each of them too.',
    addressChecked: 'Address checked',
    addressCheckedHint:
      'Only its first character and the part after the @ are shown. If this is not the address you meant, ' +
      'for example because of a typo, the result above is not about yours: check again with the right one.',
    checkAgain: 'Check again',
    checkedHeading: 'Lists we checked',
    checkedIntro: 'Your address was compared with the hashed lists of these groups of people:',
    notCheckableHeading: 'Incidents we cannot check by email',
    notCheckableIntro:
      'No list of email addresses exists for these. Read who was affected: if it describes you, your data may have been exposed.',
    checkAnother: 'Check another address',
  },
  card: {
    incident: 'Incident',
    whoIsAffected: 'Who is affected',
    mayBeAffected: 'You may be affected if you are one of these people:',
    exposed: 'What was exposed',
    possiblyExposed: 'May have been exposed (still being investigated)',
    possiblyExposedNote: 'The company has not yet determined whether these were accessed.',
    notExposed: 'Confirmed NOT exposed',
    noneConfirmedNotExposed: 'The company has not confirmed any of your data as not exposed.',
    whatToDo: 'What to do now',
    facts: 'Details',
    period: 'Period of this group',
    happened: 'When the attack happened',
    announced: 'Announced',
    peopleLabel: 'People in this group',
    people: (people) => `${count.format(people)} ${people === 1 ? 'person' : 'people'}`,
    status: 'Status',
    investigating: 'Still under investigation: details may change',
    resolved: 'Investigation completed',
    summary: 'What happened',
    sources: 'Sources',
  },
  precautions: {
    heading: 'Good precautions for everyone',
    points: [
      'Do not follow links in emails or text messages about this incident. Open the company\u2019s website ' +
        'yourself, or call the number on your contract or on the official website.',
      'Be wary of any message that asks for a password, a card number or a payment, however genuine it looks.',
      'Use a different password for each service, and change any password you have used in more than one place.',
    ],
  },
  errors: {
    notFound: { title: 'Page not found', body: 'There is no page at this address.' },
    rateLimited: {
      title: 'Please wait a moment',
      body: 'Many checks are being made right now, so we are pacing them to keep the service fair and safe for everyone.',
    },
    rateLimitedNetwork: {
      title: 'Please wait a moment',
      body: 'Many checks came from your network, so checks from it are paused.',
      note:
        'People who share a network, such as a mobile carrier\u2019s or an office\u2019s, share this limit, ' +
        'so you may see this even if you have made few checks yourself.',
    },
    unavailable: {
      title: 'The check could not be done',
      body: 'We could not read the lists just now. Please try again in a few minutes.',
    },
    tooLarge: { title: 'Too much was sent', body: 'What was sent is too large. Please go back and try again.' },
    badRequest: { title: 'Something went wrong', body: 'The request could not be understood. Please go back and try again.' },
    internal: {
      title: 'Something went wrong',
      body: 'Something went wrong on our side. Please try again later.',
    },
    notAnAnswer: 'This is not a \u201cnot affected\u201d answer: your address was not checked.',
    retryIn: (minutes) => (minutes === 1 ? 'Please try again in a minute.' : `Please try again in ${minutes} minutes.`),
    backLink: 'Back to the check page',
  },
};
