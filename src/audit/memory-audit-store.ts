import type { AuditEntry, AuditEvent } from './audit-event';
import { compareAuditIds, formatAuditId, parseAuditId, type AuditId } from './audit-id';
import type { AuditRange, AuditStore } from './audit-store';

/** Demo mode's audit log: ids and times made like a Redis stream's, lost when the process ends. */
export class MemoryAuditStore implements AuditStore {
  readonly #events: { id: AuditId; event: AuditEvent }[] = [];
  readonly #clock: () => Date;

  constructor(clock: () => Date = () => new Date()) {
    this.#clock = clock;
  }

  async append(entry: AuditEntry): Promise<AuditEvent> {
    const id = this.#nextId(this.#clock().getTime());
    const event: AuditEvent = { id: formatAuditId(id), at: new Date(id.ms).toISOString(), ...structuredClone(entry) };
    this.#events.push({ id, event });
    return structuredClone(event);
  }

  async newestFirst({ fromMs, toMs, before, count }: AuditRange): Promise<AuditEvent[]> {
    const cursor = before === undefined ? undefined : parseAuditId(before);
    // As the Redis store: a cursor that is no event id is refused, not read as "from the newest".
    if (before !== undefined && cursor === undefined) throw new Error('not an audit event id');
    const result: AuditEvent[] = [];
    for (let index = this.#events.length - 1; index >= 0 && result.length < count; index -= 1) {
      const { id, event } = this.#events[index] as { id: AuditId; event: AuditEvent };
      if (cursor !== undefined && compareAuditIds(id, cursor) >= 0) continue;
      if (toMs !== undefined && id.ms > toMs) continue;
      if (fromMs !== undefined && id.ms < fromMs) break;
      result.push(structuredClone(event));
    }
    return result;
  }

  /** Like XADD's `*`: the time, or one more in the sequence when the clock has not moved on. */
  #nextId(now: number): AuditId {
    const last = this.#events.at(-1)?.id;
    if (last === undefined || now > last.ms) return { ms: now, seq: 0 };
    return { ms: last.ms, seq: last.seq + 1 };
  }
}
