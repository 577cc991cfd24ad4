// The benchmarks start Redis the same way (tsconfig.build.json compiles scripts/, not test/).
export { freePort, startRedisServer, type RedisServer } from '../../scripts/support/redis-server';
export { startRedisCluster, type RedisCluster } from '../../scripts/support/redis-cluster';
