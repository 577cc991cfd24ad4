/**
 * The private check on the wire, as the README's "Private check" section states it: what
 * GET /api/v1/private-check and POST /api/v1/private-check carry. Written from the JSON, not
 * from the server's types, so that this client reads what any server of the protocol sends.
 */
export interface WireProfile {
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
  bucketBits: number;
  digestBytes: number;
}

export interface WireParameters {
  oprf: { suite: string; mode: number };
  profiles: WireProfile[];
}

export interface WireQuery {
  profileId: string;
  bucket: number;
  /** base64, 32 bytes */
  blindedElement: string;
}

export interface WireResult {
  profileId: string;
  /** base64, 32 bytes */
  evaluatedElement: string;
  lists: { exposureId: string; digests: string[] }[];
}

/** An exposure as the answer carries it: its id, and the public details a page or a tool may show. */
export interface WireExposure {
  id: string;
  [detail: string]: unknown;
}

export interface WireAnswer {
  results: WireResult[];
  checked: WireExposure[];
  notCheckableByEmail: WireExposure[];
}

/** The only suite this client speaks (RFC 9497, mode 0: OPRF). */
export const SUPPORTED_SUITE = { suite: 'ristretto255-SHA512', mode: 0 } as const;
