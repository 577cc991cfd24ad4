import { Router, type Request, type Response } from 'express';
import { AppError } from '../errors';
import { actorOf, type StaffMember, staffOf } from '../actor';
import type { AuditedStaffAdmin, StaffAdminActions } from './audited-staff-admin';
import { requireStaffPage, adminPages, languageOf, formField, codedProblemOf, timeZoneOf, type CodedProblem } from '../console';
import type { StaffService } from './staff-service';
import { type ApiTokenService, tokenConsoleMessagesFor, tokenRow } from '../tokens';
import { staffConsoleMessagesFor, type StaffProblem } from './staff-console-messages';
import { roleOptions, rosterOrder, staffRow } from './staff-views';

export interface StaffConsoleDeps {
  /** Reads: not audited. */
  staff: Pick<StaffService, 'list' | 'get'>;
  /** Every change, audited as the signed-in admin. */
  staffAdmin: AuditedStaffAdmin;
  /** An account's API tokens, shown on its page (a read: only the owner makes or revokes one). */
  tokens: Pick<ApiTokenService, 'listTokens'>;
}

type IdRequest = Request<{ id: string }>;

/** The new-account form as typed, without its passwords: those are never sent back to a page. */
interface NewStaffForm {
  username: string;
  displayName: string;
  role: string;
}

type Problem = CodedProblem<StaffProblem>;

/** Which form of the account page a refusal belongs to. */
interface MemberPageState {
  roleProblem?: Problem;
  stateProblem?: Problem;
  passwordProblem?: Problem;
}

const EMPTY_FORM: NewStaffForm = { username: '', displayName: '', role: 'support' };

const staffPath = (id: string) => `/admin/staff/${encodeURIComponent(id)}`;

/** The staff pages' words (with the token pages' section, for the tokens an account's page lists) and `?done=` notices. */
const staffPages = adminPages(
  (language) => ({ ...staffConsoleMessagesFor(language), tokens: tokenConsoleMessagesFor(language).tokens }),
  (text) => text.done,
);

/**
 * /admin/staff: the roster and the new-account form; /admin/staff/:id: one account, with its role,
 * disabling or enabling (each with a confirmation page) and a password reset. Refusals (a taken
 * username, passwords that differ, one's own account, the last admin) come back on the same page.
 */
