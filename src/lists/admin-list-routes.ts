import { Router, type Request } from 'express';
import { requireContentType } from '../http/require-content-type';
import type { AdminListService } from './admin-list-service';

// requireTextPlain is typed for any path, which widens the params; this handler names its own.
type ExposureRequest = Request<{ exposureId: string }>;

const requireTextPlain = requireContentType('text/plain', 'Send the list file as the request body, as text/plain.');

/**
 * An exposure's hashed list. The admin gate has checked the token; it parses JSON only, so the
 * text/plain list file reaches the service unread, as a stream.
 */
export function adminListRoutes(lists: AdminListService): Router {
  const router = Router();

  router.put('/api/v1/admin/exposures/:exposureId/list', requireTextPlain, async (req: ExposureRequest, res) => {
    res.json(await lists.uploadList(req.params.exposureId, req));
  });

  router.delete('/api/v1/admin/exposures/:exposureId/list', async (req, res) => {
    await lists.deleteList(req.params.exposureId);
    res.status(204).end();
  });

  return router;
}
