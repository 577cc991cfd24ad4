import { Router } from 'express';
import { ADMIN_NAV } from './console-locals';
import { requireStaffPage } from './require-staff';
import { adminTextOf } from './admin-locals';

/** What the dashboard counts, from the catalogue feature (AdminCatalogService), which sits above the frame. */
export interface DashboardCatalog {
  listIncidents(): Promise<{ id: string }[]>;
  listExposures(incidentId: string): Promise<{ published: boolean; list: unknown }[]>;
}

/** /admin: where an admin lands after signing in: the catalogue in one sentence, and the sections. */
export function dashboardRoutes(deps: { catalog: DashboardCatalog }): Router {
  const router = Router();
  router.get('/admin', requireStaffPage('admin'), async (_req, res) => {
    const at = adminTextOf(res);
    const incidents = await deps.catalog.listIncidents();
    const exposures = (await Promise.all(incidents.map((incident) => deps.catalog.listExposures(incident.id)))).flat();
    res.render('admin/dashboard.njk', {
      facts: at.dashboard.facts(
        incidents.length,
        exposures.length,
        exposures.filter((exposure) => exposure.published).length,
        exposures.filter((exposure) => exposure.list !== null).length,
      ),
      sections: ADMIN_NAV.map(([key, href]) => ({ href, ...at.dashboard.sections[key] })),
    });
  });
  return router;
}
