import { AppError } from '../errors';

/**
 * Answers to checks are padded to a size that depends only on the catalogue (src/check/padded-size.ts),
 * so that their length on the wire, which TLS does not hide, says nothing of the result.
 */

/** Padded sizes are whole multiples of this: a small catalogue edit then rarely changes the size. */
export const PAD_BLOCK_BYTES = 1024;

/**
 * no-store: the answer is personal and never kept. no-transform: no proxy or middleware may
 * compress it, since compression shrinks the run of padding far more than the text it follows, and
 * the compressed length would tell a hit from a miss again (the `compression` middleware honours it).
 */
export const PADDED_ANSWER_CACHE_CONTROL = 'no-store, no-transform';

/** The smallest padded size that holds `bytes`. */
export function blockSizeFor(bytes: number): number {
  return Math.ceil(bytes / PAD_BLOCK_BYTES) * PAD_BLOCK_BYTES;
}

/**
 * `text` followed by spaces up to exactly `size` bytes of UTF-8. Trailing whitespace is still the
 * same JSON text, and is invisible after an HTML page. An answer that does not fit is a bug in how
 * the size was found, and is refused (503, like any failure of a check) rather than sent at a
 * length of its own.
 */
export function padTo(text: string, size: number): string {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > size) {
    throw AppError.unavailable(new Error(`an answer of ${bytes} bytes does not fit its padded size of ${size} bytes`));
  }
  return text + ' '.repeat(size - bytes);
}
