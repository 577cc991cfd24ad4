import type { StaffAuthEvent, StaffAuthEventSink } from './staff-auth-events';
import type { AuditEntry, AuditService } from '../audit';

/**
 * Sign-ins, failed sign-ins and sign-outs into the audit log. Awaited by the sign-in routes, so a
 * sign-in that cannot be recorded fails rather than going unrecorded. A failed sign-in names the
 * username only when it was a valid one (the sign-in routes never pass an address-like one).
 */
export function auditStaffAuth(audit: AuditService): StaffAuthEventSink {
  return async (event) => {
    await audit.record(auditEntryOf(event));
  };
}

function auditEntryOf(event: StaffAuthEvent): AuditEntry {
  if (event.action !== 'staff.login_failed') return { actor: event.actor, action: event.action };
  return {
    actor: { kind: 'unauthenticated', ...(event.username !== undefined && { username: event.username }) },
    action: event.action,
    ...(event.staffId !== undefined && { target: { staffId: event.staffId } }),
    details: { reason: event.reason },
  };
}
