import type { RequestHandler, Response } from 'express';
import type { Language } from '../i18n/localized-text';
import { adminMessagesFor, DONE_NOTICES, type AdminMessages, type DoneNotice } from './admin-messages';

/** Where a change sends the browser next: its page, with the sentence that says what was done. */
export function doneUrl(path: string, done: DoneNotice): string {
  return `${path}?done=${done}`;
}

/**
 * The admin pages' strings (`at`) in the console's language, and the notice of the change that
 * led here (`?done=`). Only known notices are shown: the query string is never echoed.
 */
export const adminLocals: RequestHandler = (req, res, next) => {
  const at = adminMessagesFor(languageOf(res));
  res.locals.at = at;
  const done = req.query.done;
  if (req.method === 'GET' && typeof done === 'string' && isDoneNotice(done)) res.locals.doneText = at.common.done[done];
  next();
};

export function languageOf(res: Response): Language {
  return res.locals.lang === 'en' ? 'en' : 'ja';
}

export function adminTextOf(res: Response): AdminMessages {
  return adminMessagesFor(languageOf(res));
}

function isDoneNotice(value: string): value is DoneNotice {
  return (DONE_NOTICES as readonly string[]).includes(value);
}
