import { domainToASCII } from 'node:url';
import { AppError } from '../errors';

/** RFC 5321's practical limit on a forward path; longer input cannot be a deliverable address. */
export const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_PART_LENGTH = 64;

// Characters that cannot appear unquoted in a local part, plus whitespace and controls.
// Consecutive or trailing dots are deliberately allowed: older Japanese carrier addresses
// (docomo, au) contain them and they are in real customer lists.
const FORBIDDEN_IN_LOCAL_PART = /[\s\p{Cc}\p{Cf}"(),:;<>[\\\]@]/u;

/**
 * Profile normalization "email-v1", the first step from an address to a list row: NFKC, trim,
 * lowercase, domain to ASCII with IDNA. No plus-tag or dot stripping: a list holds the address as
 * the customer gave it.
 * Throws AppError `invalid_email` (400); the message never repeats the input.
 */
export function normalizeEmail(input: string): string {
  const folded = input.normalize('NFKC').trim().toLowerCase();
  if (folded === '') {
    throw AppError.invalidEmail('Please enter an email address.');
  }
  const at = folded.lastIndexOf('@');
  if (at <= 0 || at === folded.length - 1 || folded.indexOf('@') !== at) {
    throw AppError.invalidEmail('This does not look like an email address. It should look like name@example.jp.');
  }
  const localPart = folded.slice(0, at);
  if (localPart.length > MAX_LOCAL_PART_LENGTH || FORBIDDEN_IN_LOCAL_PART.test(localPart)) {
    throw AppError.invalidEmail('The part before the @ contains characters an email address cannot have.');
  }
  const domain = toAsciiDomain(folded.slice(at + 1));
  const normalized = `${localPart}@${domain}`;
  if (normalized.length > MAX_EMAIL_LENGTH) {
    throw AppError.invalidEmail(`An email address can be at most ${MAX_EMAIL_LENGTH} characters long.`);
  }
  return normalized;
}

function toAsciiDomain(domain: string): string {
  // domainToASCII returns '' for anything IDNA rejects; it also accepts IPv4 literals, which are
  // not valid after an @ without brackets, so require a dotted name with a non-numeric top level.
  const ascii = domain.endsWith('.') ? '' : domainToASCII(domain);
  const labels = ascii.split('.');
  const topLevel = labels[labels.length - 1] ?? '';
  const wellFormed =
    ascii !== '' &&
    labels.length >= 2 &&
    labels.every((label) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label)) &&
    /[a-z]/.test(topLevel);
  if (!wellFormed) {
    throw AppError.invalidEmail('The part after the @ is not a valid domain name, such as example.jp.');
  }
  return ascii;
}
