import { createHash, randomBytes } from 'node:crypto';

/** The cost settings of argon2id (ARGON2_* for a new store). */
export interface Argon2Costs {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

export const NORMALIZATION = 'email-v1' as const;
export const ARGON2_VERSION = 0x13 as const;
export const ARGON2_HASH_LENGTH = 32 as const;
// Buckets as list rows are computed: 16 bits keep an upload's staging hashes small (~15 rows each
// at 1M rows, listpack-encoded); live lists are stored under the first 12 (src/lists/stored-buckets.ts).
// Part of the profile id, so existing profiles keep theirs.
export const DEFAULT_BUCKET_BITS = 16;
const SALT_BYTES = 16;

/**
 * The public parameters that turn an email into a list row: normalization, then argon2id with these
 * costs and this salt (README, "How an address is checked"). List producers and, later, browsers
 * need all of it, salt included; nothing here is secret.
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

/** Everything in a profile that decides a list row: the profile minus its id and creation time. */
export type HashingParameters = Omit<HashingProfile, 'id' | 'createdAt'>;

/**
 * The id of a profile, derived from its parameters so that a saved profile file names what it
 * contains and a tool can refuse one whose parameters were edited.
 */
export function hashingProfileIdOf(parameters: HashingParameters): string {
  // Rebuilt key by key: every stored profile's id was computed over exactly this order, and a
  // profile read from a file may list its fields in any order.
  const canonical = {
    algorithm: parameters.algorithm,
    version: parameters.version,
    memoryKiB: parameters.memoryKiB,
    iterations: parameters.iterations,
    parallelism: parameters.parallelism,
    hashLength: parameters.hashLength,
    salt: parameters.salt,
    normalization: parameters.normalization,
    bucketBits: parameters.bucketBits,
  };
  return `hp-${createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 12)}`;
}

export function newHashingProfile(costs: Argon2Costs, now: Date, salt: Buffer = randomBytes(SALT_BYTES)): HashingProfile {
  const parameters: HashingParameters = {
    algorithm: 'argon2id',
    version: ARGON2_VERSION,
    memoryKiB: costs.memoryKiB,
    iterations: costs.iterations,
    parallelism: costs.parallelism,
    hashLength: ARGON2_HASH_LENGTH,
    salt: salt.toString('base64'),
    normalization: NORMALIZATION,
    bucketBits: DEFAULT_BUCKET_BITS,
  };
  return { id: hashingProfileIdOf(parameters), ...parameters, createdAt: now.toISOString() };
}

export function sameCosts(profile: HashingProfile, costs: Argon2Costs): boolean {
  return (
    profile.memoryKiB === costs.memoryKiB &&
    profile.iterations === costs.iterations &&
    profile.parallelism === costs.parallelism
  );
}
