import type { RequestHandler } from 'express';
import type { Readiness } from './readiness';

/**
 * While draining, every response asks the client to close its connection, so that keep-alive
 * clients reconnect (to another instance) and the server's close() is not held up by idle sockets.
 */
export function closeConnectionsWhileDraining(readiness: Readiness): RequestHandler {
  return (_req, res, next) => {
    if (readiness.draining) res.set('Connection', 'close');
    next();
  };
}
