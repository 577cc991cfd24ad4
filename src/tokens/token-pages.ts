import { Router, type Request, type Response } from 'express';
import type { Language } from '../i18n';
import { AppError } from '../errors';
import { actorOf } from '../actor';
import { requireStaffPage, adminPages, languageOf, formField, formatTime, codedProblemOf, timeZoneOf, type CodedProblem } from '../console';
import type { ApiTokenView } from './api-token-model';
import type { AuditedApiTokens, OwnApiTokens } from './audited-api-tokens';
import { tokenConsoleMessagesFor, type TokenConsoleMessages, type TokenProblem } from './token-console-messages';

type IdRequest = Request<{ id: string }>;

export interface TokenRow {
  id: string;
  label: string;
  created: string;
  lastUsed: string;
  state: string;
  revoked: boolean;
}

const TOKENS_PATH = '/admin/tokens';

const tokenPages = adminPages(tokenConsoleMessagesFor, (text) => text.done);

/**
 * /admin/tokens: the signed-in admin's own API tokens, a form for a new one, and revocation with
 * a confirmation page. A new token's secret is the answer to its POST, rendered once and never
 * stored or redirected to: a reload asks the browser to send the form again, which makes a new
 * token rather than showing the old secret.
 */
export function tokenRoutes(deps: { apiTokens: AuditedApiTokens }): Router {
  const router = Router();
  router.use(TOKENS_PATH, tokenPages.locals);
  const adminOnly = requireStaffPage('admin');
  const own = (res: Response): OwnApiTokens => deps.apiTokens.as(actorOf(res));

  router.get(TOKENS_PATH, adminOnly, async (_req, res) => {
    await renderTokens(res, '');
  });

  router.post(TOKENS_PATH, adminOnly, async (req, res) => {
    const label = formField(req.body, 'label');
    try {
      const created = await own(res).create(label);
      res.status(201).render('admin/token-created.njk', {
        token: created.token,
        label: created.record.label,
        server: `${req.protocol}://${req.get('host') ?? 'localhost'}`,
      });
    } catch (error) {
      const problem: CodedProblem<TokenProblem> = codedProblemOf(error, tokenPages.textOf(res).tokens.problems);
      await renderTokens(res.status(400), label, problem);
    }
  });

  router.get(`${TOKENS_PATH}/:id/revoke`, adminOnly, async (req: IdRequest, res) => {
    const token = await ownToken(res, req.params.id);
    // Already revoked (a second tab, an old link): nothing to confirm; the list says so.
    if (token.revokedAt !== undefined) {
      res.redirect(303, TOKENS_PATH);
      return;
    }
    const at = tokenPages.textOf(res);
    res.render('admin/confirm.njk', {
      heading: at.tokens.confirmTitle(token.label),
      body: at.tokens.confirmBody,
      irreversible: true,
      action: `${TOKENS_PATH}/${encodeURIComponent(token.id)}/revoke`,
      button: at.tokens.confirmButton,
      cancel: TOKENS_PATH,
    });
  });

  router.post(`${TOKENS_PATH}/:id/revoke`, adminOnly, async (req: IdRequest, res) => {
    await own(res).revoke(req.params.id);
    res.redirect(303, tokenPages.doneUrl(TOKENS_PATH, 'tokenRevoked'));
  });

  async function ownToken(res: Response, id: string): Promise<ApiTokenView> {
    const token = (await own(res).list()).find((candidate) => candidate.id === id);
    if (token === undefined) throw AppError.notFound('There is no such API token of yours.');
    return token;
  }

  async function renderTokens(res: Response, label: string, problem?: CodedProblem<TokenProblem>): Promise<void> {
    const at = tokenPages.textOf(res);
    const tokens = await own(res).list();
    res.render('admin/tokens.njk', {
      rows: tokens.map((token) => tokenRow(token, languageOf(res), timeZoneOf(res), at)),
      label,
      problem,
    });
  }

  return router;
}

/**
 * One token as the console lists it (its own tokens page, and a staff account's page); times in
 * `timeZone`, the console's (timeZoneOf).
 */
export function tokenRow(token: ApiTokenView, language: Language, timeZone: string, at: Pick<TokenConsoleMessages, 'tokens'>): TokenRow {
  const time = (iso: string) => formatTime(iso, language, timeZone);
  return {
    id: token.id,
    label: token.label,
    created: time(token.createdAt),
    lastUsed: token.lastUsedAt === undefined ? at.tokens.neverUsed : time(token.lastUsedAt),
    state: token.revokedAt === undefined ? at.tokens.active : at.tokens.revokedOn(time(token.revokedAt)),
    revoked: token.revokedAt !== undefined,
  };
}
