import type { Language } from '../i18n';
import { isAppError } from '../errors';
import { timeZoneAbbreviation, timeZoneLabel, timeZoneName } from '../console';
import { endOfLocalDay, isCalendarDay, localDateTime, startOfLocalDay } from '../shared';
import { AUDIT_ACTIONS, type AuditActor, type AuditEvent, type AuditTarget } from './audit-event';
import { auditQueryFrom, type AuditPage, type AuditQuery } from './audit-query';
import { auditPageMessagesFor, type AuditPageMessages } from './audit-page-messages';

/** Which filter the page says is wrong. */
export type AuditFilterProblem = 'action' | 'ticketRef' | 'from' | 'to' | 'order' | 'before';

/** The filter form as typed: shown again in its fields, and carried by the "older" link. */
export interface AuditFilterValues {
  actorUsername: string;
  action: string;
  ticketRef: string;
  /** A day (YYYY-MM-DD) in the service's time zone (TIME_ZONE). */
  from: string;
  to: string;
}

export const AUDIT_PAGE_SIZE = 50;

const FILTER_NAMES = ['actorUsername', 'action', 'ticketRef', 'from', 'to'] as const;

export function auditFilterValuesOf(query: Record<string, unknown>): AuditFilterValues {
  const value = (name: (typeof FILTER_NAMES)[number]) => (typeof query[name] === 'string' ? (query[name] as string).trim() : '');
  return {
    actorUsername: value('actorUsername'),
    action: value('action'),
    ticketRef: value('ticketRef'),
    from: value('from'),
    to: value('to'),
  };
}

/**
 * The query for one page of the log, or the filter that is wrong. Dates are days of `timeZone`
 * (TIME_ZONE), turned into instants here; the rest is read by auditQueryFrom, as the query string
 * carries it.
 */
export function auditPageQuery(
  values: AuditFilterValues,
  before: unknown,
  timeZone: string,
): { query: AuditQuery; problem?: undefined } | { problem: AuditFilterProblem; query?: undefined } {
  const from = values.from === '' ? '' : localDayBound(values.from, 'start', timeZone);
  if (from === undefined) return { problem: 'from' };
  const to = values.to === '' ? '' : localDayBound(values.to, 'end', timeZone);
  if (to === undefined) return { problem: 'to' };
  if (from !== '' && to !== '' && Date.parse(from) > Date.parse(to)) return { problem: 'order' };
  try {
    const query = auditQueryFrom({ ...values, from, to, before: typeof before === 'string' ? before : undefined });
    return { query: { ...query, limit: AUDIT_PAGE_SIZE } };
  } catch (error) {
    if (isAppError(error) && (error.field === 'action' || error.field === 'ticketRef' || error.field === 'before')) {
      return { problem: error.field };
    }
    throw error;
  }
}

/** The first or last millisecond of a calendar day in `timeZone`, as an ISO timestamp (UTC). */
function localDayBound(day: string, end: 'start' | 'end', timeZone: string): string | undefined {
  // Date accepts 2026-02-31 as 3 March; a day that does not round-trip is not a day.
  if (!isCalendarDay(day)) return undefined;
  return (end === 'start' ? startOfLocalDay(day, timeZone) : endOfLocalDay(day, timeZone)).toISOString();
}

/** One row of the table: every value already in words. */
export interface AuditRow {
  id: string;
  iso: string;
  /** The time in the service's zone, to the second, with the zone's short name. */
  local: string;
  actor: { name: string; note: string | undefined };
  action: string;
  targets: { label: string; value: string; note: string | undefined }[];
  ticketRef: string | undefined;
  /** Only checks say what they matched (maybe nothing); other events have no such column value. */
  isCheck: boolean;
  matched: string[];
  details: { key: string; value: string }[];
}

export interface AuditPageView {
  pt: AuditPageMessages;
  /** The zone of the times and dates, named fully (the intro) and briefly (labels). */
  zoneLabel: string;
  zoneName: string;
  values: AuditFilterValues;
  actions: { value: string; label: string; selected: boolean }[];
  problem: AuditFilterProblem | undefined;
  filtered: boolean;
  rows: AuditRow[];
  /** The link to the next page, with the same filters. */
  olderHref: string | undefined;
  /** Shown when paging: the same filters from the newest event. */
  newestHref: string | undefined;
  /** The service stopped reading before it filled a page; older events may still match. */
  scanStopped: boolean;
}

