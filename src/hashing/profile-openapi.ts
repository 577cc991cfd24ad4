import { z } from 'zod';
import { PUBLIC, jsonResponse, type ApiPaths } from '../openapi';
import { ARGON2_HASH_LENGTH, ARGON2_VERSION, NORMALIZATION, type HashingProfile } from './hashing-profile';

const hashingProfile = z.object({
  id: z.string(),
  algorithm: z.literal('argon2id'),
  version: z.literal(ARGON2_VERSION),
  memoryKiB: z.int(),
  iterations: z.int(),
  parallelism: z.int(),
  hashLength: z.literal(ARGON2_HASH_LENGTH),
  salt: z.string().meta({ contentEncoding: 'base64' }),
  normalization: z.literal(NORMALIZATION),
  bucketBits: z.int(),
  createdAt: z.string().meta({ format: 'date-time' }),
}) satisfies z.ZodType<HashingProfile>;

/** GET /api/v1/hashing-profile (profile-routes.ts). */
export const profileApiPaths: ApiPaths = (registry) => {
  const profile = registry.schema('HashingProfile', hashingProfile);
  registry.path('/api/v1/hashing-profile', {
    get: {
      operationId: 'getHashingProfile',
      summary: 'The public hashing parameters list producers hash with',
      security: PUBLIC,
      responses: { '200': jsonResponse('The current profile', profile) },
    },
  });
};
