import { AppError } from '../errors';
import { AUDIT_ACTIONS, isAuditAction, type AuditAction, type AuditEvent } from './audit-event';
import { parseAuditId } from './audit-id';
import { ticketRefFrom } from './ticket-ref';

export const AUDIT_PAGE_DEFAULT = 50;
export const AUDIT_PAGE_MAX = 500;

/** Which events to list, newest first. Every filter given must match. */
export interface AuditQuery {
  actorUsername?: string;
  action?: AuditAction;
  ticketRef?: string;
  /** From this instant on (inclusive). */
  from?: Date;
  /** Up to this instant (inclusive). */
  to?: Date;
  /** 1..500; 50 when absent. */
  limit?: number;
  /** Only events older than this event id: the `nextBefore` of the previous page. */
  before?: string;
}

export interface AuditPage {
  events: AuditEvent[];
  /** Pass as `before` for the next page; null when the log has nothing older that could match. */
  nextBefore: string | null;
}

type RawQuery = Record<string, unknown>;

/**
 * The filters as a query string (or form) carries them: every value a string, blank meaning
 * "no filter". Dates are a day (YYYY-MM-DD, UTC, the whole day) or an ISO timestamp.
 */
export function auditQueryFrom(raw: RawQuery): AuditQuery {
  const query: AuditQuery = {};
  const actorUsername = text(raw, 'actorUsername');
  if (actorUsername !== undefined) query.actorUsername = actorUsername.toLowerCase();
  const action = text(raw, 'action');
  if (action !== undefined) {
    if (!isAuditAction(action)) throw invalid('action', `action must be one of ${AUDIT_ACTIONS.join(', ')}.`);
    query.action = action;
  }
  const ticketRef = text(raw, 'ticketRef');
  if (ticketRef !== undefined) query.ticketRef = ticketRefFrom(ticketRef);
  const from = text(raw, 'from');
  if (from !== undefined) query.from = instantOf('from', from, 'start');
  const to = text(raw, 'to');
  if (to !== undefined) query.to = instantOf('to', to, 'end');
  if (query.from && query.to && query.from > query.to) throw invalid('to', '"to" must not be before "from".');
  const limit = text(raw, 'limit');
  if (limit !== undefined) query.limit = limitOf(limit);
  const before = text(raw, 'before');
  if (before !== undefined) {
    if (parseAuditId(before) === undefined) throw invalid('before', '"before" must be an event id from a previous page.');
    query.before = before;
  }
  return query;
}

function text(raw: RawQuery, name: string): string | undefined {
  const value = raw[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(name, `${name} must be given once, as text.`);
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
// With its zone: a time without one would be read in the server's zone, not the admin's.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

function instantOf(name: string, value: string, end: 'start' | 'end'): Date {
  const problem = () => invalid(name, `${name} must be a date (YYYY-MM-DD, UTC) or an ISO timestamp with its zone.`);
  if (DAY.test(value)) {
    const start = new Date(`${value}T00:00:00.000Z`);
    if (Number.isNaN(start.getTime()) || !start.toISOString().startsWith(value)) throw problem();
    // A day as the upper bound includes the whole of that day.
    return end === 'end' ? new Date(start.getTime() + DAY_MS - 1) : start;
  }
  const instant = new Date(value);
  if (!TIMESTAMP.test(value) || Number.isNaN(instant.getTime())) throw problem();
  return instant;
}

function limitOf(value: string): number {
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < 1 || limit > AUDIT_PAGE_MAX) {
    throw invalid('limit', `limit must be a whole number from 1 to ${AUDIT_PAGE_MAX}.`);
  }
  return limit;
}

function invalid(field: string, message: string): AppError {
  return AppError.badRequest('invalid_request', message, field);
}
