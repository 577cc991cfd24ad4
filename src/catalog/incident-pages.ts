import { Router, type Request, type Response } from 'express';
import { type AuditedLists, listConsoleMessagesFor } from '../lists';
import type { AuditedCatalog, CatalogActions } from './audited-catalog';
import type { AdminCatalogService } from './admin-catalog-service';
import type { Incident } from './catalog-model';
import { isAppError } from '../errors';
import { actorOf } from '../actor';
import { requireStaffPage, adminPages, languageOf, formProblemOf, type FormProblem } from '../console';
import { catalogConsoleMessagesFor } from './catalog-console-messages';
import { catalogProblemDescriber } from './catalog-problems';
import {
  EMPTY_EXPOSURE_FORM,
  EMPTY_INCIDENT_FORM,
  exposureFormOf,
  exposurePatch,
  incidentFormFrom,
  incidentFormOf,
  incidentPatch,
  type ExposureForm,
  type IncidentForm,
} from './catalog-forms';
import { dataClassOptions, exposureRow, incidentRow, incidentTitle, statusOptions } from './catalog-views';

export interface CatalogConsoleDeps {
  /** Reads: not audited. */
  catalog: AdminCatalogService;
  /** Every change, audited as the signed-in admin. */
  auditedCatalog: AuditedCatalog;
  /** The exposure page erases its list, audited too. */
  auditedLists: AuditedLists;
}

type IdRequest = Request<{ id: string }>;

export const incidentPath = (id: string) => `/admin/incidents/${encodeURIComponent(id)}`;

/**
 * The catalogue's admin pages (incidents, exposures): their words, with the hashed-list section the
 * exposure page shows, and the `?done=` notices of their redirects.
 */
export const catalogPages = adminPages(
  (language) => ({ ...catalogConsoleMessagesFor(language), ...listConsoleMessagesFor(language) }),
  (text) => text.done,
);

/**
 * A refused incident or exposure form's problem, in the page's language: what the marked field
 * accepts, and each problem the service found, naming its field by the form's label.
 */
export function formProblemIn(res: Response, form: 'incident' | 'exposure', error: unknown): FormProblem {
  const at = catalogPages.textOf(res);
  const hints = form === 'incident' ? at.incidentProblems : at.exposureProblems;
  return formProblemOf(error, hints, catalogProblemDescriber(form, languageOf(res), at));
}

/** What the incident page shows besides the incident: its two forms, as typed when refused. */
interface IncidentPageState {
  incidentForm?: IncidentForm;
  incidentProblem?: FormProblem;
  exposureForm?: ExposureForm;
  exposureProblem?: FormProblem;
}

/**
 * /admin/incidents: the list with the new-incident form; /admin/incidents/:id: the incident's
 * exposures, a form to add one, its own edit form and its deletion (with confirmation, once it
 * has no exposures). Refused forms come back with 400, as typed, the field marked.
 */
