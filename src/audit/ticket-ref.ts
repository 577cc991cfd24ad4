import { AppError } from '../errors';
import { auditTextProblem } from './audit-text';

export const TICKET_REF_MAX = 64;

/**
 * The reference of a caller's ticket in the support system ("ZD-48213", "問合せ-0192"): required
 * for every staff check, it links the audit event to the conversation without the audit log
 * holding anything about the caller. NFKC folds full-width input ("ＺＤ－４８２１３") into the
 * form a later search types. Never an address: `@` is refused in any width, and so is `%` (also
 * after NFKC: `％`, `﹪`), since an address typed URL-encoded (`%40`, `%2540`, ...) is still one
 * and the audit stream is never trimmed. No ticket system needs `%` in its references.
 */
export function ticketRefFrom(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidTicketRef('A ticket reference is required: the reference of the caller\'s ticket, such as ZD-48213.');
  }
  const ticketRef = value.normalize('NFKC').trim();
  if ([...ticketRef].length > TICKET_REF_MAX) {
    throw invalidTicketRef(`A ticket reference is at most ${TICKET_REF_MAX} characters.`);
  }
  // In this order, as ticketRefProblemOf (src/support/support-form.ts) reads it back for the form.
  if (ticketRef.includes('@')) {
    throw invalidTicketRef('A ticket reference must not contain "@": enter the ticket\'s reference, never the caller\'s address.');
  }
  if (ticketRef.includes('%')) {
    throw invalidTicketRef(
      'A ticket reference must not contain "%": an address typed URL-encoded (such as %40) must never reach the audit log.',
    );
  }
  if (auditTextProblem(ticketRef) !== undefined) {
    throw invalidTicketRef('A ticket reference must not contain line breaks, tabs or other control characters.');
  }
  return ticketRef;
}

function invalidTicketRef(message: string): AppError {
  return AppError.badRequest('invalid_ticket_ref', message, 'ticketRef');
}
