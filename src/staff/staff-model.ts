import type { StaffMember } from '../actor';

/** One staff account as stored. Only the staff store and StaffService ever see this type. */
export interface StaffAccount extends StaffMember {
  /** argon2id, PHC encoded (`$argon2id$v=19$m=19456,p=1,t=2$<salt>$<hash>`), its own random salt. */
  passwordHash: string;
  /**
   * Goes up by one at every password reset; a session remembers the value it signed in with, so a
   * reset ends every session made with the old password.
   */
  passwordVersion: number;
}

export function memberOf(account: StaffAccount): StaffMember {
  const { passwordHash: _hash, passwordVersion: _version, ...member } = account;
  return member;
}
