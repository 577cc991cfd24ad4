/**
 * The at-signs an address can be written with in a log line: ASCII, the full-width and small forms
 * a Japanese IME produces (NFKC maps both to "@"), and the escapes a URL or JSON would carry.
 */
const AT_SIGN = String.raw`(?:@|＠|﹫|%40|\\u0040)`;
// Anything up to a delimiter JSON, a URL or prose would put around an address. "/" is left out of
// the local part so that package paths such as node_modules/@noble/curves stay readable.
const LOCAL = String.raw`[^\s"'<>()\[\]{},;:\\/=]+`;
const DOMAIN = String.raw`[^\s"'<>()\[\]{},;:\\/=@＠﹫]+`;
const ADDRESS_LIKE = new RegExp(`${LOCAL}${AT_SIGN}${DOMAIN}`, 'giu');

export const MASKED_ADDRESS = '[address]';

/**
 * Replaces whatever looks like an email address with a fixed mask. Deliberately broad (it also
 * catches user@host in a URL): a false positive costs a log reader a little, a miss would put a
 * customer's address in the logs.
 */
export function maskAddresses(text: string): string {
  return text.replace(ADDRESS_LIKE, MASKED_ADDRESS);
}
