import type { RateCounter } from '../abuse';
import type { Actor } from '../actor';
import { type AuditService, ticketRefFrom } from '../audit';
import type { StaffCheckResult, StaffChecker } from '../catalog';
import { AppError } from '../errors';

/** A support check as the console shows it: the result and the audit event that records it. */
export interface StaffCheckAnswer extends StaffCheckResult {
  /** The ticket reference as recorded (normalized: see src/audit/ticket-ref.ts). */
  ticketRef: string;
  auditEventId: string;
}

export interface StaffCheckRequest {
  actor: Actor;
  /** As typed: validated and normalized here (src/audit/ticket-ref.ts). */
  ticketRef: unknown;
  email: string;
}

export interface StaffCheckServiceDeps {
  checker: StaffChecker;
  audit: AuditService;
  /** One budget per member of staff (see STAFF_CHECK_RULE). */
  limit: RateCounter;
}

/** 60 checks a minute is a busy phone line several times over; more is a script, or a leak in progress. */
export const STAFF_CHECK_RULE = { name: 'staff-check', points: 60, windowSeconds: 60 } as const;

/**
 * Checks an address on a caller's behalf. Every answer is audited before it is given: who, when,
 * the ticket reference and the matched exposure ids. Nothing derived from the address goes into
 * the event, and if the event cannot be written there is no answer (503).
 */
export class StaffCheckService {
  readonly #deps: StaffCheckServiceDeps;

  constructor(deps: StaffCheckServiceDeps) {
    this.#deps = deps;
  }

  async checkForCaller({ actor, ticketRef: typed, email }: StaffCheckRequest): Promise<StaffCheckAnswer> {
    const ticketRef = ticketRefFrom(typed);
    await this.#admit(actor);
    const result = await this.#deps.checker.checkForStaff(email);
    const matchedExposureIds = result.exposures.map(({ exposure }) => exposure.id);
    // Written before the answer leaves: an answer whose event could not be written is not given.
    const event = await this.#deps.audit
      .record({ actor, action: 'support.check', ticketRef, matchedExposureIds })
      .catch((error: unknown) => {
        throw AppError.unavailable(error);
      });
    return { ...result, ticketRef, auditEventId: event.id };
  }

  async #admit(actor: Actor): Promise<void> {
    const decision = await this.#deps.limit.consume(budgetKey(actor)).catch((error: unknown) => {
      // A limit that cannot be consulted cannot be enforced: no check rather than an unlimited one.
      throw AppError.unavailable(error);
    });
    if (!decision.allowed) {
      const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      throw new AppError(
        'rate_limited',
        429,
        `You have made ${STAFF_CHECK_RULE.points} checks in the last minute, the most allowed. ` +
          `Please try again in ${retryAfterSeconds} seconds.`,
        { retryAfterSeconds },
      );
    }
  }
}

/** Staff are counted by account (a token and a session of one admin share it); break-glass has one of its own. */
function budgetKey(actor: Actor): string {
  return actor.kind === 'break-glass' ? 'break-glass' : `staff:${actor.staffId}`;
}
