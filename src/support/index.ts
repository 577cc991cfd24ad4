import type { Logger } from 'pino';
import type { RateCounters } from '../abuse';
import type { AuditService } from '../audit';
import type { StaffChecker } from '../catalog';
import type { Feature } from '../http';
import { STAFF_CHECK_RULE, StaffCheckService } from './staff-check-service';
import { supportRoutes } from './support-routes';

export interface SupportFeature extends Feature {
  /** Support checks on a caller's behalf, each audited before it is answered. */
  service: StaffCheckService;
}

/** The support console: a check on a caller's behalf, with the talking points, audited. */
export function createSupportFeature(deps: { checker: StaffChecker; audit: AuditService; rateCounters: RateCounters; logger: Logger }): SupportFeature {
  const service = new StaffCheckService({ checker: deps.checker, audit: deps.audit, limit: deps.rateCounters(STAFF_CHECK_RULE) });
  return { service, routes: { console: [supportRoutes({ staffCheck: service, logger: deps.logger })] } };
}
