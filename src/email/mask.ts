import { unicodeDomainOf } from './email-v1';

/** Always the same, whatever the local part's length: the mask tells nothing of it. */
export const EMAIL_MASK = '•••';

/**
 * An address as a result page shows it back, so that a typo can be noticed: the normalized local
 * part's first code point, a fixed mask, then the whole domain, in Unicode (`ドメイン.jp`, not
 * `xn--eckwd4c7c.jp`): the same name the check hashed, read back, because a typo in punycode is
 * one nobody notices. For an address normalizeEmailV1 produced.
 */
export function maskAddress(normalized: string): string {
  const at = normalized.lastIndexOf('@');
  // normalizeEmailV1 accepted at least one character before the @; a code point, not half a surrogate pair.
  const first = String.fromCodePoint(normalized.codePointAt(0) as number);
  return `${first}${EMAIL_MASK}@${unicodeDomainOf(normalized.slice(at + 1))}`;
}
