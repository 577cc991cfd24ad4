import type { Request, RequestHandler, Response } from 'express';
import { FALLBACK_LANGUAGE, isLanguage, perLanguage, type Language } from '../i18n';
import { adminMessagesFor, type AdminMessages } from './admin-messages';

/**
 * The shared admin strings as `at`, for every /admin page: enough for the frame's own pages (the
 * dashboard, the audit-gap page after any change). A feature's pages put their fuller `at` over
 * it (adminPages).
 */
export const adminLocals: RequestHandler = (_req, res, next) => {
  res.locals.at = adminTextOf(res);
  next();
};

export function languageOf(res: Response): Language {
  return isLanguage(res.locals.lang) ? res.locals.lang : FALLBACK_LANGUAGE;
}

export function adminTextOf(res: Response): AdminMessages {
  return adminMessagesFor(languageOf(res));
}

/** What a feature's admin templates read as `at`: the words every admin page shares, and the feature's own. */
export type AdminText<Own> = AdminMessages & Own;

/** A feature's strings sit beside the shared ones in `at`, never over them. */
type OwnText = object & { [Section in keyof AdminMessages]?: never };

/** A feature's admin pages, as adminPages makes them. */
export interface AdminPages<Own, Notice extends string> {
  /** For the feature's paths: `at` for its templates, and `doneText` when a change led here. */
  locals: RequestHandler;
  /** The same `at`, for the handlers (refusals, confirmation pages). */
  textOf(res: Response): AdminText<Own>;
  /** Where a change sends the browser next: its page, naming the notice (`?done=`) that says what was done. */
  doneUrl(path: string, notice: Notice): string;
}

/**
 * The console's half of a feature's admin pages; the feature brings the words. `own` gives its
 * console catalogue (with any section of another feature its pages show), `notices` picks from it
 * the sentences of its `?done=` notices, so each feature owns the notices its redirects use while
 * the frame knows none of them. A GET's `?done=` shows a sentence only when it names one of those
 * notices: the query string is never echoed. `at` is composed once per language, not per request.
 */
export function adminPages<Own extends OwnText, Notice extends string>(
  own: (language: Language) => Own,
  notices: (text: Own) => Readonly<Record<Notice, string>>,
): AdminPages<Own, Notice> {
  const texts = perLanguage((language): AdminText<Own> => ({ ...adminMessagesFor(language), ...own(language) }));
  const textOf = (res: Response): AdminText<Own> => texts[languageOf(res)];
  return {
    locals: (req, res, next) => {
      const at = textOf(res);
      res.locals.at = at;
      const doneText = doneTextOf(req, notices(at));
      if (doneText !== undefined) res.locals.doneText = doneText;
      next();
    },
    textOf,
    doneUrl: (path, notice) => `${path}?done=${notice}`,
  };
}

function doneTextOf(req: Request, sentences: Readonly<Record<string, string>>): string | undefined {
  const done = req.query.done;
  if (req.method !== 'GET' || typeof done !== 'string' || !Object.hasOwn(sentences, done)) return undefined;
  return sentences[done];
}