export function incidentRoutes(deps: CatalogConsoleDeps): Router {
  const router = Router();
  router.use('/admin/incidents', catalogPages.locals);
  const adminOnly = requireStaffPage('admin');
  const actions = (res: Response): CatalogActions => deps.auditedCatalog.as(actorOf(res));

  router.get('/admin/incidents', adminOnly, async (_req, res) => {
    await renderList(res, EMPTY_INCIDENT_FORM);
  });

  router.post('/admin/incidents', adminOnly, async (req, res) => {
    const form = incidentFormOf(req.body);
    try {
      const incident = await actions(res).createIncident(incidentPatch(form));
      res.redirect(303, catalogPages.doneUrl(incidentPath(incident.id), 'incidentCreated'));
    } catch (error) {
      const problem = formProblemIn(res, 'incident', error);
      await renderList(res.status(400), form, problem);
    }
  });

  router.get('/admin/incidents/:id', adminOnly, async (req: IdRequest, res) => {
    await renderIncident(res, await deps.catalog.getIncident(req.params.id), {});
  });

  router.post('/admin/incidents/:id', adminOnly, async (req: IdRequest, res) => {
    const form = incidentFormOf(req.body);
    try {
      const incident = await actions(res).updateIncident(req.params.id, incidentPatch(form));
      res.redirect(303, catalogPages.doneUrl(incidentPath(incident.id), 'incidentSaved'));
    } catch (error) {
      const problem = formProblemIn(res, 'incident', error);
      const incident = await deps.catalog.getIncident(req.params.id);
      await renderIncident(res.status(400), incident, { incidentForm: form, incidentProblem: problem });
    }
  });

  router.post('/admin/incidents/:id/exposures', adminOnly, async (req: IdRequest, res) => {
    const form = exposureFormOf(req.body);
    try {
      const exposure = await actions(res).createExposure(req.params.id, exposurePatch(form));
      res.redirect(303, catalogPages.doneUrl(`/admin/exposures/${encodeURIComponent(exposure.id)}`, 'exposureCreated'));
    } catch (error) {
      const problem = formProblemIn(res, 'exposure', error);
      const incident = await deps.catalog.getIncident(req.params.id);
      await renderIncident(res.status(400), incident, { exposureForm: form, exposureProblem: problem });
    }
  });

  router.get('/admin/incidents/:id/delete', adminOnly, async (req: IdRequest, res) => {
    const incident = await deps.catalog.getIncident(req.params.id);
    const exposures = await deps.catalog.listExposures(incident.id);
    renderDeleteConfirmation(res.status(exposures.length > 0 ? 409 : 200), incident, exposures.length > 0);
  });

  router.post('/admin/incidents/:id/delete', adminOnly, async (req: IdRequest, res) => {
    try {
      await actions(res).deleteIncident(req.params.id);
    } catch (error) {
      // An exposure was added since the confirmation page: say so rather than show an error.
      if (!isAppError(error) || error.code !== 'incident_has_exposures') throw error;
      renderDeleteConfirmation(res.status(409), await deps.catalog.getIncident(req.params.id), true);
      return;
    }
    res.redirect(303, catalogPages.doneUrl('/admin/incidents', 'incidentDeleted'));
  });

  async function renderList(res: Response, form: IncidentForm, problem?: FormProblem): Promise<void> {
    const language = languageOf(res);
    const at = catalogPages.textOf(res);
    const incidents = await deps.catalog.listIncidents();
    const rows = await Promise.all(
      incidents.map(async (incident) => incidentRow(incident, await deps.catalog.listExposures(incident.id), language, at)),
    );
    res.render('admin/incidents.njk', { rows, form, problem, statuses: statusOptions(at) });
  }

  async function renderIncident(res: Response, incident: Incident, state: IncidentPageState): Promise<void> {
    const language = languageOf(res);
    const at = catalogPages.textOf(res);
    const exposures = await deps.catalog.listExposures(incident.id);
    res.render('admin/incident.njk', {
      incident,
      title: incidentTitle(incident, language),
      exposures: exposures.map((exposure) => exposureRow(exposure, language, at)),
      incidentForm: state.incidentForm ?? incidentFormFrom(incident),
      incidentProblem: state.incidentProblem,
      exposureForm: state.exposureForm ?? EMPTY_EXPOSURE_FORM,
      exposureProblem: state.exposureProblem,
      statuses: statusOptions(at),
      dataClasses: dataClassOptions(language),
    });
  }

  function renderDeleteConfirmation(res: Response, incident: Incident, blocked: boolean): void {
    const at = catalogPages.textOf(res);
    const path = incidentPath(incident.id);
    res.render('admin/confirm.njk', {
      heading: at.incident.confirmTitle(incidentTitle(incident, languageOf(res))),
      body: blocked ? at.incident.deleteBlocked : at.incident.confirmBody,
      irreversible: !blocked,
      action: blocked ? undefined : `${path}/delete`,
      button: at.incident.confirmButton,
      cancel: path,
    });
  }

  return router;
}
