/**
 * The private check's client (README, "Private check"): one module for the page's worker, the
 * `npm run -s check` CLI and integrators. It runs wherever there are fetch, URL, atob,
 * WebAssembly and a random source: a browser, a worker, Node. It imports no server code.
 */
export { warmUpArgon2id } from './argon2id';
export { checkPrivately } from './check-privately';
export type { PrivateOutcome } from './check-privately';
export { fetchParameters, postQueries, PRIVATE_CHECK_PATH } from './http-client';
export type { Answered, Refusal } from './http-client';
export { MalformedAnswerError, UnsupportedParametersError, exposuresFound, prepareQueries } from './private-check-client';
export type { PendingCheck, Prepared } from './private-check-client';
export type { WireAnswer, WireExposure, WireParameters, WireProfile, WireQuery, WireResult } from './protocol';
