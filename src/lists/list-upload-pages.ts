import { Router, type Request } from 'express';
import type { AuditedLists } from './audited-lists';
import { requireContentType } from '../http';
import { listUploadBody } from './list-upload-body';
import { actorOf } from '../actor';
import { requireStaffApi } from '../console';

type IdRequest = Request<{ id: string }>;

const requireTextPlain = requireContentType('text/plain', 'Send the list file as the request body, as text/plain.');

/**
 * PUT /admin/exposures/:id/list: the exposure page's upload script sends the list file here with
 * the session cookie and the X-CSRF-Token header (checked by the console router before this runs).
 * The console's parsers read forms and JSON only, so the text/plain file reaches the list service
 * unread, as a stream, exactly as through the admin API (and cut off, as there, when it stalls for
 * `listUploadIdleMs`). Answers JSON: the summary, or the error.
 */
export function listUploadRoutes(deps: { auditedLists: AuditedLists; listUploadIdleMs: number }): Router {
  const router = Router();
  router.put('/admin/exposures/:id/list', requireStaffApi('admin'), requireTextPlain, async (req: IdRequest, res) => {
    const summary = await deps.auditedLists.as(actorOf(res)).uploadList(req.params.id, listUploadBody(req, res, deps.listUploadIdleMs));
    res.json(summary);
  });
  return router;
}
