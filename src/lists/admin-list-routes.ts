import { Router, type Request } from 'express';
import type { AuditedLists } from './audited-lists';
import { requireContentType } from '../http';
import { actorOf } from '../actor';
import { listUploadBody } from './list-upload-body';

// requireTextPlain is typed for any path, which widens the params; this handler names its own.
type ExposureRequest = Request<{ exposureId: string }>;

const requireTextPlain = requireContentType('text/plain', 'Send the list file as the request body, as text/plain.');

/**
 * An exposure's hashed list. The admin gate has checked the token; it parses JSON only, so the
 * text/plain list file reaches the service unread, as a stream, cut off when it stalls for
 * `uploadIdleMs` (src/lists/list-upload-body.ts). Both changes are made as the request's actor,
 * so each is audited.
 */
export function adminListRoutes(audited: AuditedLists, uploadIdleMs: number): Router {
  const router = Router();

  router.put('/api/v1/admin/exposures/:exposureId/list', requireTextPlain, async (req: ExposureRequest, res) => {
    res.json(await audited.as(actorOf(res)).uploadList(req.params.exposureId, listUploadBody(req, res, uploadIdleMs)));
  });

  router.delete('/api/v1/admin/exposures/:exposureId/list', async (req, res) => {
    await audited.as(actorOf(res)).deleteList(req.params.exposureId);
    res.status(204).end();
  });

  return router;
}
