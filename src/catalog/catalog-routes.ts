import { Router } from 'express';
import type { CatalogService } from './catalog-service';

export function catalogRoutes(catalog: CatalogService): Router {
  const router = Router();
  router.get('/api/v1/incidents', async (_req, res) => {
    res.json({ incidents: await catalog.publicIncidents() });
  });
  return router;
}
