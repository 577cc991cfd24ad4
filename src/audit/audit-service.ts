import { AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX, type AuditPage, type AuditQuery } from './audit-query';
import { isAuditAction, type AuditEntry, type AuditEvent } from './audit-event';
import type { AuditStore } from './audit-store';
import { auditTextProblem } from './audit-text';
import { TICKET_REF_MAX } from './ticket-ref';

// Filters other than time are applied here, so a query reads the log in batches; the cap keeps a
// query for something rare in a long log from reading all of it at once (the page says where it stopped).
const FILTERED_BATCH = 500;
const MAX_SCANNED_PER_QUERY = 10_000;
const DETAILS_MAX_ENTRIES = 20;
const DETAIL_TEXT_MAX = 200;

/** Records staff actions and lists them for admins. Knows nothing of HTTP. */
export class AuditService {
  readonly #store: AuditStore;

  constructor(deps: { store: AuditStore }) {
    this.#store = deps.store;
  }

  /**
   * Appends one event and resolves once it is stored; rejects if it could not be. A caller whose
   * action must not happen unaudited (a staff check) waits for this before answering.
   */
  async record(entry: AuditEntry): Promise<AuditEvent> {
    assertRecordable(entry);
    return this.#store.append(entry);
  }

  async query(query: AuditQuery = {}): Promise<AuditPage> {
    const limit = Math.min(Math.max(query.limit ?? AUDIT_PAGE_DEFAULT, 1), AUDIT_PAGE_MAX);
    const matches = contentFilter(query);
    const range = {
      ...(query.from && { fromMs: query.from.getTime() }),
      ...(query.to && { toMs: query.to.getTime() }),
    };
    const batchSize = matches === undefined ? limit : FILTERED_BATCH;
    const events: AuditEvent[] = [];
    let before = query.before;
    for (let scanned = 0; scanned < MAX_SCANNED_PER_QUERY; ) {
      const batch = await this.#store.newestFirst({ ...range, ...(before !== undefined && { before }), count: batchSize });
      for (const event of batch) {
        scanned += 1;
        before = event.id;
        if (matches !== undefined && !matches(event)) continue;
        events.push(event);
        if (events.length === limit) return { events, nextBefore: event.id };
      }
      if (batch.length < batchSize) return { events, nextBefore: null };
    }
    return { events, nextBefore: before ?? null };
  }
}

function contentFilter({ actorUsername, action, ticketRef }: AuditQuery): ((event: AuditEvent) => boolean) | undefined {
  if (actorUsername === undefined && action === undefined && ticketRef === undefined) return undefined;
  const wantedTicket = ticketRef?.toLowerCase();
  return (event) =>
    (actorUsername === undefined || ('username' in event.actor && event.actor.username === actorUsername)) &&
    (action === undefined || event.action === action) &&
    (wantedTicket === undefined || event.ticketRef?.toLowerCase() === wantedTicket);
}

/**
 * The last line of defence for the log's promise: whatever a caller passes, no text in an event
 * may look like an address or hide control characters. A refusal here is a bug in the caller.
 */
function assertRecordable(entry: AuditEntry): void {
  if (!isAuditAction(entry.action)) throw new Error('unknown audit action');
  if (entry.ticketRef !== undefined && (entry.ticketRef === '' || [...entry.ticketRef].length > TICKET_REF_MAX)) {
    throw new Error('audit ticketRef has the wrong length');
  }
  const details = Object.entries(entry.details ?? {});
  if (details.length > DETAILS_MAX_ENTRIES) throw new Error('audit details hold too many values');
  for (const [key, value] of details) {
    if (typeof value === 'string' && value.length > DETAIL_TEXT_MAX) throw new Error(`audit detail ${key} is too long`);
  }
  for (const [path, value] of textsOf(entry)) {
    const problem = auditTextProblem(value);
    if (problem !== undefined) throw new Error(`audit event field ${path} ${problem}`);
  }
}

/** Every string in the event, keys included, with where it was. */
function* textsOf(value: unknown, path = ''): Generator<[string, string]> {
  if (typeof value === 'string') {
    yield [path, value];
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* textsOf(item, `${path}[${index}]`);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      yield [`${path}.${key}`, key];
      yield* textsOf(item, `${path}.${key}`);
    }
  }
}
