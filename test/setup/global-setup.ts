import { startRedisCluster, startRedisServer } from '../support/redis-server';
import { checkSystemPrerequisites, type RunSelection } from './system-prerequisites';

/**
 * First the system tools the selected suites need (system-prerequisites.ts): a missing one stops
 * the run here with one message saying what to install. Then the tests' real Redis: REDIS_URL when
 * set, otherwise a redis-server of our own on a free port; and beside it a Redis Cluster (3
 * masters, 3 replicas) for the suites that run on one: REDIS_CLUSTER_NODES when set, otherwise one
 * of our own. Both stop in globalTeardown. Workers inherit them through the environment; the
 * cluster as TEST_REDIS_CLUSTER_NODES, so that no test's app takes it for its own configuration.
 */
export default async function globalSetup(
  globalConfig: RunSelection['global'],
  projectConfig: RunSelection['project'],
): Promise<void> {
  checkSystemPrerequisites({ global: globalConfig, project: projectConfig });
  const started = globalThis as { __testRedis__?: { stop(): Promise<void> }; __testCluster__?: { stop(): Promise<void> } };
  const [server, cluster] = await Promise.all([
    process.env.REDIS_URL ? undefined : startRedisServer(),
    process.env.REDIS_CLUSTER_NODES ? undefined : startRedisCluster(),
  ]);
  if (server) {
    process.env.REDIS_URL = server.url;
    started.__testRedis__ = server;
  }
  process.env.TEST_REDIS_CLUSTER_NODES = cluster?.nodes ?? process.env.REDIS_CLUSTER_NODES;
  if (cluster) started.__testCluster__ = cluster;
}
