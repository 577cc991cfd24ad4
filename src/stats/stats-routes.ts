import { Router } from 'express';
import type { CatalogService } from '../catalog';
import type { Language } from '../i18n';
import { AppError } from '../errors';
import { requireStaffPage } from '../console';
import { statsPageView, statsPeriodOf } from './stats-page-view';
import type { StatsService } from './stats-service';

export interface StatsRoutesDeps {
  /** Its time zone is the one whose days it counts: the page names it. */
  stats: Pick<StatsService, 'summary' | 'timeZone'>;
  /** For the exposures' titles: counters hold ids only. */
  catalog: Pick<CatalogService, 'snapshot'>;
}

/** The admin console's statistics: GET /admin/stats?days=7|30|90 (30 by default). */
export function statsRoutes(deps: StatsRoutesDeps): Router {
  const router = Router();

  router.get('/admin/stats', requireStaffPage('admin'), async (req, res) => {
    const days = statsPeriodOf(req.query.days);
    const [summary, catalog] = await Promise.all([deps.stats.summary(days), deps.catalog.snapshot()]).catch(
      (error: unknown) => {
        throw new AppError('unavailable', 503, 'The statistics cannot be read right now.', { cause: error });
      },
    );
    res.render('admin/stats.njk', statsPageView(summary, catalog, days, res.locals.lang as Language, deps.stats.timeZone));
  });

  return router;
}
