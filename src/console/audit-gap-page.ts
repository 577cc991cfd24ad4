import type { ErrorRequestHandler } from 'express';
import { isAppError } from '../errors';

/**
 * A change made whose audit event could not be written: the page says the change happened and the
 * trail has a gap (the generic 503 page would suggest it had failed). Script endpoints get the JSON.
 */
export const auditGapPage: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (!isAppError(error) || error.code !== 'audit_unavailable' || res.locals.consoleApi === true) {
    next(error);
    return;
  }
  res.status(503).render('admin/audit-gap.njk');
};
