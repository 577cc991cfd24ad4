import type { Response } from 'express';
import type { StaffRole } from './staff-member';

/**
 * Who is making a request: a signed-in staff member, a per-admin API token, or the break-glass
 * ADMIN_API_TOKEN. Holds nothing about a customer, so it may go into audit events as it is.
 */
export type Actor =
  | { kind: 'staff'; staffId: string; username: string; role: StaffRole }
  | { kind: 'api-token'; staffId: string; username: string; tokenId: string }
  | { kind: 'break-glass' };

/** Set by the console's staff loader and by the admin API gate once a request is authenticated. */
export function setActor(res: Response, actor: Actor): void {
  res.locals.actor = actor;
}

/** The authenticated actor of a request; throws when a route forgot its guard (a bug, so a 500). */
export function actorOf(res: Response): Actor {
  const actor = res.locals.actor as Actor | undefined;
  if (actor === undefined) throw new Error('actorOf: no authenticated actor on this request (is the route guarded?)');
  return actor;
}
