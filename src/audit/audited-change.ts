import { AppError } from '../errors/app-error';
import type { AuditEntry } from './audit-event';
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
