import { TICKET_REF_MAX, ticketRefFrom } from '../audit';
import { emailProblemOf } from '../check';
import { type AppError, errorKindOf } from '../errors';
import type { EmailProblem } from '../i18n';
import type { SupportNotice } from './support-messages';

/** Why a ticket reference was refused, so the form can say it in the staff member's language. */
export type TicketRefProblem = 'missing' | 'tooLong' | 'address' | 'percent' | 'control';

/** The check form as posted. Only the route holds the address, for as long as the check takes. */
export interface SupportForm {
  ticketRef: string;
  email: string;
}

/** What the form shows again after a refusal. Never the address: the field is always empty. */
export interface SupportFormState {
  /** The ticket reference to put back in its field, unless it may be an address. */
  ticketRef: string;
  ticketProblem?: TicketRefProblem;
  emailProblem?: EmailProblem;
  notice?: SupportNotice;
  retryAfterSeconds?: number;
}

export function supportFormOf(body: unknown): SupportForm {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  return {
    ticketRef: typeof fields.ticketRef === 'string' ? fields.ticketRef : '',
    email: typeof fields.email === 'string' ? fields.email : '',
  };
}

/**
 * The ticket reference worth typing into the field again: what was typed, unless it holds an `@`
 * in any width or a `%` (then it may be the caller's address, typed into the wrong field, perhaps
 * URL-encoded, and must not come back in the page).
 */
export function keptTicketRef(typed: string): string {
  const folded = typed.normalize('NFKC');
  return folded.includes('@') || folded.includes('%') ? '' : typed;
}

/** A ticket reference from a link ("check another address for this ticket"), if it is a valid one. */
export function ticketRefFromLink(value: unknown): string {
  try {
    return ticketRefFrom(value);
  } catch {
    return '';
  }
}

/**
 * The form again for a refusal the staff member can act on: a field to correct, a limit to wait
 * out, a failure to retry. Undefined for anything else (the console's error page shows it).
 */
export function refusedFormState(error: AppError, form: SupportForm): SupportFormState | undefined {
  const ticketRef = keptTicketRef(form.ticketRef);
  if (error.code === 'invalid_ticket_ref') return { ticketRef, ticketProblem: ticketRefProblemOf(form.ticketRef) };
  if (error.code === 'invalid_email') return { ticketRef, emailProblem: emailProblemOf(form.email) };
  const notice = noticeOf(error);
  if (notice === undefined) return undefined;
  return { ticketRef, notice, ...(error.retryAfterSeconds !== undefined && { retryAfterSeconds: error.retryAfterSeconds }) };
}

/** The kinds of refusal worth waiting out or retrying from the form itself. */
function noticeOf(error: AppError): SupportNotice | undefined {
  const kind = errorKindOf(error);
  return kind === 'rateLimited' || kind === 'overloaded' || kind === 'unavailable' ? kind : undefined;
}

/** The same tests, in the same order, as ticketRefFrom (src/audit/ticket-ref.ts): read from what was typed. */
export function ticketRefProblemOf(typed: string): TicketRefProblem {
  const ticketRef = typed.normalize('NFKC').trim();
  if (ticketRef === '') return 'missing';
  if ([...ticketRef].length > TICKET_REF_MAX) return 'tooLong';
  if (ticketRef.includes('@')) return 'address';
  if (ticketRef.includes('%')) return 'percent';
  return 'control';
}
