/** What a staff member may do: support answers callers; admin runs the incident and the staff. */
export type StaffRole = 'admin' | 'support';

export const STAFF_ROLES: readonly StaffRole[] = ['admin', 'support'];

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

/** One staff account as stored. Only the staff store and StaffService ever see this type. */
export interface StaffAccount {
  id: string;
  /** Lower case, `^[a-z0-9][a-z0-9._-]{2,39}$`: never an email address, so it may sit in keys and audit events. */
  username: string;
  displayName?: string;
  role: StaffRole;
  disabled: boolean;
  /** argon2id, PHC encoded (`$argon2id$v=19$m=19456,p=1,t=2$<salt>$<hash>`), its own random salt. */
  passwordHash: string;
  /**
   * Goes up by one at every password reset; a session remembers the value it signed in with, so a
   * reset ends every session made with the old password.
   */
  passwordVersion: number;
  createdAt: string;
  updatedAt: string;
}

/** A staff account as the rest of the code sees it: no password material. */
export type StaffMember = Omit<StaffAccount, 'passwordHash' | 'passwordVersion'>;

export function memberOf(account: StaffAccount): StaffMember {
  const { passwordHash: _hash, passwordVersion: _version, ...member } = account;
  return member;
}

/** What the console shows as the person's name. */
export function staffName(member: Pick<StaffMember, 'username' | 'displayName'>): string {
  return member.displayName ?? member.username;
}