export function staffRoutes(deps: StaffConsoleDeps): Router {
  const router = Router();
  router.use('/admin/staff', staffPages.locals);
  const adminOnly = requireStaffPage('admin');
  const actions = (res: Response): StaffAdminActions => deps.staffAdmin.as(actorOf(res));
  const problemOf = (res: Response, error: unknown): Problem => codedProblemOf(error, staffPages.textOf(res).staffAdmin.problems);

  router.get('/admin/staff', adminOnly, async (_req, res) => {
    await renderRoster(res, EMPTY_FORM);
  });

  router.post('/admin/staff', adminOnly, async (req, res) => {
    const body = fieldsOf(req.body);
    const form: NewStaffForm = { username: body('username'), displayName: body('displayName'), role: body('role') };
    try {
      const password = matchingPasswords(body('password'), body('passwordAgain'));
      const member = await actions(res).create({ ...form, password });
      res.redirect(303, staffPages.doneUrl(staffPath(member.id), 'staffCreated'));
    } catch (error) {
      await renderRoster(res.status(400), form, problemOf(res, error));
    }
  });

  router.get('/admin/staff/:id', adminOnly, async (req: IdRequest, res) => {
    await renderMember(res, await existing(req.params.id), {});
  });

  router.post('/admin/staff/:id/role', adminOnly, async (req: IdRequest, res) => {
    try {
      await actions(res).setRole(req.params.id, fieldsOf(req.body)('role'));
      res.redirect(303, staffPages.doneUrl(staffPath(req.params.id), 'roleChanged'));
    } catch (error) {
      const problem = problemOf(res, error);
      await renderMember(res.status(statusOf(problem)), await existing(req.params.id), { roleProblem: problem });
    }
  });

  for (const [path, disabled] of [['disable', true], ['enable', false]] as const) {
    router.get(`/admin/staff/:id/${path}`, adminOnly, async (req: IdRequest, res) => {
      const member = await existing(req.params.id);
      const text = staffPages.textOf(res).staffAdmin;
      const name = member.displayName ?? member.username;
      res.render('admin/confirm.njk', {
        heading: disabled ? text.confirmDisableTitle(name) : text.confirmEnableTitle(name),
        body: disabled ? text.confirmDisableBody : text.confirmEnableBody,
        irreversible: false,
        danger: disabled,
        action: `${staffPath(member.id)}/${path}`,
        button: disabled ? text.confirmDisableButton : text.confirmEnableButton,
        cancel: staffPath(member.id),
      });
    });

    router.post(`/admin/staff/:id/${path}`, adminOnly, async (req: IdRequest, res) => {
      try {
        await actions(res).setDisabled(req.params.id, disabled);
        res.redirect(303, staffPages.doneUrl(staffPath(req.params.id), disabled ? 'disabled' : 'enabled'));
      } catch (error) {
        const problem = problemOf(res, error);
        await renderMember(res.status(statusOf(problem)), await existing(req.params.id), { stateProblem: problem });
      }
    });
  }

  router.post('/admin/staff/:id/password', adminOnly, async (req: IdRequest, res) => {
    const body = fieldsOf(req.body);
    try {
      const password = matchingPasswords(body('password'), body('passwordAgain'));
      await actions(res).resetPassword(req.params.id, password);
      // One's own reset ends one's own session too: the next page is the sign-in page.
      res.redirect(303, staffPages.doneUrl(staffPath(req.params.id), 'passwordReset'));
    } catch (error) {
      const problem = problemOf(res, error);
      await renderMember(res.status(400), await existing(req.params.id), { passwordProblem: problem });
    }
  });

  async function existing(id: string): Promise<StaffMember> {
    const member = await deps.staff.get(id);
    if (member === null) throw AppError.notFound('There is no staff account with this id.');
    return member;
  }

  async function renderRoster(res: Response, form: NewStaffForm, problem?: Problem): Promise<void> {
    const at = staffPages.textOf(res);
    const members = (await deps.staff.list()).sort(rosterOrder);
    res.render('admin/staff.njk', {
      rows: members.map((member) => staffRow(member, selfIdOf(res), languageOf(res), timeZoneOf(res), at)),
      form,
      problem,
      roles: roleOptions(at, languageOf(res)),
    });
  }

  async function renderMember(res: Response, member: StaffMember, state: MemberPageState): Promise<void> {
    const at = staffPages.textOf(res);
    const tokens = await deps.tokens.listTokens(member.id);
    res.render('admin/staff-member.njk', {
      member: staffRow(member, selfIdOf(res), languageOf(res), timeZoneOf(res), at),
      tokens: tokens.map((token) => tokenRow(token, languageOf(res), timeZoneOf(res), at)),
      currentRole: member.role,
      roles: roleOptions(at, languageOf(res)),
      ...state,
    });
  }

  return router;
}

function selfIdOf(res: Response): string {
  return staffOf(res)?.id ?? '';
}

/** The password typed twice; a mismatch is refused before the service sees either. */
function matchingPasswords(password: string, again: string): string {
  if (password !== again) throw AppError.badRequest('passwords_differ', 'The two passwords are not the same.', 'password');
  return password;
}

/** Refusals about who may change what are conflicts (409); the rest are bad input (400). */
function statusOf(problem: Problem): number {
  return problem.code === 'own_role' || problem.code === 'disable_self' || problem.code === 'last_admin' ? 409 : 400;
}

function fieldsOf(body: unknown): (name: string) => string {
  return (name) => formField(body, name);
}
