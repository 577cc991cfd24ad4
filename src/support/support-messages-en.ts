import { LOCALE_TAGS } from '../i18n';
import type { SupportMessages } from './support-messages';

const count = new Intl.NumberFormat(LOCALE_TAGS.en);

export const SUPPORT_EN: SupportMessages = {
  colon: ': ',
  form: {
    title: 'Check an address for a caller',
    heading: 'Check an address for a caller',
    intro:
      'Enter the ticket reference and the email address the caller gives you. You will see every exposure ' +
      'the address is in, sensitive ones included, with the incident\'s details and what to tell the caller.',
    privacy:
      'The address is used for this check only: it is not stored or logged, and the result page shows only ' +
      'its first character and its domain. The check is recorded in the audit log with your username, the ' +
      'ticket reference and the exposures found.',
    ticketLabel: 'Ticket reference',
    ticketHint: 'The reference of the caller\'s ticket, for example ZD-48213. Never the caller\'s address or name.',
    emailLabel: 'Caller\'s email address',
    emailHint:
      'As the caller gave it to the company; full-width characters are fine. Each address is checked exactly ' +
      'as written: name+tag@example.jp and name@example.jp are checked separately.',
    button: 'Check',
    errorTitlePrefix: 'Error: ',
    errorSummaryHeading: 'There is a problem',
    ticketProblems: {
      missing: 'Enter the ticket reference of this call or message, for example ZD-48213.',
      tooLong: 'A ticket reference is at most 64 characters.',
      address:
        'A ticket reference must not contain "@": enter the ticket\'s reference, never the caller\'s address. ' +
        'What you typed there has been cleared.',
      percent:
        'A ticket reference must not contain "%": an address typed URL-encoded (such as %40) must never reach ' +
        'the audit log. What you typed there has been cleared.',
      control: 'A ticket reference must not contain line breaks, tabs or invisible characters.',
    },
    emailProblems: {
      empty: 'Enter the caller\'s email address.',
      invalid:
        'This is not a complete email address. Check it with the caller and type it again: it should look like name@example.jp.',
    },
    addressCleared: 'For the caller\'s privacy the address is never kept: type it again.',
    rateLimited: (seconds, perMinute) =>
      `You have made ${perMinute} checks in the last minute, the most one person may make. ` +
      `Please wait ${seconds} seconds and try again. Nothing was checked.`,
    unavailable:
      'The check could not be completed right now, so there is no answer: this does not mean "not affected". ' +
      'Please try again in a minute; if it keeps happening, tell an admin.',
    overloaded:
      'Many checks are being made right now. Please try again in a few seconds. This does not mean "not affected".',
  },
  result: {
    foundTitle: 'Found in the exposed data',
    notFoundTitle: 'Not found in the lists held here',
    foundHeading: (exposures) =>
      exposures === 1 ? 'The address you entered is in 1 exposure' : `The address you entered is in ${count.format(exposures)} exposures`,
    foundLead:
      'Below is each exposure with its incident, what was and was not exposed, the advice the customer sees, ' +
      'and your talking points.',
    notFoundHeading: 'The address you entered is not in the lists held here',
    notFoundLead:
      'This does not mean the caller is safe: it covers only the lists below. Go through the exposures that ' +
      'cannot be checked by email with the caller, and check any other address they use.',
    addressChecked: 'Address checked',
    addressNote:
      'Only its first character and the part after the @ are shown, and the address is not kept anywhere. ' +
      'If this does not match what the caller said, for example because of a typo, check again with the right address.',
    ticketLabel: 'Ticket reference',
    recordedAs: (eventId) => `Recorded in the audit log as #${eventId}.`,
    auditLink: 'See this ticket\'s events in the audit log',
    matchesHeading: 'Exposures the address is in',
    checkedHeading: 'Lists checked',
    checkedIntro: 'The address was compared with the hashed lists of these exposures:',
    noneChecked: 'No exposure has a live list yet: nothing could be checked by email.',
    notCheckableHeading: 'Exposures that cannot be checked by email',
    notCheckableIntro:
      'These exposures have no list. The caller may be affected if the description fits them: ask, and use the talking points.',
    checkAnother: 'Check another address',
    checkAnotherSameTicket: 'Check another address for this ticket',
  },
  card: {
    sensitive: 'Sensitive',
    sensitiveNote: 'Sensitive exposure: customers never see it on the public page. Follow the talking points closely.',
    exposureId: 'Exposure id',
    talkingPoints: 'Talking points',
    noTalkingPoints:
      'No talking points have been written for this exposure yet. Use the description and advice below, and ask an admin to add them.',
    whoIsAffected: 'Who is in this group',
    window: 'Period of this group',
    exposed: 'Exposed',
    possiblyExposed: 'May have been exposed (still being investigated)',
    notExposed: 'Confirmed NOT exposed',
    noneExposedListed: 'No kind of data is listed as exposed.',
    noneConfirmedNotExposed: 'Nothing has been confirmed as not exposed.',
    people: 'People in this group',
    advice: 'Advice the customer sees',
    incident: 'Incident',
    incidentId: 'Incident id',
    organization: 'Organization',
    summary: 'Summary',
    attackWindow: 'When the attack happened',
    announced: 'Announced',
    status: 'Status',
    statuses: {
      investigating: 'Investigating (details may change)',
      announced: 'Announced',
      resolved: 'Resolved',
    },
    sources: 'Sources',
    contacts: 'Contacts the customer is given',
    contactsIntro: 'The customer sees these on their result card; repeat them if the caller asks where else to turn.',
    noContacts: 'This incident names no hotline, contact form or announcement.',
    phone: 'Hotline',
    hours: 'Hours',
    form: 'Contact form',
    announcement: 'Official announcement',
    notKnown: 'Not known',
  },
};
