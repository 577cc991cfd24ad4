import { isAppError } from '../errors';

/**
 * The only values the `outcome` label takes. Fixed here, never computed from a request, so no
 * label can carry anything derived from an address.
 */
export const CHECK_OUTCOMES = ['affected', 'not_affected', 'invalid', 'unavailable', 'overloaded', 'rate_limited'] as const;

export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

/** How a failed check counts. Anything unforeseen is "unavailable", as the customer is told. */
export function outcomeOfError(error: unknown): CheckOutcome {
  if (!isAppError(error)) return 'unavailable';
  switch (error.code) {
    case 'invalid_email':
      return 'invalid';
    case 'overloaded':
      return 'overloaded';
    case 'rate_limited':
      return 'rate_limited';
    default:
      return error.status >= 400 && error.status < 500 ? 'invalid' : 'unavailable';
  }
}
