import type { RedisClient } from '../store';
import type { AuditEntry, AuditEvent } from './audit-event';
import { parseAuditId } from './audit-id';
import type { AuditRange, AuditStore } from './audit-store';

const FIELD = 'event';

/**
 * One Redis stream, `<prefix>audit:events`, one entry per event with the entry as JSON in one field.
 * The stream id is the event id and carries Redis's time, so events from every instance share one
 * order. No MAXLEN: the audit log is kept; an event is a few hundred bytes.
 */
export class RedisAuditStore implements AuditStore {
  readonly #redis: RedisClient;
  readonly #key: string;

  constructor(redis: RedisClient, prefix: string) {
    this.#redis = redis;
    this.#key = `${prefix}audit:events`;
  }

  async append(entry: AuditEntry): Promise<AuditEvent> {
    const id = await this.#redis.xadd(this.#key, '*', FIELD, JSON.stringify(entry));
    if (id === null) throw new Error('XADD returned no id');
    return eventOf(id, JSON.stringify(entry));
  }

  async newestFirst({ fromMs, toMs, before, count }: AuditRange): Promise<AuditEvent[]> {
    const end = rangeEnd(toMs, before);
    if (end === undefined) return [];
    const start = fromMs === undefined ? '-' : String(fromMs);
    const entries = await this.#redis.xrevrange(this.#key, end, start, 'COUNT', count);
    return entries.map(([id, fields]) => eventOf(id, fieldValue(fields)));
  }
}

/** XREVRANGE's upper bound: a bare time means "up to the end of that millisecond", `(id` excludes id. */
function rangeEnd(toMs: number | undefined, before: string | undefined): string | undefined {
  if (before === undefined) return toMs === undefined ? '+' : String(toMs);
  const cursor = parseAuditId(before);
  if (cursor === undefined) throw new Error('not an audit event id');
  // Nothing is older than the first possible id (and Redis refuses "(0-0").
  if (cursor.ms === 0 && cursor.seq === 0) return undefined;
  return toMs !== undefined && toMs < cursor.ms ? String(toMs) : `(${before}`;
}

function fieldValue(fields: string[]): string {
  const index = fields.indexOf(FIELD);
  const value = index >= 0 && index % 2 === 0 ? fields[index + 1] : undefined;
  if (value === undefined) throw new Error('audit stream entry without its event field');
  return value;
}

function eventOf(id: string, json: string): AuditEvent {
  const parsed = parseAuditId(id);
  if (parsed === undefined) throw new Error('unexpected stream id format');
  return { id, at: new Date(parsed.ms).toISOString(), ...(JSON.parse(json) as AuditEntry) };
}
