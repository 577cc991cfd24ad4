import { Router } from 'express';
import type { Language } from '../i18n';
import { AppError } from '../errors';
import type { StaffMember } from '../actor';
import { requireStaffPage } from '../console';
import type { AuditService } from './audit-service';
import { auditFilterValuesOf, auditPageQuery, auditPageView, type AuditFilterProblem } from './audit-page-view';
import type { AuditPage } from './audit-query';

export interface AuditRoutesDeps {
  audit: Pick<AuditService, 'query'>;
  /** Names the actors in the log: the staff accounts (the staff feature's StaffService). */
  staff: { list(): Promise<Pick<StaffMember, 'id' | 'username'>[]> };
  /** TIME_ZONE: the filter's dates are its days, the times are shown in it. */
  timeZone: string;
}

/**
 * The admin console's audit log: GET /admin/audit, filtered by the query string (a GET form, so
 * a filtered view can be bookmarked or sent to a colleague), 50 events a page, newest first.
 */
export function auditRoutes(deps: AuditRoutesDeps): Router {
  const router = Router();

  router.get('/admin/audit', requireStaffPage('admin'), async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const values = auditFilterValuesOf(query);
    let parsed = auditPageQuery(values, query.before, deps.timeZone);
    const problem: AuditFilterProblem | undefined = parsed.problem;
    // A stale "older" link still shows something useful: the newest events with the same filters.
    if (problem === 'before') parsed = auditPageQuery(values, undefined, deps.timeZone);
    const [page, staff] = await Promise.all([
      parsed.query === undefined ? Promise.resolve<AuditPage | undefined>(undefined) : deps.audit.query(parsed.query),
      deps.staff.list(),
    ]).catch((error: unknown) => {
      throw new AppError('unavailable', 503, 'The audit log cannot be read right now.', { cause: error });
    });
    if (parsed.query === undefined) res.status(400);
    res.render(
      'admin/audit.njk',
      auditPageView({
        values,
        page,
        problem,
        paging: parsed.query?.before !== undefined,
        usernames: new Map(staff.map((member) => [member.id, member.username])),
        language: res.locals.lang as Language,
        timeZone: deps.timeZone,
      }),
    );
  });

  return router;
}
