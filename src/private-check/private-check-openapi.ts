import { z } from 'zod';
import { exposureWithIncident } from '../check';
import { PUBLIC, errorResponse, jsonRequest, jsonResponse, type ApiPaths } from '../openapi';
import type { PrivateCheckAnswer, PrivateCheckParameters } from './private-check-model';
import { privateCheckRequestSchema } from './private-check-request';

/** GET and POST /api/v1/private-check (private-check-routes.ts); the protocol is the README's "Private check". */
export const privateCheckApiPaths: ApiPaths = (registry) => {
  const parameters = registry.schema(
    'PrivateCheckParameters',
    z.object({
      oprf: z.object({ suite: z.literal('ristretto255-SHA512'), mode: z.literal(0) }),
      profiles: z.array(
        z.object({
          id: z.string(),
          algorithm: z.literal('argon2id'),
          version: z.int(),
          memoryKiB: z.int(),
          iterations: z.int(),
          parallelism: z.int(),
          hashLength: z.int(),
          salt: z.string().meta({ description: 'base64' }),
          normalization: z.literal('email-v1'),
          bucketBits: z.int().meta({ description: 'A query names the first bucketBits bits of argon2id(address), big-endian.' }),
          digestBytes: z.int().meta({ description: 'Bytes of each row\'s OPRF output in an answer: compare the first digestBytes of yours.' }),
        }),
      ),
    }) satisfies z.ZodType<PrivateCheckParameters>,
  );
  const row = exposureWithIncident(registry);
  const answer = registry.schema(
    'PrivateCheckAnswer',
    z.object({
      results: z.array(
        z.object({
          profileId: z.string(),
          evaluatedElement: z.string().meta({ description: 'RFC 9497 BlindEvaluate of the blinded element, base64, 32 bytes.' }),
          lists: z.array(
            z.object({
              exposureId: z.string(),
              digests: z.array(z.string()).meta({
                description: 'base64: the first digestBytes bytes of the OPRF output of every row of this list in the bucket.',
              }),
            }),
          ),
        }),
      ),
      checked: z.array(row),
      notCheckableByEmail: z.array(row),
    }) satisfies z.ZodType<PrivateCheckAnswer>,
  );
  registry.path('/api/v1/private-check', {
    get: {
      operationId: 'privateCheckParameters',
      summary: 'The parameters of the private check: the OPRF suite and one hashing profile per profile of a live list',
      security: PUBLIC,
      responses: { '200': jsonResponse('The parameters', parameters), '503': errorResponse('unavailable') },
    },
    post: {
      operationId: 'privateCheck',
      summary: 'Check an address without sending it: one blinded query per profile, answered with the bucket of every list',
      security: PUBLIC,
      requestBody: jsonRequest(registry.schema('PrivateCheckRequest', privateCheckRequestSchema, 'input')),
      responses: {
        '200': jsonResponse(
          'The blind evaluations and each list\'s digests in the bucket. The client finalizes and looks for the first ' +
            'digestBytes bytes of its output among them: found in a list means the address is in that exposure.',
          answer,
        ),
        '400': errorResponse('invalid_request, invalid_element (not a ristretto255 element, or the identity), unknown_profile or malformed_json'),
        '413': errorResponse('payload_too_large'),
        '415': errorResponse('unsupported_media_type'),
        '429': errorResponse('rate_limited: every query counts as one check; Retry-After gives the seconds to wait'),
        '503': errorResponse('unavailable: the lists could not be read whole; never an empty answer'),
      },
    },
  });
};
