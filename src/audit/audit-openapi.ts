import { errorResponse, type Response } from '../openapi';

/**
 * What an audited change may answer besides its own outcomes (audited-change.ts): the change is
 * made first and audited after; if the audit log then fails, the admin must hear it.
 */
export const auditedChangeErrors: Record<string, Response> = {
  '503': errorResponse('audit_unavailable: the change was saved, but the audit log could not record it'),
};
