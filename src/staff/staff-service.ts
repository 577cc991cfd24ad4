import { randomBytes } from 'node:crypto';
import { AppError } from '../errors';
import type { PasswordHasher } from './password-hash';
import { memberOf, type StaffAccount } from './staff-model';
import type { StaffMember } from '../actor';
import { checkDisplayName, checkPassword, checkRole, checkUsername, isValidUsername, normalizeUsername } from './staff-rules';
import type { StaffStore } from './staff-store';

export interface StaffServiceDeps {
  store: StaffStore;
  clock: () => Date;
  /** Every password hash and verification, in a bounded queue of their own. */
  passwords: PasswordHasher;
}

/** What a form or the create-admin script hands in; validated here, not trusted. */
export interface NewStaffInput {
  username: unknown;
  displayName?: unknown;
  role: unknown;
  password: unknown;
}

export type Authentication =
  | { ok: true; member: StaffMember; passwordVersion: number }
  /** `staffId` when the username exists: the audit log may name whose sign-in failed. */
  | { ok: false; reason: 'unknown_user' | 'wrong_password' | 'disabled'; staffId?: string };

/**
 * Staff accounts: creation, roles, disabling, passwords, and checking a sign-in. Free of HTTP;
 * errors are AppErrors with stable codes the consoles can show in either language.
 */
export class StaffService {
  readonly #store: StaffStore;
  readonly #clock: () => Date;
  readonly #passwords: PasswordHasher;

  constructor(deps: StaffServiceDeps) {
    this.#store = deps.store;
    this.#clock = deps.clock;
    this.#passwords = deps.passwords;
  }

  async createStaff(input: NewStaffInput): Promise<StaffMember> {
    const username = checkUsername(input.username);
    const displayName = checkDisplayName(input.displayName);
    const role = checkRole(input.role);
    const password = checkPassword(input.password);
    const now = this.#clock().toISOString();
    const account: StaffAccount = {
      id: `st-${randomBytes(10).toString('hex')}`,
      username,
      ...(displayName !== undefined && { displayName }),
      role,
      disabled: false,
      passwordHash: await this.#passwords.hash(password),
      passwordVersion: 1,
      createdAt: now,
      updatedAt: now,
    };
    if (!(await this.#store.create(account))) {
      throw new AppError('username_taken', 409, `The username "${username}" is already taken.`, { field: 'username' });
    }
    return memberOf(account);
  }

  async list(): Promise<StaffMember[]> {
    return (await this.#store.list()).map(memberOf);
  }

  async get(id: string): Promise<StaffMember | null> {
    const account = await this.#store.get(id);
    return account === null ? null : memberOf(account);
  }

  async getByUsername(username: string): Promise<StaffMember | null> {
    const normalized = normalizeUsername(username);
    if (!isValidUsername(normalized)) return null;
    const account = await this.#store.getByUsername(normalized);
    return account === null ? null : memberOf(account);
  }

  /**
   * Checks a sign-in. Always spends one argon2 verification, whether or not the username exists,
   * so response times do not tell which usernames do. A disabled account is checked like any other
   * and then refused; callers show one message for every refusal. Rejects with 503 `overloaded`
   * when the password queue is full.
   */
  async authenticate(usernameInput: string, password: string): Promise<Authentication> {
    const username = normalizeUsername(usernameInput);
    const account = isValidUsername(username) ? await this.#store.getByUsername(username) : null;
    if (account === null) {
      await this.#passwords.verifyAgainstDummy(password);
      return { ok: false, reason: 'unknown_user' };
    }
    if (!(await this.#passwords.verify(account.passwordHash, password))) {
      return { ok: false, reason: 'wrong_password', staffId: account.id };
    }
    if (account.disabled) return { ok: false, reason: 'disabled', staffId: account.id };
    return { ok: true, member: memberOf(account), passwordVersion: account.passwordVersion };
  }

  /** Sheds a sign-in at once, 503 `overloaded`, when the password queue is full: before any other work for it. */
  refuseIfPasswordQueueFull(): void {
    this.#passwords.refuseIfFull();
  }

  /**
   * The member a session belongs to, read afresh for every request: null when the account is gone,
   * disabled, or its password was reset after the session signed in. Then the session must end.
   */
  async sessionMember(id: string, passwordVersion: number): Promise<StaffMember | null> {
    const account = await this.#store.get(id);
    if (account === null || account.disabled || account.passwordVersion !== passwordVersion) return null;
    return memberOf(account);
  }

  async setRole(id: string, roleInput: unknown): Promise<StaffMember> {
    const role = checkRole(roleInput);
    return this.#change(id, async (account) => {
      if (role !== 'admin') await this.#keepAnAdmin(account);
      account.role = role;
    });
  }

  async setDisabled(id: string, disabled: boolean): Promise<StaffMember> {
    return this.#change(id, async (account) => {
      if (disabled) await this.#keepAnAdmin(account);
      account.disabled = disabled;
    });
  }

  /** Also ends every session of the account (they signed in with the old password). */
  async resetPassword(id: string, passwordInput: unknown): Promise<StaffMember> {
    const password = checkPassword(passwordInput);
    const passwordHash = await this.#passwords.hash(password);
    return this.#change(id, async (account) => {
      account.passwordHash = passwordHash;
      account.passwordVersion += 1;
    });
  }

  async #change(id: string, apply: (account: StaffAccount) => Promise<void>): Promise<StaffMember> {
    const account = await this.#store.get(id);
    if (account === null) throw new AppError('staff_not_found', 404, 'There is no staff account with this id.');
    await apply(account);
    account.updatedAt = this.#clock().toISOString();
    await this.#store.update(account);
    return memberOf(account);
  }

  /** Refuses to take away the last enabled admin: without one, only the break-glass token could manage staff. */
  async #keepAnAdmin(account: StaffAccount): Promise<void> {
    if (account.role !== 'admin' || account.disabled) return;
    const enabledAdmins = (await this.#store.list()).filter((other) => other.role === 'admin' && !other.disabled);
    if (enabledAdmins.length <= 1) {
      throw new AppError('last_admin', 409, 'This is the last enabled admin account; make another admin first.');
    }
  }
}
