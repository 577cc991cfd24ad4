import { type EmailV1Problem, normalizeEmailV1 } from '../email';
import { argon2idOf, bucketOf } from './argon2id';
import { base64ToBytes, bytesToBase64 } from './base64';
import { blind, finalize } from './oprf-client';
import { SUPPORTED_SUITE, type WireAnswer, type WireParameters, type WireProfile, type WireQuery } from './protocol';

/** What a prepared check keeps on the client until the answer comes: never sent anywhere. */
export interface PendingCheck {
  readonly states: readonly { profile: WireProfile; a: Uint8Array; blind: Uint8Array }[];
}

export type Prepared =
  | { ok: true; queries: WireQuery[]; pending: PendingCheck }
  | { ok: false; problem: EmailV1Problem };

/**
 * A parameters document this client cannot follow (another suite, algorithm, normalization or
 * argon2 version): it must not guess, since a wrong hash reads as "not in the list".
 */
export class UnsupportedParametersError extends Error {
  constructor(detail: string) {
    super(`the server's private-check parameters are not ones this client supports: ${detail}`);
    this.name = 'UnsupportedParametersError';
  }
}

/** The answer does not fit the queries (a result missing, another profile): an error, never a miss. */
export class MalformedAnswerError extends Error {
  constructor(detail: string) {
    super(`the private-check answer does not fit the queries: ${detail}`);
    this.name = 'MalformedAnswerError';
  }
}

// argon2's version 1.3 (0x13), the one hash-wasm computes.
const ARGON2_VERSION = 19;

/**
 * Step 2 of the protocol for each profile: normalize (email-v1), argon2id, the bucket, and the
 * blinded element. The address, its normalized form and `a` stay in the returned pending check.
 */
export async function prepareQueries(address: string, parameters: WireParameters): Promise<Prepared> {
  assertSupported(parameters);
  const normalized = normalizeEmailV1(address);
  if (!normalized.ok) return normalized;
  const states: PendingCheck['states'][number][] = [];
  const queries: WireQuery[] = [];
  for (const profile of parameters.profiles) {
    const a = await argon2idOf(normalized.normalized, profile);
    const blinded = blind(a);
    states.push({ profile, a, blind: blinded.blind });
    queries.push({ profileId: profile.id, bucket: bucketOf(a, profile.bucketBits), blindedElement: bytesToBase64(blinded.blinded) });
  }
  return { ok: true, queries, pending: { states } };
}

/** Step 4: unblind each evaluation and look for its first digestBytes in each list; the exposures found, in answer order. */
export function exposuresFound(pending: PendingCheck, answer: WireAnswer): string[] {
  if (!Array.isArray(answer.results) || answer.results.length !== pending.states.length) {
    throw new MalformedAnswerError(`${pending.states.length} queries, ${answer.results?.length ?? 0} results`);
  }
  const found: string[] = [];
  answer.results.forEach((result, index) => {
    const { profile, a, blind: blindScalar } = pending.states[index] as PendingCheck['states'][number];
    if (result.profileId !== profile.id) throw new MalformedAnswerError(`result ${index} is for another profile`);
    const output = finalize(a, blindScalar, base64ToBytes(result.evaluatedElement));
    const mine = bytesToBase64(output.subarray(0, profile.digestBytes));
    for (const list of result.lists) if (list.digests.includes(mine)) found.push(list.exposureId);
  });
  return found;
}

function assertSupported(parameters: WireParameters): void {
  // No list to check is not "not in the lists": there is nothing to answer with.
  if (!Array.isArray(parameters.profiles) || parameters.profiles.length === 0) throw new UnsupportedParametersError('no profile: no list can be checked now');
  if (parameters.oprf?.suite !== SUPPORTED_SUITE.suite || parameters.oprf.mode !== SUPPORTED_SUITE.mode) {
    throw new UnsupportedParametersError('OPRF suite');
  }
  for (const profile of parameters.profiles) {
    if (profile.algorithm !== 'argon2id' || profile.version !== ARGON2_VERSION || profile.normalization !== 'email-v1') {
      throw new UnsupportedParametersError(`profile ${profile.id}`);
    }
    if (!(profile.bucketBits >= 1 && profile.bucketBits <= 24) || !(profile.digestBytes >= 1 && profile.digestBytes <= 64)) {
      throw new UnsupportedParametersError(`profile ${profile.id}'s bucket or digest size`);
    }
  }
}
