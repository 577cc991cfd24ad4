import type { Language } from '../i18n';
import { ADMIN_EN } from './admin-messages-en';
import { ADMIN_JA } from './admin-messages-ja';

/** A labelled text with a hint under it: the shape of a form field's words on every admin page. */
export interface FieldText {
  label: string;
  hint: string;
}

/**
 * The strings every admin page shares (the words of forms, confirmations and the audit-gap page)
 * and the dashboard's, one object per language, both checked against this interface: a missing
 * string fails the build. Views read them as `at` (admin text), beside the console frame's `st`;
 * each feature puts its own console catalogue beside them in `at` for its pages (adminPages).
 */
export interface AdminMessages {
  common: {
    /** Each language's name in this one: the label of its input in a field written in every language. */
    languageLabels: Record<Language, string>;
    required: string;
    optional: string;
    noValue: string;
    cancel: string;
    formProblem: string;
    /** Introduces the list of a refusal's problems, each naming its field. */
    details: string;
    /** The link of a refusal that names no field. */
    toTheForm: string;
    cannotUndo: string;
    yes: string;
    no: string;
    auditGap: { title: string; body: string };
  };
  dashboard: {
    title: string;
    intro: string;
    facts: (incidents: number, exposures: number, published: number, lists: number) => string;
    sections: Record<'incidents' | 'staff' | 'tokens' | 'audit' | 'stats' | 'check', { title: string; body: string }>;
  };
}

const ADMIN_MESSAGES: Record<Language, AdminMessages> = { ja: ADMIN_JA, en: ADMIN_EN };

export function adminMessagesFor(language: Language): AdminMessages {
  return ADMIN_MESSAGES[language];
}
