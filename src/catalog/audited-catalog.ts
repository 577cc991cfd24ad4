import type { Actor } from '../actor';
import { auditedChangesBy, type AuditService } from '../audit';
import type { AdminCatalogService, AdminExposure } from './admin-catalog-service';
import type { Incident } from './catalog-model';

/** The catalogue changes an admin can make, each written to the audit log as who did it. */
export interface CatalogActions {
  createIncident(body: unknown): Promise<Incident>;
  updateIncident(id: string, patch: unknown): Promise<Incident>;
  deleteIncident(id: string): Promise<void>;
  createExposure(incidentId: string, body: unknown): Promise<AdminExposure>;
  updateExposure(id: string, patch: unknown): Promise<AdminExposure>;
  deleteExposure(id: string): Promise<void>;
  setPublished(id: string, published: boolean): Promise<AdminExposure>;
}

/**
 * One place where catalogue changes are audited, whether they come through the JSON API (a token)
 * or the admin console (a session): `as(actor)` gives the actions on behalf of that actor. Reads
 * are not audited and go to AdminCatalogService directly.
 */
export class AuditedCatalog {
  readonly #catalog: AdminCatalogService;
  readonly #audit: AuditService;

  constructor(deps: { catalog: AdminCatalogService; audit: AuditService }) {
    this.#catalog = deps.catalog;
    this.#audit = deps.audit;
  }

  as(actor: Actor): CatalogActions {
    const catalog = this.#catalog;
    const audited = auditedChangesBy(this.#audit, actor);
    return {
      createIncident: (body) => audited(() => catalog.createIncident(body), 'incident.create', ({ id }) => ({ incidentId: id })),
      updateIncident: (id, patch) => audited(() => catalog.updateIncident(id, patch), 'incident.update', () => ({ incidentId: id })),
      deleteIncident: (id) => audited(() => catalog.deleteIncident(id), 'incident.delete', () => ({ incidentId: id })),
      createExposure: (incidentId, body) =>
        audited(() => catalog.createExposure(incidentId, body), 'exposure.create', ({ id }) => ({ incidentId, exposureId: id })),
      updateExposure: (id, patch) =>
        audited(() => catalog.updateExposure(id, patch), 'exposure.update', ({ incidentId }) => ({ incidentId, exposureId: id })),
      deleteExposure: (id) => audited(() => catalog.deleteExposure(id), 'exposure.delete', () => ({ exposureId: id })),
      setPublished: (id, published) =>
        audited(
          () => catalog.setPublished(id, published),
          published ? 'exposure.publish' : 'exposure.unpublish',
          ({ incidentId }) => ({ incidentId, exposureId: id }),
        ),
    };
  }
}
