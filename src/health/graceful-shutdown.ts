import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { Readiness } from './readiness';

export interface ShutdownDeps {
  server: Server;
  readiness: Readiness;
  /** Closes the store and the worker pool; runs once no request is in flight. */
  closeService: () => Promise<void>;
  logger: Logger;
  /** After this long, connections still open are cut and the shutdown counts as failed. */
  deadlineMs: number;
}

/**
 * Stops accepting connections, lets requests in flight finish (a check under way completes),
 * then closes the service. Resolves with the exit code: 0 when everything drained, 1 when the
 * deadline cut requests off or closing failed. The deadline keeps a stuck upload from holding an
 * orchestrator's rollout hostage; it should sit below the orchestrator's own kill timeout.
 */
export async function gracefulShutdown({ server, readiness, closeService, logger, deadlineMs }: ShutdownDeps): Promise<number> {
  readiness.startDraining();
  let deadlineHit = false;
  const deadline = setTimeout(() => {
    deadlineHit = true;
    logger.error({ deadlineMs }, 'drain deadline reached: closing the connections still open');
    server.closeAllConnections();
  }, deadlineMs);
  // A request that arrived before draining keeps its connection alive after its response; without
  // this sweep the socket would idle until keepAliveTimeout before close() could call back.
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  try {
    await new Promise<void>((resolve) => {
      // Stops listening now (and closes idle keep-alive sockets); calls back once every connection has ended.
      server.close(() => resolve());
    });
    logger.info({ cutOff: deadlineHit }, deadlineHit ? 'connections cut off' : 'in-flight requests drained');
  } finally {
    clearTimeout(deadline);
    clearInterval(sweep);
  }
  try {
    await closeService();
  } catch (error) {
    logger.error({ err: { name: (error as Error).name, message: (error as Error).message } }, 'closing the store failed');
    return 1;
  }
  logger.info('store and worker pool closed');
  return deadlineHit ? 1 : 0;
}
