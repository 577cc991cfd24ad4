import { z } from 'zod';
import {
  ARGON2_HASH_LENGTH,
  ARGON2_VERSION,
  NORMALIZATION,
  hashingProfileIdOf,
  type HashingProfile,
} from '../../hashing';
import { OperatorError } from './operator-error';

// The same bounds the server accepts for a new profile's costs (src/config/config.ts).
const schema = z.object({
  id: z.string().regex(/^hp-[0-9a-f]{12}$/, 'must look like hp- and 12 hexadecimal characters'),
  algorithm: z.literal('argon2id'),
  version: z.literal(ARGON2_VERSION),
  memoryKiB: z.number().int().min(8192).max(4 * 1024 * 1024),
  iterations: z.number().int().min(1).max(100),
  parallelism: z.number().int().min(1).max(16),
  hashLength: z.literal(ARGON2_HASH_LENGTH),
  salt: z
    .base64()
    .refine((salt) => Buffer.from(salt, 'base64').length >= 8, 'must decode to at least 8 bytes (argon2 minimum)'),
  normalization: z.literal(NORMALIZATION),
  bucketBits: z.number().int().min(1).max(24),
  // Not part of the hashing: a hand-assembled profile may leave it out.
  createdAt: z.string().default(''),
});

/**
 * Checks a hashing profile read from a server or a file: the parameters this tool can hash with,
 * and an id that matches them. The id check catches a file edited by hand or damaged in transit;
 * rows hashed under a wrong salt or costs would load but never match, a silent "not affected".
 */
export function parseHashingProfile(json: unknown, source: string): HashingProfile {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'profile'} ${issue.message}`);
    throw new OperatorError(`The hashing profile from ${source} is not usable: ${problems.join('; ')}.`);
  }
  const profile = parsed.data;
  const expectedId = hashingProfileIdOf(profile);
  if (profile.id !== expectedId) {
    throw new OperatorError(
      `The hashing profile from ${source} says its id is ${profile.id}, but its parameters give ${expectedId}: ` +
        'it was edited or damaged. Fetch it again from the server (GET /api/v1/hashing-profile) and do not edit it.',
    );
  }
  return profile;
}
