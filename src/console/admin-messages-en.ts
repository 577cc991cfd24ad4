import { LOCALE_TAGS } from '../i18n';
import type { AdminMessages } from './admin-messages';

const plural = (count: number, one: string, many: string) => `${count.toLocaleString(LOCALE_TAGS.en)} ${count === 1 ? one : many}`;

export const ADMIN_EN: AdminMessages = {
  common: {
    languageLabels: { ja: 'Japanese', en: 'English' },
    required: 'required',
    optional: 'optional',
    noValue: 'none',
    cancel: 'Cancel',
    formProblem: 'Nothing was saved. Please correct the marked field and send the form again.',
    details: 'Please correct the following:',
    toTheForm: 'Go to the form',
    cannotUndo: 'This cannot be undone.',
    yes: 'Yes',
    no: 'No',
    auditGap: {
      title: 'Saved, but not in the audit log',
      body: 'The change was made, but the audit log could not record it. Tell your security team what you changed and when.',
    },
  },
  dashboard: {
    title: 'Administration',
    intro: 'Describe incidents, load and publish their hashed lists, and manage staff accounts and API tokens.',
    facts: (incidents, exposures, published, lists) =>
      `${plural(incidents, 'incident', 'incidents')}, ${plural(exposures, 'exposure', 'exposures')} ` +
      `(${published.toLocaleString(LOCALE_TAGS.en)} published), ${plural(lists, 'hashed list', 'hashed lists')} loaded.`,
    sections: {
      incidents: {
        title: 'Incidents and exposures',
        body: 'Describe each breach and the groups of people it touched; load, publish and delete hashed lists.',
      },
      staff: { title: 'Staff', body: 'Create accounts, change roles, disable accounts and reset passwords.' },
      tokens: { title: 'API tokens', body: 'Your own tokens for npm run load-list and other scripts.' },
      audit: { title: 'Audit log', body: 'Who did what, and when: checks, changes, sign-ins.' },
      stats: { title: 'Statistics', body: 'Public checks per day and matches per exposure (counts only).' },
      check: { title: 'Check an address', body: 'The support console: check an address for a caller, with a ticket reference.' },
    },
  },
};
