/**
 * Text that may go into the audit log. An `@` in any form (NFKC folds the full-width `＠` and the
 * small `﹫` into it) is what makes something an address, so no audited text may hold one; control
 * and format characters (line breaks, bidi overrides, zero-width marks) could forge or hide lines
 * when the log is read, so they are refused too.
 */
export function auditTextProblem(value: string): string | undefined {
  if (value.normalize('NFKC').includes('@')) return 'must not contain "@": the audit log never holds an address';
  if (/\p{C}/u.test(value)) return 'must not contain control or invisible formatting characters';
  return undefined;
}

export function isAuditText(value: string): boolean {
  return auditTextProblem(value) === undefined;
}
