import type { Request, RequestHandler, Response } from 'express';
import { applyPageLanguage } from '../i18n';
import type { StaffMember } from '../actor';
import { staffMessagesFor, type StaffMessages } from './console-messages';

export interface ConsoleNavItem {
  href: string;
  label: string;
  current: boolean;
}

/** What the console layout reads, beside the public page's lang / otherLang. */
export interface ConsoleLocals {
  st: StaffMessages;
  /** The other language's strings: the switch speaks to the reader who wants that language. */
  stOther: StaffMessages;
  /** This page's path, so the switch reloads the same page in the other language. */
  consolePath: string;
  consoleNav: ConsoleNavItem[];
}

/** The admin console's sections, in order: the navigation and the dashboard list the same. */
export const ADMIN_NAV: [keyof StaffMessages['nav'], string][] = [
  ['incidents', '/admin/incidents'],
  ['staff', '/admin/staff'],
  ['tokens', '/admin/tokens'],
  ['audit', '/admin/audit'],
  ['stats', '/admin/stats'],
  ['check', '/support'],
];
const SUPPORT_NAV: [keyof StaffMessages['nav'], string][] = [['check', '/support']];

/** Sets the console's language (the public pages' choice and `lang` cookie), its strings and its navigation. */
export const consoleLocals: RequestHandler = (req, res, next) => {
  applyConsoleLocals(req, res);
  next();
};

/** Idempotent, so the console's error handler can call it for requests that failed before it ran. */
export function applyConsoleLocals(req: Request, res: Response): ConsoleLocals {
  const { lang, otherLang } = applyPageLanguage(req, res);
  const st = staffMessagesFor(lang);
  const staff = res.locals.staff as StaffMember | undefined;
  const locals: ConsoleLocals = {
    st,
    stOther: staffMessagesFor(otherLang),
    // After a form post the same path may not answer GET; the console's home always does.
    consolePath: req.method === 'GET' ? req.path : '/staff',
    consoleNav: staff === undefined ? [] : navFor(staff, req.path, st),
  };
  Object.assign(res.locals, locals);
  return locals;
}

function navFor(staff: StaffMember, path: string, st: StaffMessages): ConsoleNavItem[] {
  return (staff.role === 'admin' ? ADMIN_NAV : SUPPORT_NAV).map(([key, href]) => ({
    href,
    label: st.nav[key],
    current: path === href || path.startsWith(`${href}/`),
  }));
}
