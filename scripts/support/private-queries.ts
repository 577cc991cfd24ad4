import { ristretto255_oprf } from '@noble/curves/ed25519.js';
import type { HashingProfile } from '../../src/hashing/hashing-profile';
import { argon2idOf, bucketOf } from '../../src/hashing/list-entry';
import type { PrivateCheckAnswer, PrivateCheckParameters } from '../../src/private-check/private-check-model';

/**
 * The client side of the private check for the benchmarks, as the README describes it and as
 * test/private-check/private-check-protocol.test.ts implements it: argon2id with the profile, the
 * bucket from its first bits, RFC 9497 Blind and Finalize with @noble/curves. The addresses a
 * benchmark makes up are already in email-v1 form (ASCII, lower case), so none is normalized.
 */

/** The private check's view of a profile (GET /api/v1/private-check) beside the argon2 costs to hash with. */
export interface PrivateClientProfile {
  hashing: HashingProfile;
  bucketBits: number;
  digestBytes: number;
}

/** One blinded query, what the client keeps to finalize its answer, and the body that sends it. */
export interface PreparedQuery {
  a: Uint8Array;
  blind: Uint8Array;
  blinded: Uint8Array;
  bucket: number;
  body: string;
}

/** The profile the server publishes for `hashing` in GET /api/v1/private-check (it must have a live public list). */
export async function privateProfileOf(baseUrl: string, hashing: HashingProfile): Promise<PrivateClientProfile> {
  const response = await fetch(`${baseUrl}/api/v1/private-check`);
  if (!response.ok) throw new Error(`GET /api/v1/private-check answered ${response.status}: ${await response.text()}`);
  const parameters = (await response.json()) as PrivateCheckParameters;
  const published = parameters.profiles.find((profile) => profile.id === hashing.id);
  if (published === undefined) throw new Error(`GET /api/v1/private-check does not list profile ${hashing.id}`);
  return { hashing, bucketBits: published.bucketBits, digestBytes: published.digestBytes };
}

/** argon2id of each address under the profile, all at once (the argon2 package hashes on libuv's threads). */
export async function argon2Outputs(addresses: readonly string[], profile: HashingProfile): Promise<Uint8Array[]> {
  return Promise.all(addresses.map(async (address) => new Uint8Array(await argon2idOf(address, profile))));
}

/** A fresh blinding of `a`: each costs one hash-to-group and one scalar multiplication here, no argon2. */
export function blindQuery(a: Uint8Array, profile: PrivateClientProfile): PreparedQuery {
  const { blind, blinded } = ristretto255_oprf.oprf.blind(a);
  const bucket = bucketOf(a, profile.bucketBits);
  const body = JSON.stringify({
    queries: [{ profileId: profile.hashing.id, bucket, blindedElement: Buffer.from(blinded).toString('base64') }],
  });
  return { a, blind, blinded, bucket, body };
}

/** One private check over HTTP: the exposures whose digests hold the query's, and the answer's size. */
export async function privateCheck(url: string, query: PreparedQuery, profile: PrivateClientProfile): Promise<{ found: string[]; bytes: number }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query.body });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`POST ${url} answered ${response.status}: ${text}`);
  const answer = JSON.parse(text) as PrivateCheckAnswer;
  const found: string[] = [];
  for (const result of answer.results) {
    const output = ristretto255_oprf.oprf.finalize(query.a, query.blind, new Uint8Array(Buffer.from(result.evaluatedElement, 'base64')));
    const mine = Buffer.from(output.subarray(0, profile.digestBytes)).toString('base64');
    for (const list of result.lists) if (list.digests.includes(mine)) found.push(list.exposureId);
  }
  return { found, bytes: Buffer.byteLength(text) };
}
