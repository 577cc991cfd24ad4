import type { AuditEntry, AuditEvent } from './audit-event';

/** A stretch of the log to read, newest first. */
export interface AuditRange {
  /** Only events at or after this time (milliseconds since the epoch). */
  fromMs?: number;
  /** Only events at or before this time (milliseconds since the epoch). */
  toMs?: number;
  /** Only events strictly older than this event id (a paging cursor). */
  before?: string;
  /** At most this many events. */
  count: number;
}

/**
 * The audit log: append-only and kept (never trimmed). Each appended event gets an id that sorts
 * after every earlier one and the time it was appended.
 */
export interface AuditStore {
  append(entry: AuditEntry): Promise<AuditEvent>;
  newestFirst(range: AuditRange): Promise<AuditEvent[]>;
}
