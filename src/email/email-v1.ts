// The npm package (the trailing slash), not Node's deprecated built-in of the same name: it runs in
// browsers too. Punycode is RFC 3492, the encoding inside IDNA's xn-- labels.
import { decode as punycodeDecode, toUnicode } from 'punycode/';

/**
 * Profile normalization "email-v1", the first step from an address to a list row: NFKC, trim,
 * lowercase, domain to ASCII with IDNA. No plus-tag or dot stripping: a list holds the address as
 * the customer gave it.
 *
 * The one implementation of it, for the server and the browser alike (the private check's client
 * normalizes on the customer's device, and a difference would turn a listed address into a miss):
 * it uses only what both have. IDNA is the WHATWG URL parser's host parsing (UTS #46, as Node's
 * `url.domainToASCII`, which parses the same way), plus a check that every xn-- label decodes and
 * encodes back to itself, which Node makes and Chromium does not (test/email and the browser test
 * prove that Node, Chromium and the previous implementation agree).
 */

/** RFC 5321's practical limit on a forward path; longer input cannot be a deliverable address. */
export const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_PART_LENGTH = 64;

// Characters that cannot appear unquoted in a local part, plus whitespace and controls.
// Consecutive or trailing dots are deliberately allowed: older Japanese carrier addresses
// (docomo, au) contain them and they are in real customer lists.
const FORBIDDEN_IN_LOCAL_PART = /[\s\p{Cc}\p{Cf}"(),:;<>[\\\]@]/u;

// What a URL parser would read as something other than the host (a path, a query, a port, a
// percent escape), so that `example.jp/x` or `ex%61mple.jp` is refused instead of silently
// becoming another name.
const NOT_IN_A_DOMAIN = /[\s\p{Cc}/\\?#:@%[\]<>^|"'`{}]/u;

/** Why an input is not an address; the message a page shows is chosen from it, never from the input. */
export type EmailV1Problem = 'empty' | 'not_an_address' | 'local_part' | 'domain' | 'too_long';

export type EmailV1Result = { ok: true; normalized: string } | { ok: false; problem: EmailV1Problem };

export function normalizeEmailV1(input: string): EmailV1Result {
  const folded = input.normalize('NFKC').trim().toLowerCase();
  if (folded === '') return { ok: false, problem: 'empty' };
  const at = folded.lastIndexOf('@');
  if (at <= 0 || at === folded.length - 1 || folded.indexOf('@') !== at) return { ok: false, problem: 'not_an_address' };
  const localPart = folded.slice(0, at);
  if (localPart.length > MAX_LOCAL_PART_LENGTH || FORBIDDEN_IN_LOCAL_PART.test(localPart)) return { ok: false, problem: 'local_part' };
  const domain = asciiDomainOf(folded.slice(at + 1));
  if (domain === undefined) return { ok: false, problem: 'domain' };
  const normalized = `${localPart}@${domain}`;
  if (normalized.length > MAX_EMAIL_LENGTH) return { ok: false, problem: 'too_long' };
  return { ok: true, normalized };
}

/**
 * The domain in ASCII, or undefined when IDNA refuses it or it is not a dotted host name. A URL
 * host may also be an IPv4 literal (`127.1`), which is no domain after an @ without brackets, so a
 * non-numeric top level is required.
 */
function asciiDomainOf(domain: string): string | undefined {
  if (domain.endsWith('.') || NOT_IN_A_DOMAIN.test(domain)) return undefined;
  let ascii: string;
  try {
    ascii = new URL(`http://${domain}/`).hostname;
  } catch {
    return undefined;
  }
  const labels = ascii.split('.');
  const topLevel = labels[labels.length - 1] ?? '';
  const wellFormed =
    labels.length >= 2 &&
    labels.every((label) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label) && canonicalPunycode(label)) &&
    /[a-z]/.test(topLevel);
  return wellFormed ? ascii : undefined;
}

/** An xn-- label is valid when it decodes, to something, that IDNA encodes back to the same label. */
function canonicalPunycode(label: string): boolean {
  if (!label.startsWith('xn--')) return true;
  try {
    const decoded = punycodeDecode(label.slice(4));
    return decoded !== '' && new URL(`http://${decoded}.jp/`).hostname === `${label}.jp`;
  } catch {
    return false;
  }
}

/**
 * A normalized address's domain as people read it: its xn-- labels decoded (IDNA's ToUnicode of
 * a domain normalizeEmailV1 produced), so that a typo in `ドメイン.jp` can be noticed.
 */
export function unicodeDomainOf(asciiDomain: string): string {
  return toUnicode(asciiDomain);
}
