import { LOCALE_TAGS } from '../i18n';
import type { CatalogConsoleMessages } from './catalog-console-messages';

const BILINGUAL_HINT = 'Japanese, English or both; a page in one language shows the other when its own is empty.';
const DATES_PROBLEM = 'Dates as YYYY-MM-DD (the date picker writes them so); the end must not be before the start. Either end may stay empty.';
const LONG_TEXT_PROBLEM = 'At most 4,000 characters in each language; leave both empty for none.';

export const CATALOG_CONSOLE_EN: CatalogConsoleMessages = {
  done: {
    incidentCreated: 'The incident was created. Add its exposures below.',
    incidentSaved: 'The incident was saved.',
    incidentDeleted: 'The incident was deleted.',
    exposureCreated: 'The exposure was created, unpublished. Load its hashed list and publish it when it is ready.',
    exposureSaved: 'The exposure was saved.',
    exposureDeleted: 'The exposure and its hashed list were deleted.',
    published: 'The exposure is published.',
    unpublished: 'The exposure is no longer published.',
    listDeleted: 'The hashed list was deleted: no row of it remains.',
  },
  incidentStatus: { investigating: 'Investigating', announced: 'Announced', resolved: 'Resolved' },
  incidentFields: {
    organization: { label: 'Organization', hint: `The company that announced the breach. ${BILINGUAL_HINT}` },
    title: { label: 'Title', hint: `What happened, in a few words. ${BILINGUAL_HINT}` },
    summary: { label: 'Summary', hint: 'What happened and what the company is doing about it, for customers.' },
    attackWindow: { label: 'When it happened', hint: 'The attack window, as far as it is known.' },
    announcedOn: { label: 'Announced on', hint: 'The date of the company\'s announcement.' },
    sources: { label: 'Sources', hint: 'The announcement and other public sources: one http:// or https:// address per line, at most 20.' },
    contacts: {
      label: 'Contacts for customers',
      hint:
        'Where a worried customer reaches a person: shown on every result card of this incident, on the page of an ' +
        'address not found, and in the support console. Every part is optional.',
    },
    status: { label: 'Status', hint: 'Shown to customers beside the incident.' },
    from: 'From',
    to: 'To',
    contactParts: {
      phone: { label: 'Hotline number', hint: 'As the company prints it, for example 0120-000-000; phones dial it with one tap.' },
      hours: { label: 'Hotline hours', hint: 'When the hotline answers, for example "Weekdays 9:00-18:00".' },
      formUrl: { label: 'Contact form', hint: "The company's own contact form: an http:// or https:// address." },
      announcementUrl: { label: 'Announcement', hint: "The company's own announcement of this incident: an http:// or https:// address." },
    },
  },
  exposureFields: {
    title: { label: 'Title', hint: `The group of people, as a customer would recognize it: "Catalog requests on the website, 2000-2009". ${BILINGUAL_HINT}` },
    description: { label: 'Description', hint: 'Who is in this group, in more words.' },
    advice: { label: 'Advice', hint: 'What people in this group should do. Advice for each kind of data taken is added automatically.' },
    talkingPoints: {
      label: 'Talking points (staff only)',
      hint: 'What support staff say to a caller found in this exposure. Never shown to the public.',
    },
    window: { label: 'Window', hint: 'The dates that define the group (sign-ups, requests, purchases), as far as they are known.' },
    dataExposed: { label: 'Data exposed (confirmed)', hint: 'Every kind of data known to have been taken for this group. At least one.' },
    dataPossiblyExposed: {
      label: 'Data that may have been exposed (under investigation)',
      hint: 'What the company has not yet determined either way: customers are told it may have been exposed and is still being investigated.',
    },
    dataNotExposed: { label: 'Data confirmed NOT exposed', hint: 'Only what the company has confirmed was not taken: customers are told so.' },
    affectedCount: { label: 'Number of people', hint: 'How many people are in this group, if known (for example 28,700).' },
    affectedCountQualifier: {
      label: 'The number is',
      hint: 'As the announcement states it: "up to 3.1 million" is not "3,100,000". Customers read it so.',
    },
    countQualifiers: { exactly: 'Exact', about: 'About (approximate)', upTo: 'Up to (at most)' },
    sensitive: {
      label: 'Sensitive',
      hint: 'A sensitive exposure never appears on the public page nor answers public checks; only support staff see it in their checks.',
    },
    from: 'From',
    to: 'To',
  },
  incidentProblems: {
    organization: 'Enter the organization\'s name in Japanese, English or both (at most 200 characters).',
    title: 'Enter a title in Japanese, English or both (at most 200 characters).',
    summary: LONG_TEXT_PROBLEM,
    attackWindow: DATES_PROBLEM,
    announcedOn: 'A date as YYYY-MM-DD, or leave it empty.',
    sources: 'One http:// or https:// address per line, at most 20 lines.',
    contacts:
      'The hotline number: 5 to 15 digits, with spaces, hyphens or brackets and an optional leading "+". The form and ' +
      'the announcement: http:// or https:// addresses. The hours: at most 200 characters in each language.',
    status: 'Choose one of the statuses.',
  },
  exposureProblems: {
    title: 'Enter a title in Japanese, English or both (at most 200 characters).',
    description: LONG_TEXT_PROBLEM,
    advice: LONG_TEXT_PROBLEM,
    talkingPoints: LONG_TEXT_PROBLEM,
    window: DATES_PROBLEM,
    dataExposed: 'Tick at least one kind of data that was exposed.',
    dataPossiblyExposed: 'A kind of data can be in only one of the three lists: exposed, may have been exposed, or confirmed not exposed.',
    dataNotExposed: 'A kind of data can be in only one of the three lists: exposed, may have been exposed, or confirmed not exposed.',
    affectedCount: 'A whole number of people, 0 or more (for example 28,700), or leave it empty.',
    affectedCountQualifier: 'Choose how the announcement states the number, and enter the number too.',
    sensitive: 'Tick the box or leave it empty.',
  },
  incidents: {
    title: 'Incidents',
    intro:
      'An incident is an announced breach; its exposures are the groups of people it touched. Nothing is public until an exposure is published.',
    empty: 'There are no incidents yet. Describe the first one below.',
    columns: { title: 'Title', organization: 'Organization', status: 'Status', announced: 'Announced', exposures: 'Exposures' },
    exposureCount: (count, published) => `${count.toLocaleString(LOCALE_TAGS.en)} (${published.toLocaleString(LOCALE_TAGS.en)} published)`,
    newHeading: 'New incident',
    newIntro: 'Organization and title are required; the rest can be filled in later. The incident is not public by itself.',
    create: 'Create incident',
  },
  incident: {
    back: 'All incidents',
    exposuresHeading: 'Exposures',
    noExposures: 'This incident has no exposures yet. Add one: the group of people it touched and what was taken.',
    columns: { title: 'Exposure', publication: 'Publication', visibility: 'Visibility', list: 'Hashed list' },
    addHeading: 'Add an exposure',
    addIntro: 'A new exposure starts unpublished. After creating it you can load its hashed list and publish it.',
    add: 'Add exposure',
    detailsHeading: 'Incident details',
    save: 'Save incident',
    deleteHeading: 'Delete the incident',
    deleteBlocked: 'An incident can be deleted only when it has no exposures: delete them first.',
    deleteLink: 'Delete this incident…',
    confirmTitle: (title) => `Delete the incident "${title}"?`,
    confirmBody: 'The incident and all its texts are erased. It has no exposures.',
    confirmButton: 'Delete the incident',
  },
  exposure: {
    back: (incidentTitle) => `Incident: ${incidentTitle}`,
    stateHeading: 'State',
    id: 'ID',
    publication: 'Publication',
    visibility: 'Visibility',
    list: 'Hashed list',
    published: 'Published',
    unpublished: 'Not published',
    publicVisibility: 'Public',
    sensitiveVisibility: 'Sensitive: support staff only',
    listState: (version, rows) => `Version ${version}, ${rows} rows`,
    noList: 'None',
    detailsHeading: 'Exposure details',
    save: 'Save exposure',
    deleteHeading: 'Delete the exposure',
    deleteIntro: 'Deletes the exposure, its texts and its hashed list.',
    deleteLink: 'Delete this exposure…',
    confirmTitle: (title) => `Delete the exposure "${title}"?`,
    confirmBody: (rows) =>
      rows === undefined
        ? 'The exposure and all its texts are erased. Customers and support staff no longer see it. It has no hashed list.'
        : `The exposure, all its texts and its hashed list (${rows} rows, every version) are erased. Customers and support staff no longer see it.`,
    confirmButton: 'Delete the exposure',
  },
  publication: {
    heading: 'Publication',
    publishedPublic: 'Published: it is on the public page and answers public checks and support staff\'s checks.',
    publishedSensitive: 'Published as sensitive: it answers support staff\'s checks only; the public never sees it.',
    unpublished: 'Not published: only admins see it. No check, public or by support staff, looks at it.',
    noListWarning:
      'It has no hashed list: published, it is shown as "cannot be checked by email" (customers may be affected without being found).',
    publish: 'Publish',
    unpublish: 'Unpublish',
  },
};
