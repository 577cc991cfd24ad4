import { Router, type Response } from 'express';
import type { Logger } from 'pino';
import type { Language } from '../i18n';
import { actorOf, staffOf } from '../actor';
import { isAppError } from '../errors';
import { maskEmail } from '../hashing';
import { startErrorAnswer, type FailureLog } from '../http';
import { requireStaffPage } from '../console';
import { STAFF_CHECK_RULE, type StaffCheckService } from './staff-check-service';
import { refusedFormState, supportFormOf, ticketRefFromLink, type SupportFormState } from './support-form';
import { supportMessagesFor } from './support-messages';
import { supportResultView } from './support-result-view';

export interface SupportRoutesDeps {
  staffCheck: Pick<StaffCheckService, 'checkForCaller'>;
  logger: Logger;
}

const FORM_PATH = '/support';

/**
 * The support console: the check form at /support and its answer from POST /support/check, for
 * support staff and admins. The address lives in this handler for the length of one check: it is
 * never redirected to, logged, audited or put back in the form, and the result page shows it only
 * masked (`t•••@example.jp`, src/hashing/mask-email.ts), so that a mistyped address can be noticed
 * and read back to the caller. (The console router has already set Cache-Control: no-store,
 * checked the CSRF token and picked the language.)
 */
export function supportRoutes(deps: SupportRoutesDeps): Router {
  const router = Router();
  const staffOnly = requireStaffPage('support', 'admin');
  const refusalLog: FailureLog = { logger: deps.logger, message: 'support check failed', shedRefusals: true };

  router.get(FORM_PATH, staffOnly, (req, res) => {
    renderForm(res, { ticketRef: ticketRefFromLink(req.query.ticketRef) });
  });

  // A reload or bookmark of the result page: the answer is never at a URL, so back to the form.
  router.get('/support/check', staffOnly, (_req, res) => {
    res.redirect(303, FORM_PATH);
  });

  router.post('/support/check', staffOnly, async (req, res) => {
    const form = supportFormOf(req.body);
    const language = res.locals.lang as Language;
    try {
      const answer = await deps.staffCheck.checkForCaller({ actor: actorOf(res), ticketRef: form.ticketRef, email: form.email });
      res.render('support/result.njk', {
        ...pageLocals(language),
        ...supportResultView(answer, language),
        // Rendered on this page only: the audit event and the log line know nothing of it.
        checkedAddress: maskEmail(form.email),
        showAuditLink: staffOf(res)?.role === 'admin',
      });
    } catch (error) {
      // Anything but a refusal the form can explain gets the console's error page.
      if (!isAppError(error)) throw error;
      const refused = refusedFormState(error, form);
      if (refused === undefined) throw error;
      // Status, Retry-After and the cause's log line as every error answer has them; the form is the page.
      startErrorAnswer(error, res, refusalLog);
      renderForm(res, refused);
    }
  });

  return router;
}

function renderForm(res: Response, state: SupportFormState): void {
  res.render('support/check.njk', { ...pageLocals(res.locals.lang as Language), ...state, perMinute: STAFF_CHECK_RULE.points });
}

function pageLocals(language: Language): object {
  // The language switch leads to the form: a result cannot be shown again without the address.
  return { pt: supportMessagesFor(language), consolePath: FORM_PATH };
}
