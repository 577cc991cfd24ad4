import { Router, type Request, type Response } from 'express';
import type { AuditedCatalog, CatalogActions } from './audited-catalog';
import { requireJson } from '../http';
import { actorOf } from '../actor';
import type { AdminCatalogService } from './admin-catalog-service';

// requireJson is typed for any path, which widens the params; these handlers name theirs.
type IncidentRequest = Request<{ incidentId: string }>;
type ExposureRequest = Request<{ exposureId: string }>;

/**
 * Incidents and exposures for admins. The admin gate (src/admin/admin-gate.ts) has already checked
 * the token and parsed the body; the service validates it and checks that ids are well formed.
 * Reads go to the service; changes are made as the request's actor, so each is audited.
 */
export function adminCatalogRoutes(admin: AdminCatalogService, audited: AuditedCatalog): Router {
  const router = Router();
  const as = (res: Response): CatalogActions => audited.as(actorOf(res));

  router.get('/api/v1/admin/incidents', async (_req, res) => {
    res.json({ incidents: await admin.listIncidents() });
  });

  router.post('/api/v1/admin/incidents', requireJson, async (req, res) => {
    const incident = await as(res).createIncident(req.body);
    res.status(201).location(`/api/v1/admin/incidents/${incident.id}`).json(incident);
  });

  router.get('/api/v1/admin/incidents/:incidentId', async (req, res) => {
    res.json(await admin.getIncident(req.params.incidentId));
  });

  router.patch('/api/v1/admin/incidents/:incidentId', requireJson, async (req: IncidentRequest, res) => {
    res.json(await as(res).updateIncident(req.params.incidentId, req.body));
  });

  router.delete('/api/v1/admin/incidents/:incidentId', async (req, res) => {
    await as(res).deleteIncident(req.params.incidentId);
    res.status(204).end();
  });

  router.get('/api/v1/admin/incidents/:incidentId/exposures', async (req, res) => {
    res.json({ exposures: await admin.listExposures(req.params.incidentId) });
  });

  router.post('/api/v1/admin/incidents/:incidentId/exposures', requireJson, async (req: IncidentRequest, res) => {
    const exposure = await as(res).createExposure(req.params.incidentId, req.body);
    res.status(201).location(`/api/v1/admin/exposures/${exposure.id}`).json(exposure);
  });

  router.get('/api/v1/admin/exposures/:exposureId', async (req, res) => {
    res.json(await admin.getExposure(req.params.exposureId));
  });

  router.patch('/api/v1/admin/exposures/:exposureId', requireJson, async (req: ExposureRequest, res) => {
    res.json(await as(res).updateExposure(req.params.exposureId, req.body));
  });

  router.delete('/api/v1/admin/exposures/:exposureId', async (req, res) => {
    await as(res).deleteExposure(req.params.exposureId);
    res.status(204).end();
  });

  router.post('/api/v1/admin/exposures/:exposureId/publish', async (req, res) => {
    res.json(await as(res).setPublished(req.params.exposureId, true));
  });

  router.post('/api/v1/admin/exposures/:exposureId/unpublish', async (req, res) => {
    res.json(await as(res).setPublished(req.params.exposureId, false));
  });

  return router;
}
