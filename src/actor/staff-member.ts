import type { Response } from 'express';

/** What a staff member may do: support answers callers; admin runs the incident and the staff. */
export type StaffRole = 'admin' | 'support';

export const STAFF_ROLES: readonly StaffRole[] = ['admin', 'support'];

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

/**
 * A staff account as everything but the staff store sees it: no password material. Here, below
 * every feature, because the consoles, the audit log and the API tokens all need to say who.
 */
export interface StaffMember {
  id: string;
  /** Lower case, `^[a-z0-9][a-z0-9._-]{2,39}$`: never an email address, so it may sit in keys and audit events. */
  username: string;
  displayName?: string;
  role: StaffRole;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What the console shows as the person's name. */
export function staffName(member: Pick<StaffMember, 'username' | 'displayName'>): string {
  return member.displayName ?? member.username;
}

/** Set by the sign-in feature's staff loader for a live session. */
export function setStaffOf(res: Response, member: StaffMember): void {
  res.locals.staff = member;
}

/** The signed-in member of a console request, if any (set by the staff loader). */
export function staffOf(res: Response): StaffMember | undefined {
  return res.locals.staff as StaffMember | undefined;
}
