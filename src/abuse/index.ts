/** This folder's face: what the rest of src/ may import from it. */
export { CheckRateLimits } from './check-rate-limits';
export type { CheckRateLimitSettings } from './check-rate-limits';
export { clientAddress } from './client-address';
export { memoryRateCounters } from './memory-rate-counters';
export type { RateCounter, RateCounters } from './rate-counter';
export { rateLimitChecks } from './rate-limit-middleware';
export { redisRateCounters } from './redis-rate-counters';
export { parseTrustProxy } from './trust-proxy';
export type { TrustProxy } from './trust-proxy';
