import { z } from 'zod';
import { AppError } from '../errors';
import { ELEMENT_BYTES } from '../hashing';
import type { PrivateQuery } from './private-check-model';

/** More profiles than a deployment ever has live at once: a longer list is not a check. */
export const MAX_QUERIES = 8;
// A query needs about 120 bytes; the body limit leaves room for MAX_QUERIES of them and no more.
export const PRIVATE_CHECK_BODY_LIMIT = '4kb';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The body of POST /api/v1/private-check; the API document's PrivateCheckRequest. */
export const privateCheckRequestSchema = z.object({
  queries: z
    .array(
      z.object({
        profileId: z.string().max(100),
        bucket: z.int().min(0).meta({ description: 'The first bucketBits bits of argon2id(address), big-endian.' }),
        blindedElement: z
          .string()
          .regex(BASE64)
          .meta({ description: 'RFC 9497 Blind of the argon2id output, base64 (standard alphabet), 32 bytes.' }),
      }),
    )
    .min(1)
    .max(MAX_QUERIES)
    .meta({ description: `One query per profile of GET /api/v1/private-check; at most ${MAX_QUERIES}.` }),
});

/** The queries of a request body; 400 with a code and a message otherwise. Says nothing of the element's value. */
export function queriesFromBody(body: unknown): PrivateQuery[] {
  const parsed = privateCheckRequestSchema.safeParse(body);
  if (!parsed.success) {
    throw AppError.badRequest(
      'invalid_request',
      `Send a JSON object {"queries": [{"profileId", "bucket", "blindedElement"}]} with 1 to ${MAX_QUERIES} queries ` +
        '(bucket a whole number, blindedElement base64).',
      'queries',
    );
  }
  const seen = new Set<string>();
  return parsed.data.queries.map((query) => {
    if (seen.has(query.profileId)) {
      throw AppError.badRequest('invalid_request', 'Send at most one query per profile.', 'queries');
    }
    seen.add(query.profileId);
    const blindedElement = new Uint8Array(Buffer.from(query.blindedElement, 'base64'));
    if (blindedElement.length !== ELEMENT_BYTES) {
      throw AppError.badRequest('invalid_element', `blindedElement must be ${ELEMENT_BYTES} bytes, base64.`, 'blindedElement');
    }
    return { profileId: query.profileId, bucket: query.bucket, blindedElement };
  });
}
