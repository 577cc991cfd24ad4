/** This folder's face: what the rest of src/ may import from it. */
export { SAFE_EVICTION_POLICY, memoryBackend, redisBackend } from './backend';
export type { StoreBackend } from './backend';
export { connectRedis } from './redis-client';
export type { StoreFactory } from './store-factory';
