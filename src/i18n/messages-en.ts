import { LOCALE_TAGS } from './languages';
import type { Messages } from './messages';

const count = new Intl.NumberFormat(LOCALE_TAGS.en);

export const EN: Messages = {
  colon: ': ',
  sentenceGap: ' ',
  site: {
    name: 'Exposure Check',
    skipLink: 'Skip to main content',
    languageNav: 'Language',
    demoBanner:
      'Demo: the incidents are real public announcements, but the lists hold made-up addresses. ' +
      'This demonstration is not run by any company named here.',
  },
  languageSwitch: {
    retypeNote: 'Opens the check page: we do not keep your address, so you will need to type it again.',
  },
  operator: {
    runBy: { before: 'This service is run by ', after: '.' },
    verify: 'To make sure this page is genuine, open it from the official announcement',
    announcementLink: (host) => `Official announcement on ${host}`,
  },
  trust: {
    short:
      'The address you type is not stored or logged. It is compared with the lists of exposed data in a form that ' +
      'cannot be turned back into the address.',
    heading: 'What happens to the address you type',
    points: [
      'It is not stored and not written to any log.',
      'It is compared with the lists of exposed data only in a form that cannot be turned back into the address, ' +
        'and the lists hold nothing else. Then it is forgotten.',
      'This page loads nothing from other companies: no ads, no analytics, no outside fonts or scripts.',
      'We never ask for a password, a card number or any other personal details.',
    ],
    moreLink: 'How we protect your address, in more detail',
  },
  privacy: {
    title: 'How we protect your address',
    intro: 'What this service does with the email address you type, and how it keeps it safe.',
    sections: [
      {
        heading: 'Nothing is stored or logged',
        paragraphs: [
          'The address you type is used for the check only. It is not kept in any database or log, and it is never ' +
            'put in the page address (URL) or a cookie. It is discarded as soon as the check is done.',
          'We never ask for a password, a card number or any other personal details.',
        ],
      },
      {
        heading: 'The lists do not contain the exposed addresses',
        paragraphs: [
          'The lists your address is checked against hold only codes made from the exposed addresses, which cannot be ' +
            'turned back into them. Even if a list leaked, no address could be read from it.',
        ],
      },
      {
        heading: 'How the check works',
        paragraphs: [
          'First, the address is written in one standard way: full-width characters become ordinary ones and capitals ' +
            'become small letters. Nothing else is removed: name+tag@example.jp and name@example.jp stay two addresses.',
          'Next, it is turned into a code with argon2id, a method built to take time and memory for every address, so ' +
            'that trying every possible address to find one is impractical.',
          'Then a second step uses a secret key that only this service holds (an OPRF, as described in RFC 9497). ' +
            'Without that key no code on a list can be made or tested, so a copy of the lists alone reveals nothing.',
          'Finally, the code is compared with the codes on the lists: all the check learns is whether it is there.',
        ],
      },
      {
        heading: 'What this page uses',
        paragraphs: [
          'Everything on this page comes from this service\u2019s own server. It uses nothing from other companies: ' +
            'no ads, no analytics, no outside fonts or scripts. It works without JavaScript.',
        ],
      },
      {
        heading: 'Checking on your device',
        paragraphs: [
          'In most browsers the check runs on your own device. The page makes the argon2id code there, then mixes a ' +
            'random number into it (the blinding of the OPRF) before asking our server anything.',
          'Our server receives only that mixed code, from which nothing can be learned, and a group number: the first ' +
            'few digits of the code, one of a few thousand groups. It answers with its key’s step on the mixed code ' +
            'and the codes of the lists in that group; your browser removes its random number and compares by itself.',
          'If the check cannot run in your browser (for example, JavaScript is turned off), the page sends the address ' +
            'to our server instead, over an encrypted connection; the server uses it for the moment of the check and keeps nothing.',
        ],
      },
    ],
  },
  privateCheck: {
    onDevice: (groups) =>
      'Your address does not leave this device: your browser makes the check itself. All our server learns is ' +
      `which of ${count.format(groups)} groups of addresses yours belongs to, so it cannot tell yours from the many others in that group.`,
    onServer:
      'Your browser cannot make the check itself (for example, JavaScript is turned off), so the address is sent to ' +
      'our server over an encrypted connection and used there only for the moment of the check.',
    checking: 'Checking on your device… This takes a few seconds.',
    stale: 'The incidents this page checks changed while it was open, so it cannot show a result. Reload the page and check again.',
    reload: 'Reload the page',
    serverFallback: 'Check on our server instead',
    serverFallbackNote: 'The address is then sent to our server, over an encrypted connection, for the moment of the check.',
  },
  check: {
    title: 'Check whether your email address was exposed',
    heading: 'Was your email address in a data breach?',
    intro:
      'Enter the email address you gave the company that announced the breach. We look for it in the lists of ' +
      'addresses exposed in the incidents it announced, and tell you what was taken, what was not, and what to do.',
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
      // One sentence: the cards below say what was taken and what to do, and on a phone every line
      // here pushes them down.
      groups === 1
        ? 'It is in 1 group of customers whose data was exposed, shown below.'
        : `It is in ${count.format(groups)} groups of customers whose data was exposed, shown below.`,
    notFoundTitle: 'Your address is not in the lists we checked',
    notFoundHeading: 'Your email address is not in the lists we checked',
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
    addressAbout: 'Not your address?',
    checkAgain: 'Check again',
    checkedHeading: 'Lists we checked',
    checkedIntro: 'Your address was compared with the lists of these groups of people:',
    checkedShow: (lists) => (lists === 1 ? 'Show the list we checked' : `Show the ${count.format(lists)} lists we checked`),
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
    groupExposed: 'Exposed for the people in this group',
    maybeOpen: 'Who is affected, what was exposed, whom to contact',
    moreDetails: 'More about this incident: dates, what happened, sources',
    whatToDo: 'What to do now',
    facts: 'Details',
    period: 'Period of this group',
    happened: 'When the attack happened',
    announced: 'Announced',
    peopleLabel: 'People in this group',
    people: (people, qualifier) =>
      qualifier === 'upTo'
        ? `Up to ${count.format(people)} people`
        : qualifier === 'about'
          ? `About ${count.format(people)} people`
          : people === 1
            ? '1 person'
            : `${count.format(people)} people`,
    status: 'Status',
    investigating: 'Still under investigation: details may change',
    resolved: 'Investigation completed',
    summary: 'What happened',
    sources: 'Sources',
  },
  contacts: {
    heading: 'Whom to contact',
    phone: 'Phone',
    hours: 'Hours',
    formLink: (host) => `Contact form on ${host}`,
    announcementLink: (host) => `The company\u2019s announcement on ${host}`,
    unsureHeading: 'If you are unsure',
    unsureIntro: 'If you are unsure whether you are affected, contact the company directly:',
  },
  precautions: {
    heading: 'Precautions for everyone',
    points: [
      'Do not follow links in emails or text messages about this incident. Open the company\u2019s website ' +
        'yourself, or call the number on your contract or on the official website.',
      'Be wary of any message that asks for a password, a card number or a payment, however genuine it looks.',
      'Use a different password for each service, and change any password you have used in more than one place.',
    ],
  },
  errors: {
    notFound: { title: 'Page not found', body: 'There is no page at this web address. Please check the link.' },
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
    badRequest: { title: 'Something went wrong', body: 'We could not process what was sent. Please go back and try again.' },
    internal: {
      title: 'Something went wrong',
      body: 'Something went wrong on our side. Please try again later.',
    },
    notAnAnswer: 'This is not a \u201cnot affected\u201d answer: your address was not checked.',
    retryIn: (minutes) => (minutes === 1 ? 'Please try again in a minute.' : `Please try again in ${minutes} minutes.`),
    backLink: 'Back to the check page',
  },
};
