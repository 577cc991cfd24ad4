import type { Actor } from '../actor';

/** Everything staff do that the audit log keeps. Closed: a new kind of event is a code change. */
export const AUDIT_ACTIONS = [
  'staff.login',
  'staff.login_failed',
  'staff.logout',
  'support.check',
  'incident.create',
  'incident.update',
  'incident.delete',
  'exposure.create',
  'exposure.update',
  'exposure.delete',
  'exposure.publish',
  'exposure.unpublish',
  'list.upload',
  'list.delete',
  'staff.create',
  'staff.role',
  'staff.disable',
  'staff.enable',
  'staff.password_reset',
  'token.create',
  'token.revoke',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/**
 * Who an event is about: an authenticated actor, or for a failed sign-in the person trying, known
 * only by the username they typed (when it is a well-formed username: never an address typed by mistake).
 */
export type AuditActor = Actor | { kind: 'unauthenticated'; username?: string };

/** What an event acted on: ids only, never names or addresses. */
export interface AuditTarget {
  incidentId?: string;
  exposureId?: string;
  staffId?: string;
  tokenId?: string;
}

/** A few non-personal facts about the event (rows loaded, a list version, a new role). */
export type AuditDetails = Record<string, string | number | boolean>;

/**
 * One line of the audit log. It says who did what to which ids, and when; for a support check
 * also the caller's ticket reference and which exposures matched. Never an address, a normalized
 * address or anything computed from one: the event of a check is the same whatever was typed,
 * apart from which exposures it found.
 */
export interface AuditEvent {
  /** Assigned by the store; orders events (newest has the greatest id) and serves as a paging cursor. */
  id: string;
  /** ISO timestamp, assigned by the store together with the id. */
  at: string;
  actor: AuditActor;
  action: AuditAction;
  target?: AuditTarget;
  /** The caller's ticket in the support system: the link from this check to the conversation. */
  ticketRef?: string;
  matchedExposureIds?: string[];
  details?: AuditDetails;
}

/** What a caller records; the store adds id and time. */
export type AuditEntry = Omit<AuditEvent, 'id' | 'at'>;
