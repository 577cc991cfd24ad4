import type { EmailV1Problem } from '../email';
import { type Refusal, fetchParameters, postQueries } from './http-client';
import { exposuresFound, prepareQueries } from './private-check-client';
import type { WireAnswer } from './protocol';

export type PrivateOutcome =
  | { kind: 'checked'; found: string[]; answer: WireAnswer }
  | { kind: 'invalid_email'; problem: EmailV1Problem }
  | ({ kind: 'refused' } & Omit<Refusal, 'ok'>);

/**
 * The whole private check against `server` (an origin such as https://check.example.jp): the
 * parameters, the local hashing and blinding, one POST, and the lookup. The server learns each
 * profile's bucket, nothing more. A refusal (429, 503, ...) is returned as such; a network failure
 * or a malformed answer throws. Neither is ever a miss.
 */
export async function checkPrivately(address: string, server: string, fetchImpl: typeof fetch = fetch): Promise<PrivateOutcome> {
  const parameters = await fetchParameters(server, fetchImpl);
  if (!parameters.ok) return refused(parameters);
  const prepared = await prepareQueries(address, parameters.body);
  if (!prepared.ok) return { kind: 'invalid_email', problem: prepared.problem };
  const answered = await postQueries(server, prepared.queries, fetchImpl);
  if (!answered.ok) return refused(answered);
  return { kind: 'checked', found: exposuresFound(prepared.pending, answered.body), answer: answered.body };
}

function refused({ status, code, message, scope, retryAfterSeconds }: Refusal): PrivateOutcome {
  return { kind: 'refused', status, code, message, scope, retryAfterSeconds };
}
