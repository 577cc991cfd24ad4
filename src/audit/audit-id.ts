/**
 * Event ids are Redis stream ids, `<milliseconds>-<sequence>`, in both stores: they order events
 * and carry their time, so the time filters and the paging cursor work on ids alone.
 */
export interface AuditId {
  ms: number;
  seq: number;
}

const AUDIT_ID = /^(\d{1,15})-(\d{1,15})$/;

export function parseAuditId(value: string): AuditId | undefined {
  const match = AUDIT_ID.exec(value);
  if (match === null) return undefined;
  return { ms: Number(match[1]), seq: Number(match[2]) };
}

export function formatAuditId({ ms, seq }: AuditId): string {
  return `${ms}-${seq}`;
}

export function compareAuditIds(a: AuditId, b: AuditId): number {
  return a.ms - b.ms || a.seq - b.seq;
}
