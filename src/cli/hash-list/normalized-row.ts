import { isAppError } from '../../errors';
import { normalizeEmail } from '../../hashing';

/** Why a row yields no list row; reported as counts and line numbers only. */
export type UnusableRow = 'not-an-address' | 'not-utf8';

/**
 * The row normalized exactly as the server normalizes a customer's input, or why it cannot be.
 * U+FFFD marks bytes that were not UTF-8 (a Shift_JIS export, say): no real address holds it, and
 * hashing the damaged text would only produce a row nobody can match.
 */
export function normalizedRow(value: string | null): { address: string } | { unusable: UnusableRow } {
  if (value === null) return { unusable: 'not-an-address' };
  if (value.includes('\uFFFD')) return { unusable: 'not-utf8' };
  try {
    return { address: normalizeEmail(value) };
  } catch (error) {
    if (isAppError(error) && error.code === 'invalid_email') return { unusable: 'not-an-address' };
    throw error;
  }
}
