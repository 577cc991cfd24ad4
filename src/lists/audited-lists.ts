import type { Actor } from '../actor';
import { auditedChangesBy, type AuditService } from '../audit';
import type { AdminListService } from './admin-list-service';
import type { ListWriteSummary } from './list-service';

/** The list changes an admin can make, each written to the audit log as who did it. */
export interface ListActions {
  uploadList(exposureId: string, file: AsyncIterable<Buffer | string>): Promise<ListWriteSummary>;
  deleteList(exposureId: string): Promise<void>;
}

/**
 * One place where list uploads and erasures are audited, from the JSON API (a token) or the admin
 * console (a session): `as(actor)` gives the actions on behalf of that actor.
 */
export class AuditedLists {
  readonly #lists: AdminListService;
  readonly #audit: AuditService;

  constructor(deps: { lists: AdminListService; audit: AuditService }) {
    this.#lists = deps.lists;
    this.#audit = deps.audit;
  }

  as(actor: Actor): ListActions {
    const lists = this.#lists;
    const audited = auditedChangesBy(this.#audit, actor);
    return {
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
}
