import type { Request, RequestHandler, Response } from 'express';
import type { Language } from './languages';
import { chooseLanguage, LANGUAGE_COOKIE, otherLanguage } from './choose-language';
import { messagesFor, type Messages } from './messages';

/** What every page template reads: its language, its strings, and the language the switch leads to. */
export interface PageLanguageLocals {
  lang: Language;
  otherLang: Language;
  t: Messages;
}

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * Picks the page language (form field, ?lang, cookie, Accept-Language, the fallback language) and remembers a
 * switch in a cookie. Pages only: the API speaks JSON with stable codes and is never localized.
 */
export const pageLanguage: RequestHandler = (req, res, next) => {
  if (!req.path.startsWith('/api/')) applyPageLanguage(req, res);
  next();
};

/** Idempotent, so the error handler can call it for requests that failed before the middleware ran. */
export function applyPageLanguage(req: Request, res: Response): PageLanguageLocals {
  if (res.locals.lang !== undefined) return res.locals as PageLanguageLocals;
  const { language, picked } = chooseLanguage({
    form: req.method === 'POST' ? (req.body as { lang?: unknown } | undefined)?.lang : undefined,
    query: req.method === 'GET' || req.method === 'HEAD' ? req.query.lang : undefined,
    cookieHeader: req.headers.cookie,
    acceptsLanguages: (...languages) => req.acceptsLanguages(...languages),
  });
  if (picked) {
    // Holds only a language code ("ja", "en"): no identifier, nothing about the address; a preference, not tracking.
    res.cookie(LANGUAGE_COOKIE, language, {
      httpOnly: true,
      sameSite: 'lax',
      // Behind a TLS-terminating proxy req.secure is false; a forged header only makes the
      // forger's own cookie stricter, so it is safe to take it at its word here.
      secure: req.secure || req.get('x-forwarded-proto') === 'https',
      maxAge: YEAR_MS,
      path: '/',
    });
  }
  // The same URL answers in either language; shared caches must keep them apart.
  res.vary('Accept-Language').vary('Cookie');
  res.set('Content-Language', language);
  const locals = languageLocals(language);
  Object.assign(res.locals, locals);
  return locals;
}

/** What a page template reads for `language`; also for pages rendered without a request (the result page's padded size). */
export function languageLocals(language: Language): PageLanguageLocals {
  return {
    lang: language,
    otherLang: otherLanguage(language),
    t: messagesFor(language),
  };
}
