import { randomBytes } from 'node:crypto';

/**
 * Incident and exposure ids end up inside Redis key names and URLs, so they are restricted to
 * lower-case letters, digits and hyphens: no braces (hash tags), no slashes, no colons.
 */
export const CATALOG_ID = /^[a-z0-9-]{1,100}$/;

const SLUG_MAX = 48;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

export function isCatalogId(value: string): boolean {
  return CATALOG_ID.test(value);
}

/** Six base32 characters: 30 bits, enough with the caller retrying on the rare collision. */
export function randomIdSuffix(): string {
  return [...randomBytes(6)].map((byte) => BASE32[byte % 32]).join('');
}

/**
 * A readable id: the slug of `words` (usually English text; other scripts are dropped) plus a
 * random suffix, so two incidents of one organization never collide and ids are not guessable
 * from titles. Falls back to `fallback` when nothing readable is left.
 */
export function catalogIdFrom(words: string | undefined, fallback: string, suffix: string): string {
  const slug = slugOf(words ?? '') || fallback;
  return `${slug}-${suffix}`;
}

function slugOf(text: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= SLUG_MAX) return ascii;
  // Cut at a word boundary when there is one, so ids do not end mid-word.
  const cut = ascii.slice(0, SLUG_MAX);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > SLUG_MAX / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}
