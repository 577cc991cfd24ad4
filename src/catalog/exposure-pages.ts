import { Router, type Request, type Response } from 'express';
import type { CatalogActions } from './audited-catalog';
import type { AdminExposure } from './admin-catalog-service';
import type { HashingProfile } from '../hashing';
import { actorOf } from '../actor';
import { requireStaffPage, languageOf, formatCount, timeZoneOf, type FormProblem } from '../console';
import { exposureFormFrom, exposureFormOf, exposurePatch, type ExposureForm } from './catalog-forms';
import { dataClassOptions, exposureRow, exposureTitle, incidentTitle, listView } from './catalog-views';
import { catalogPages, formProblemIn, incidentPath, type CatalogConsoleDeps } from './incident-pages';

export interface ExposureConsoleDeps extends CatalogConsoleDeps {
  /** The profile new lists are hashed with: the list section says whether the live list uses it. */
  currentProfile: () => HashingProfile;
}

type IdRequest = Request<{ id: string }>;

export const exposurePath = (id: string) => `/admin/exposures/${encodeURIComponent(id)}`;

/**
 * /admin/exposures/:id: the exposure's state, its hashed list (upload: list-routes.ts), its
 * publication, its edit form, and its deletion (with confirmation). The list's deletion lives
 * here too, as a confirmation page and its POST.
 */
export function exposureRoutes(deps: ExposureConsoleDeps): Router {
  const router = Router();
  router.use('/admin/exposures', catalogPages.locals);
  const adminOnly = requireStaffPage('admin');
  const actions = (res: Response): CatalogActions => deps.auditedCatalog.as(actorOf(res));

  router.get('/admin/exposures/:id', adminOnly, async (req: IdRequest, res) => {
    await renderExposure(res, await deps.catalog.getExposure(req.params.id));
  });

  router.post('/admin/exposures/:id', adminOnly, async (req: IdRequest, res) => {
    const form = exposureFormOf(req.body);
    try {
      const exposure = await actions(res).updateExposure(req.params.id, exposurePatch(form));
      res.redirect(303, catalogPages.doneUrl(exposurePath(exposure.id), 'exposureSaved'));
    } catch (error) {
      const problem = formProblemIn(res, 'exposure', error);
      await renderExposure(res.status(400), await deps.catalog.getExposure(req.params.id), form, problem);
    }
  });

  router.post('/admin/exposures/:id/publish', adminOnly, async (req: IdRequest, res) => {
    const exposure = await actions(res).setPublished(req.params.id, true);
    res.redirect(303, catalogPages.doneUrl(exposurePath(exposure.id), 'published'));
  });

  router.post('/admin/exposures/:id/unpublish', adminOnly, async (req: IdRequest, res) => {
    const exposure = await actions(res).setPublished(req.params.id, false);
    res.redirect(303, catalogPages.doneUrl(exposurePath(exposure.id), 'unpublished'));
  });

  router.get('/admin/exposures/:id/delete', adminOnly, async (req: IdRequest, res) => {
    const exposure = await deps.catalog.getExposure(req.params.id);
    const at = catalogPages.textOf(res);
    const rows = exposure.list === null ? undefined : formatCount(exposure.list.records, languageOf(res));
    res.render('admin/confirm.njk', {
      heading: at.exposure.confirmTitle(exposureTitle(exposure, languageOf(res))),
      body: at.exposure.confirmBody(rows),
      irreversible: true,
      action: `${exposurePath(exposure.id)}/delete`,
      button: at.exposure.confirmButton,
      cancel: exposurePath(exposure.id),
    });
  });

  router.post('/admin/exposures/:id/delete', adminOnly, async (req: IdRequest, res) => {
    const exposure = await deps.catalog.getExposure(req.params.id);
    await actions(res).deleteExposure(exposure.id);
    res.redirect(303, catalogPages.doneUrl(incidentPath(exposure.incidentId), 'exposureDeleted'));
  });

  router.get('/admin/exposures/:id/list/delete', adminOnly, async (req: IdRequest, res) => {
    const exposure = await deps.catalog.getExposure(req.params.id);
    // Nothing to erase (deleted meanwhile, or a stale link): the exposure page says there is no list.
    if (exposure.list === null) {
      res.redirect(303, exposurePath(exposure.id));
      return;
    }
    const at = catalogPages.textOf(res);
    res.render('admin/confirm.njk', {
      heading: at.list.confirmTitle(exposureTitle(exposure, languageOf(res))),
      body: at.list.confirmBody(formatCount(exposure.list.records, languageOf(res))),
      irreversible: true,
      action: `${exposurePath(exposure.id)}/list/delete`,
      button: at.list.confirmButton,
      cancel: exposurePath(exposure.id),
    });
  });

  router.post('/admin/exposures/:id/list/delete', adminOnly, async (req: IdRequest, res) => {
    await deps.auditedLists.as(actorOf(res)).deleteList(req.params.id);
    res.redirect(303, catalogPages.doneUrl(exposurePath(req.params.id), 'listDeleted'));
  });

  async function renderExposure(res: Response, exposure: AdminExposure, form?: ExposureForm, problem?: FormProblem): Promise<void> {
    const language = languageOf(res);
    const at = catalogPages.textOf(res);
    const incident = await deps.catalog.getIncident(exposure.incidentId);
    res.render('admin/exposure.njk', {
      exposure,
      row: exposureRow(exposure, language, at),
      title: exposureTitle(exposure, language),
      incident,
      incidentTitle: incidentTitle(incident, language),
      incidentPath: incidentPath(incident.id),
      list: listView(exposure.list, deps.currentProfile().id, language, timeZoneOf(res), at),
      form: form ?? exposureFormFrom(exposure),
      problem,
      dataClasses: dataClassOptions(language),
    });
  }

  return router;
}
