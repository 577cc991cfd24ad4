import { AppError } from '../errors';
import type { Actor } from '../actor';
import type { AuditAction, AuditDetails, AuditEntry, AuditTarget } from './audit-event';
import type { AuditService } from './audit-service';

/**
 * Records the event of a change already made. The change cannot be taken back here, so a failed
 * write becomes an error the admin sees: the trail has a gap and someone must know.
 */
export async function recordChange(audit: AuditService, entry: AuditEntry): Promise<void> {
  try {
    await audit.record(entry);
  } catch (error) {
    throw new AppError(
      'audit_unavailable',
      503,
      'The change was saved, but the audit log could not record it. Tell your security team.',
      { cause: error },
    );
  }
}

/** A change made on behalf of `actor`, then recorded: `target` and `details` are read from its result. */
export type AuditedChange = <T>(
  change: () => Promise<T>,
  action: AuditAction,
  target: (result: T) => AuditTarget,
  details?: (result: T) => AuditDetails,
) => Promise<T>;

/** What every audited wrapper's `as(actor)` builds its actions from: make the change, then record it. */
export function auditedChangesBy(audit: AuditService, actor: Actor): AuditedChange {
  return async (change, action, target, details) => {
    const result = await change();
    const detailsOf = details?.(result);
    await recordChange(audit, { actor, action, target: target(result), ...(detailsOf && { details: detailsOf }) });
    return result;
  };
}
