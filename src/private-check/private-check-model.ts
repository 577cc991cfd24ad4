import type { CheckResult } from '../check';

/** RFC 9497's suite and mode, as GET /api/v1/private-check names them. */
export const OPRF_SUITE = { suite: 'ristretto255-SHA512', mode: 0 } as const;

/**
 * Bytes of each row's OPRF output the answer carries: 8 (64 bits). At the default 12 bucket bits
 * a 3.1M-row list holds about 760 rows per bucket, about 11 KiB of JSON (12 base64 characters,
 * quotes and a comma each), well under the 32 KiB the issue allows; a false match needs one of them to share 64 bits with the querier's
 * output, about 760 / 2^64 per check.
 */
export const PRIVATE_DIGEST_BYTES = 8;

/** A hashing profile as the private check's parameters publish it. */
export interface PrivateProfile {
  id: string;
  algorithm: 'argon2id';
  version: number;
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  hashLength: number;
  /** base64 */
  salt: string;
  normalization: 'email-v1';
  /** How many leading bits of argon2id's output form the bucket a query names. */
  bucketBits: number;
  digestBytes: number;
}

export interface PrivateCheckParameters {
  oprf: typeof OPRF_SUITE;
  profiles: PrivateProfile[];
}

export interface PrivateQuery {
  profileId: string;
  bucket: number;
  /** The 32-byte blinded element. */
  blindedElement: Uint8Array;
}

export interface PrivateListAnswer {
  exposureId: string;
  /** base64, PRIVATE_DIGEST_BYTES each, sorted. */
  digests: string[];
}

export interface PrivateResult {
  profileId: string;
  /** base64 */
  evaluatedElement: string;
  lists: PrivateListAnswer[];
}

/** POST /api/v1/private-check's answer: the blind evaluations, each bucket's digests, and the catalogue parts of a check. */
export interface PrivateCheckAnswer extends Pick<CheckResult, 'checked' | 'notCheckableByEmail'> {
  results: PrivateResult[];
}
