import express, { Router } from 'express';
import { type CheckRateLimits, rateLimitChecks } from '../abuse';
import { isAppError } from '../errors';
import { maskEmail } from '../hashing';
import { renderView } from '../http';
import { pageLanguage, type PageLanguageLocals } from '../i18n';
import { PADDED_ANSWER_CACHE_CONTROL } from './answer-padding';
import { CHECK_BODY_LIMIT } from './check-body-limit';
import type { Checker } from './checker';
import { emailProblemOf } from './email-problem';
import { type PrivateCheckPageSource, privateCheckPage } from './private-check-page';
import { ResultPages } from './result-pages';

/**
 * The public page: works as a plain HTML form, no script needed. Each route brings its parser and
 * page language (after the form parser: the form's hidden field says which language the result is
 * in), so that it can be mounted early (see createApp); the rate limit comes after both, so that a
 * refused form still gets its page in its language. The result page is padded, so that its length
 * on the wire tells neither the result nor the language (src/check/result-pages.ts); it renders
 * with the app's own view engine and globals, as res.render does. It shows the address checked,
 * masked (`t•••@example.jp`), and the padding allows for the longest one.
 */
export function checkPageRoutes(check: Checker, limits: CheckRateLimits, privateSource: PrivateCheckPageSource): Router {
  const router = Router();
  // Made at the first result, from the app this router is mounted in (its views and globals).
  let pages: ResultPages | undefined;

  // With the parts of every result the browser's own check may show (src/check/private-check-page.ts).
  router.get('/', pageLanguage, async (req, res) => {
    const { lang } = res.locals as PageLanguageLocals;
    // The page holds the catalogue as it is now: a copy kept by the browser could not be trusted to be current.
    res.set('Cache-Control', 'no-cache');
    res.render('check.njk', { email: '', privateCheck: await privateCheckPage(privateSource, lang, req.log) });
  });

  // "How we protect your address": the technique in plain words, linked from the check page.
  router.get('/privacy', pageLanguage, (_req, res) => {
    res.render('privacy.njk');
  });

  router.post('/check', express.urlencoded({ extended: false, limit: CHECK_BODY_LIMIT }), pageLanguage, rateLimitChecks(limits), async (req, res) => {
    const email = typeof req.body?.email === 'string' ? req.body.email : '';
    const { lang } = res.locals as PageLanguageLocals;
    res.set('Cache-Control', 'no-store');
    try {
      const result = await check.check(email);
      pages ??= new ResultPages(renderView(req.app));
      // Shown masked on the page, so that a typo can be noticed (issue 14); rendered, never kept or logged.
      const page = await pages.padded(result, lang, maskEmail(email));
      res.set('Cache-Control', PADDED_ANSWER_CACHE_CONTROL).type('html').send(page);
    } catch (error) {
      if (isAppError(error) && error.code === 'invalid_email') {
        // Show the form again with what they typed, so they can correct it; it goes nowhere else.
        res.status(400).render('check.njk', { email, emailProblem: emailProblemOf(email) });
        return;
      }
      throw error;
    }
  });

  return router;
}