export interface AuditViewInput {
  values: AuditFilterValues;
  page: AuditPage | undefined;
  problem: AuditFilterProblem | undefined;
  paging: boolean;
  /** Staff ids to usernames, for events about staff accounts. */
  usernames: Map<string, string>;
  language: Language;
  /** TIME_ZONE: times are shown, and dates were read, in it. */
  timeZone: string;
}

export function auditPageView({ values, page, problem, paging, usernames, language, timeZone }: AuditViewInput): AuditPageView {
  const pt = auditPageMessagesFor(language);
  const events = page?.events ?? [];
  return {
    pt,
    zoneLabel: timeZoneLabel(timeZone, language),
    zoneName: timeZoneName(timeZone, language),
    values,
    actions: AUDIT_ACTIONS.map((action) => ({ value: action, label: pt.actions[action], selected: values.action === action })),
    problem,
    filtered: FILTER_NAMES.some((name) => values[name] !== ''),
    rows: events.map((event) => auditRow(event, pt, usernames, timeZone)),
    olderHref: page?.nextBefore ? `/admin/audit?${linkQuery(values, page.nextBefore)}` : undefined,
    newestHref: paging ? `/admin/audit${linkQuery(values) === '' ? '' : `?${linkQuery(values)}`}` : undefined,
    scanStopped: page !== undefined && page.nextBefore !== null && events.length < AUDIT_PAGE_SIZE,
  };
}

function linkQuery(values: AuditFilterValues, before?: string): string {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) if (values[name] !== '') params.set(name, values[name]);
  if (before !== undefined) params.set('before', before);
  return params.toString();
}

function auditRow(event: AuditEvent, pt: AuditPageMessages, usernames: Map<string, string>, timeZone: string): AuditRow {
  return {
    id: event.id,
    iso: event.at,
    local: localTime(event.at, timeZone),
    actor: actorText(event.actor, pt),
    action: pt.actions[event.action] ?? event.action,
    targets: targetsOf(event.target, pt, usernames),
    ticketRef: event.ticketRef,
    isCheck: event.matchedExposureIds !== undefined,
    matched: event.matchedExposureIds ?? [],
    details: Object.entries(event.details ?? {}).map(([key, value]) => ({ key, value: String(value) })),
  };
}

/** "2026-11-21 18:00:05 JST" (Asia/Tokyo), "2026-07-01 11:00:05 GMT+2" (Europe/Berlin). */
export function localTime(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  return `${localDateTime(instant, timeZone)} ${timeZoneAbbreviation(timeZone, instant)}`;
}

function actorText(actor: AuditActor, pt: AuditPageMessages): AuditRow['actor'] {
  if (actor.kind === 'staff') return { name: actor.username, note: pt.actor.roles[actor.role] };
  if (actor.kind === 'api-token') return { name: pt.actor.apiToken(actor.username), note: pt.actor.apiTokenId(actor.tokenId) };
  if (actor.kind === 'unauthenticated') return { name: actor.username ?? pt.actor.unknownUser, note: pt.actor.notSignedIn };
  return { name: pt.actor.breakGlass, note: pt.actor.breakGlassNote };
}

const TARGET_KEYS: (keyof AuditTarget)[] = ['incidentId', 'exposureId', 'staffId', 'tokenId'];

function targetsOf(target: AuditTarget | undefined, pt: AuditPageMessages, usernames: Map<string, string>): AuditRow['targets'] {
  return TARGET_KEYS.flatMap((key) => {
    const id = target?.[key];
    if (id === undefined) return [];
    // A staff id reads better as the username; the id stays beside it (accounts can be renamed or gone).
    const username = key === 'staffId' ? usernames.get(id) : undefined;
    return [{ label: pt.targets[key], value: username ?? id, note: username === undefined ? undefined : id }];
  });
}
