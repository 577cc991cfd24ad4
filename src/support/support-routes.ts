import { Router, type Response } from 'express';
import type { Logger } from 'pino';
import type { Language } from '../i18n/localized-text';
import { actorOf } from '../actor/actor';
import { requireStaffPage } from '../console/require-staff';
import { staffOf } from '../sign-in/staff-session';
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
 * never rendered, redirected to, logged or put back in the form. (The console router has already
 * set Cache-Control: no-store, checked the CSRF token and picked the language.)
 */
export function supportRoutes(deps: SupportRoutesDeps): Router {
  const router = Router();
  const staffOnly = requireStaffPage('support', 'admin');

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
        showAuditLink: staffOf(res)?.role === 'admin',
      });
    } catch (error) {
      const refused = refusedFormState(error, form);
      if (refused === undefined) throw error;
      if (refused.status >= 500) logFailure(deps.logger, error);
      res.status(refused.status);
      // As the console's error pages do: a 503 without its own estimate says 30 seconds.
      const retryAfter = refused.state.retryAfterSeconds ?? (refused.status === 503 ? 30 : undefined);
      if (retryAfter !== undefined) res.set('Retry-After', String(retryAfter));
      renderForm(res, refused.state);
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

/** Like the console's error handler: the code and the cause's name and message, never the request. */
function logFailure(logger: Logger, error: unknown): void {
  const { code, cause } = error as { code?: string; cause?: { name?: string; message?: string } };
  logger.error({ code, cause: cause && { name: cause.name, message: cause.message } }, 'support check failed');
}
