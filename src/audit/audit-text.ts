// An `@` percent-encoded, once or again and again (%40, %2540, %252540 ...), in either case.
const ENCODED_AT = /%(?:25)*40/i;

/**
 * Text that may go into the audit log. An `@` in any form (NFKC folds the full-width `＠` and the
 * small `﹫` into it, and `％４０` into `%40`) is what makes something an address, so no audited text
 * may hold one, nor one percent-encoded (an address pasted from a URL); control and format
 * characters (line breaks, bidi overrides, zero-width marks) could forge or hide lines when the log
 * is read, so they are refused too.
 */
export function auditTextProblem(value: string): string | undefined {
  const folded = value.normalize('NFKC');
  if (folded.includes('@')) return 'must not contain "@": the audit log never holds an address';
  if (ENCODED_AT.test(folded)) return 'must not contain a percent-encoded "@": the audit log never holds an address';
  if (/\p{C}/u.test(value)) return 'must not contain control or invisible formatting characters';
  return undefined;
}

export function isAuditText(value: string): boolean {
  return auditTextProblem(value) === undefined;
}
