/** This folder's face: what the rest of src/ may import from it. */
export { SAFE_EVICTION_POLICY, memoryBackend, redisBackend } from './backend';
export type { StoreBackend } from './backend';
export { connectRedis, isCluster } from './redis-client';
export type { RedisClient, RedisTarget } from './redis-client';
export { execKeyed, execPhases, nodeServing } from './redis-groups';
export type { KeyedCommand, Pipeline } from './redis-groups';
export type { StoreFactory } from './store-factory';
