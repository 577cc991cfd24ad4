import { recordChange } from '../audit/audited-change';
import type { AuditAction, AuditDetails, AuditTarget } from '../audit/audit-event';
import type { AuditService } from '../audit/audit-service';
import type { AdminCatalogService, AdminExposure } from '../catalog/admin-catalog-service';
import type { Incident } from '../catalog/catalog-model';
import type { AdminListService } from '../lists/admin-list-service';
import type { ListWriteSummary } from '../lists/list-service';
import type { Actor } from '../actor/actor';

/** The catalogue and list changes an admin can make, each written to the audit log as who did it. */
export interface AdminActions {
  createIncident(body: unknown): Promise<Incident>;
  updateIncident(id: string, patch: unknown): Promise<Incident>;
  deleteIncident(id: string): Promise<void>;
  createExposure(incidentId: string, body: unknown): Promise<AdminExposure>;
  updateExposure(id: string, patch: unknown): Promise<AdminExposure>;
  deleteExposure(id: string): Promise<void>;
  setPublished(id: string, published: boolean): Promise<AdminExposure>;
  uploadList(exposureId: string, file: AsyncIterable<Buffer | string>): Promise<ListWriteSummary>;
  deleteList(exposureId: string): Promise<void>;
}

/**
 * One place where admin changes are audited, whether they come through the JSON API (a token) or
 * the admin console (a session): `as(actor)` gives the actions on behalf of that actor. Reads are
 * not audited and go to the services directly.
 */
export class AuditedAdmin {
  readonly #catalog: AdminCatalogService;
  readonly #lists: AdminListService;
  readonly #audit: AuditService;

  constructor(deps: { catalog: AdminCatalogService; lists: AdminListService; audit: AuditService }) {
    this.#catalog = deps.catalog;
    this.#lists = deps.lists;
    this.#audit = deps.audit;
  }

  as(actor: Actor): AdminActions {
    const catalog = this.#catalog;
    const lists = this.#lists;
    const audited = async <T>(
      change: () => Promise<T>,
      action: AuditAction,
      target: (result: T) => AuditTarget,
      details?: (result: T) => AuditDetails,
    ): Promise<T> => {
      const result = await change();
      await this.#record(actor, action, target(result), details?.(result));
      return result;
    };
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
      uploadList: (exposureId, file) =>
        audited(
          () => lists.uploadList(exposureId, file),
          'list.upload',
          () => ({ exposureId }),
          (summary) => ({ version: summary.version, records: summary.records, duplicates: summary.duplicates }),
        ),
      deleteList: (exposureId) => audited(() => lists.deleteList(exposureId), 'list.delete', () => ({ exposureId })),
    };
  }

  async #record(actor: Actor, action: AuditAction, target: AuditTarget, details: AuditDetails | undefined): Promise<void> {
    await recordChange(this.#audit, { actor, action, target, ...(details && { details }) });
  }
}
