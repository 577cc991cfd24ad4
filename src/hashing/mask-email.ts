import { EMAIL_MASK, maskAddress } from '../email';
import { normalizeEmail } from './normalize-email';

export { EMAIL_MASK } from '../email';

/**
 * An address as a result page may show it back, so that a typo can be noticed: the first character
 * of the local part, a fixed mask, then the whole domain (`t•••@example.jp`). Only maskEmail makes
 * one, so a page that takes a MaskedEmail cannot be handed the address itself.
 */
export type MaskedEmail = string & { readonly masked: unique symbol };

/** RFC 1035's limit on a domain name in its ASCII form (a normalized address's domain is shorter still). */
export const MAX_DOMAIN_LENGTH = 253;

/**
 * The masked form of the address the check used: `input` is normalized first (email-v1, as the
 * check does it: NFKC, trim, lowercase, IDNA), so a full-width or upper-case address shows as it
 * was compared. The first character is the normalized local part's first code point. The domain is
 * the normalized one, written in Unicode (`ドメイン.jp`, not `xn--eckwd4c7c.jp`): the same name the
 * check hashed, read back with IDNA's ToUnicode, because a typo in punycode is one nobody notices.
 *
 * Throws AppError `invalid_email` as normalizeEmail does. The result is for the customer's own
 * page only: it is never stored, logged, put in a URL, a cookie or a metric.
 */
export function maskEmail(input: string): MaskedEmail {
  const normalized = normalizeEmail(input);
  return maskAddress(normalized) as MaskedEmail;
}

/**
 * A stand-in at least as long as any masked address, in UTF-8 and after HTML or JSON escaping:
 * padded answers are measured with it in the address's place (src/check/result-pages.ts), so that
 * the address shown cannot change an answer's length. Its parts are each the widest there can be:
 * a first character that escapes to six bytes (`&quot;`; a real one is at most five, `&amp;` or
 * `&#39;`, or four for a character beyond the BMP), and a domain of MAX_DOMAIN_LENGTH four-byte
 * characters (ToUnicode gives at most one character per ASCII character of the checked domain, and
 * a domain holds nothing that escapes).
 */
export const WIDEST_MASKED_EMAIL = `"${EMAIL_MASK}@${'\u{20000}'.repeat(MAX_DOMAIN_LENGTH)}` as MaskedEmail;
