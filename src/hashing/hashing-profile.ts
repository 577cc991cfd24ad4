import { createHash, randomBytes } from 'node:crypto';
import type { Argon2Costs } from '../config/config';

export const NORMALIZATION = 'email-v1' as const;
export const ARGON2_VERSION = 0x13 as const;
export const ARGON2_HASH_LENGTH = 32 as const;
export const DEFAULT_BUCKET_BITS = 16;
const SALT_BYTES = 16;

/**
 * The public parameters that turn an email into a list row (DESIGN section 3). List producers
 * and, later, browsers need all of it, salt included; nothing here is secret.
 */
export interface HashingProfile {
  id: string;
  algorithm: 'argon2id';
  version: typeof ARGON2_VERSION;
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  hashLength: typeof ARGON2_HASH_LENGTH;
  /** base64 */
  salt: string;
  normalization: typeof NORMALIZATION;
  bucketBits: number;
  createdAt: string;
}

export function newHashingProfile(costs: Argon2Costs, now: Date, salt: Buffer = randomBytes(SALT_BYTES)): HashingProfile {
  const parameters = {
    algorithm: 'argon2id' as const,
    version: ARGON2_VERSION,
    memoryKiB: costs.memoryKiB,
    iterations: costs.iterations,
    parallelism: costs.parallelism,
    hashLength: ARGON2_HASH_LENGTH,
    salt: salt.toString('base64'),
    normalization: NORMALIZATION,
    bucketBits: DEFAULT_BUCKET_BITS,
  };
  // Derived from the parameters so that a saved profile file names what it contains.
  const id = `hp-${createHash('sha256').update(JSON.stringify(parameters)).digest('hex').slice(0, 12)}`;
  return { id, ...parameters, createdAt: now.toISOString() };
}

export function sameCosts(profile: HashingProfile, costs: Argon2Costs): boolean {
  return (
    profile.memoryKiB === costs.memoryKiB &&
    profile.iterations === costs.iterations &&
    profile.parallelism === costs.parallelism
  );
}
