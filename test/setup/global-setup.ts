import { startRedisServer } from '../support/redis-server';
import { checkSystemPrerequisites, type RunSelection } from './system-prerequisites';

/**
 * First the system tools the selected suites need (system-prerequisites.ts): a missing one stops
 * the run here with one message saying what to install. Then the tests' real Redis: REDIS_URL when
 * set, otherwise a redis-server of our own on a free port, stopped in globalTeardown. Workers
 * inherit the URL through the environment.
 */
export default async function globalSetup(
  globalConfig: RunSelection['global'],
  projectConfig: RunSelection['project'],
): Promise<void> {
  checkSystemPrerequisites({ global: globalConfig, project: projectConfig });
  if (process.env.REDIS_URL) return;
  const server = await startRedisServer();
  process.env.REDIS_URL = server.url;
  (globalThis as { __testRedis__?: typeof server }).__testRedis__ = server;
}
