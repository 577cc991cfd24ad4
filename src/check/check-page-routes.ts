import { Router } from 'express';
import { isAppError } from '../errors/app-error';
import type { PageLanguageLocals } from '../i18n/page-language';
import type { Checker } from './checker';
import { emailProblemOf } from './email-problem';
import { resultView } from './result-view';

/** The public page: works as a plain HTML form, no script needed. Language comes from pageLanguage. */
export function checkPageRoutes(check: Checker): Router {
  const router = Router();

  router.get('/', (_req, res) => {
    res.render('check.njk', { email: '' });
  });

  router.post('/check', async (req, res) => {
    const email = typeof req.body?.email === 'string' ? req.body.email : '';
    const { lang } = res.locals as PageLanguageLocals;
    res.set('Cache-Control', 'no-store');
    try {
      const result = await check.check(email);
      res.render('result.njk', resultView(result, lang));
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
