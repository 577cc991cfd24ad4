import { recordChange, type AuditAction, type AuditDetails, type AuditService } from '../audit';
import { AppError } from '../errors';
import type { ApiTokenService } from '../tokens';
import type { Actor, StaffMember } from '../actor';
import { checkRole } from './staff-rules';
import type { NewStaffInput, StaffService } from './staff-service';

/** What an admin may do to staff accounts, each change written to the audit log. */
export interface StaffAdminActions {
  create(input: NewStaffInput): Promise<StaffMember>;
  setRole(id: string, role: unknown): Promise<StaffMember>;
  setDisabled(id: string, disabled: boolean): Promise<StaffMember>;
  resetPassword(id: string, password: unknown): Promise<StaffMember>;
}

/**
 * Staff management on behalf of an actor. Adds the rules that need to know who is acting: nobody
 * changes their own role or disables themselves (a slip would lock them out, and another admin
 * should see it happen). StaffService itself keeps one enabled admin. Events name the account by
 * id (and, on creation, its username and role); never a password, old or new.
 *
 * A password reset, a role change and a disabling also revoke every API token of the account, each
 * revocation audited as `token.revoke` with the change as its reason: a reset is how a leaked
 * credential is shut out, and a token would otherwise survive it (or, after a demotion or a
 * disabling, come back the day the account is an enabled admin again).
 */
export class AuditedStaffAdmin {
  readonly #staff: StaffService;
  readonly #audit: AuditService;
  readonly #tokens: Pick<ApiTokenService, 'revokeAllOf'>;

  constructor(deps: { staff: StaffService; audit: AuditService; tokens: Pick<ApiTokenService, 'revokeAllOf'> }) {
    this.#staff = deps.staff;
    this.#audit = deps.audit;
    this.#tokens = deps.tokens;
  }

  as(actor: Actor): StaffAdminActions {
    const self = actor.kind === 'break-glass' ? undefined : actor.staffId;
    const record = (action: AuditAction, staffId: string, details?: AuditDetails) =>
      recordChange(this.#audit, { actor, action, target: { staffId }, ...(details && { details }) });
    // After the change and its event: a refused change (the last admin, a bad password) revokes nothing.
    const revokeTokens = async (staffId: string, reason: AuditAction): Promise<void> => {
      for (const token of await this.#tokens.revokeAllOf(staffId)) {
        await recordChange(this.#audit, {
          actor,
          action: 'token.revoke',
          target: { staffId, tokenId: token.id },
          details: { reason },
        });
      }
    };
    return {
      create: async (input) => {
        const member = await this.#staff.createStaff(input);
        await record('staff.create', member.id, { username: member.username, role: member.role });
        return member;
      },
      setRole: async (id, roleInput) => {
        const role = checkRole(roleInput);
        const current = await this.#existing(id);
        if (current.role === role) {
          // Nothing to change; but a retry after a revocation that failed half-way finishes it.
          if (role !== 'admin') await revokeTokens(id, 'staff.role');
          return current;
        }
        if (id === self) {
          throw new AppError('own_role', 409, 'You cannot change your own role; another admin can.', { field: 'role' });
        }
        const member = await this.#staff.setRole(id, role);
        await record('staff.role', id, { role, previousRole: current.role });
        await revokeTokens(id, 'staff.role');
        return member;
      },
      setDisabled: async (id, disabled) => {
        const current = await this.#existing(id);
        if (current.disabled === disabled) {
          // As for the role: a retry finishes a revocation that failed half-way.
          if (disabled) await revokeTokens(id, 'staff.disable');
          return current;
        }
        if (disabled && id === self) {
          throw new AppError('disable_self', 409, 'You cannot disable your own account; another admin can.');
        }
        const member = await this.#staff.setDisabled(id, disabled);
        await record(disabled ? 'staff.disable' : 'staff.enable', id);
        if (disabled) await revokeTokens(id, 'staff.disable');
        return member;
      },
      resetPassword: async (id, password) => {
        const member = await this.#staff.resetPassword(id, password);
        await record('staff.password_reset', id);
        await revokeTokens(id, 'staff.password_reset');
        return member;
      },
    };
  }

  async #existing(id: string): Promise<StaffMember> {
    const member = await this.#staff.get(id);
    if (member === null) throw new AppError('staff_not_found', 404, 'There is no staff account with this id.');
    return member;
  }
}
