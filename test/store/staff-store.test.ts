import { MemoryStaffStore } from '../../src/staff/memory-staff-store';
import { RedisStaffStore } from '../../src/staff/redis-staff-store';
import { describeStaffStoreContract } from './staff-store-contract';
import { inMemory, onRedis, onRedisCluster } from './store-backends';

describeStaffStoreContract('memory', inMemory(() => new MemoryStaffStore()));
describeStaffStoreContract('redis', onRedis('staff', (redis, prefix) => new RedisStaffStore(redis, prefix)));
describeStaffStoreContract('redis cluster', onRedisCluster('staff', (redis, prefix) => new RedisStaffStore(redis, prefix)));
