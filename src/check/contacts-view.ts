import type { IncidentContacts } from '../catalog';
import { type Language, viewText, type ViewText } from '../i18n';
import { sourceLink, type SourceLink } from './source-link';

/** An incident's contacts as a page shows them: the number as printed and as a tel: link. */
export interface ContactsView {
  phone: { text: string; href: string } | undefined;
  hours: ViewText | undefined;
  form: SourceLink | undefined;
  announcement: SourceLink | undefined;
}

/** Undefined when the incident names no contact at all, so a page shows no empty box. Shared with the support console. */
export function contactsView(contacts: IncidentContacts | undefined, language: Language): ContactsView | undefined {
  if (contacts === undefined) return undefined;
  const view: ContactsView = {
    phone: contacts.phone === undefined ? undefined : { text: contacts.phone, href: telHref(contacts.phone) },
    hours: viewText(contacts.hours, language),
    form: contacts.formUrl === undefined ? undefined : sourceLink(contacts.formUrl)[0],
    announcement: contacts.announcementUrl === undefined ? undefined : sourceLink(contacts.announcementUrl)[0],
  };
  return view.phone || view.hours || view.form || view.announcement ? view : undefined;
}

/**
 * `tel:` with the digits and a leading "+" only (RFC 3966 allows visual separators, but phones
 * differ in which they accept): "0120-000-000" dials tel:0120000000.
 */
function telHref(phone: string): string {
  return `tel:${phone.trim().startsWith('+') ? '+' : ''}${phone.replace(/\D/g, '')}`;
}
