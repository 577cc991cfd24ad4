import type { Server } from 'node:http';
import { collectDefaultMetrics } from 'prom-client';
import { createApp } from './app';
import { loadConfig } from './config';
import { ConfigError } from './errors';
import { gracefulShutdown } from './health';
import { createHttpServer } from './http';
import { createLogger } from './logging';
import { openService, prepareToServe } from './service';

const DEMO_BANNER = `
  ==========================================================================
   DEMO MODE: no REDIS_URL is set, so data lives in memory and is lost on
   exit. The demo incidents and synthetic lists are loaded. Not production.
  ==========================================================================
`;

async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.logLevel });
  const service = await openService(config, { logger });
  await prepareToServe(service);
  // Process figures (CPU, memory, event-loop lag) only for the server, not for scripts opening the service.
  collectDefaultMetrics({ register: service.metrics.service.registry });
  const app = createApp(service);
  // Every request must arrive within REQUEST_TIMEOUT_SECONDS; list uploads are bounded by
  // LIST_UPLOAD_IDLE_SECONDS instead (src/http/http-server.ts, src/lists/list-upload-body.ts).
  const server = createHttpServer(app, config.requestTimeoutMs);
  // A connection silent this long is dropped, whatever it is waiting for.
  server.timeout = 2 * 60_000;
  await listen(server, config.port, config.host);
  if (service.demoMode) process.stderr.write(DEMO_BANNER);
  if (service.demoMode && !isLoopback(config.host)) {
    logger.warn(
      { host: config.host ?? 'every interface' },
      'DEMO MODE on a network interface (HOST): anyone who can reach this port can sign in with the demo passwords above',
    );
  }
  logger.info(
    {
      port: config.port,
      host: config.host ?? 'every interface',
      demoMode: service.demoMode,
      startMs: Math.round(performance.now() - startedAt),
    },
    `Exposure Check listening on http://${urlHost(config.host)}:${config.port}`,
  );

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    // A second signal while draining changes nothing: the deadline already bounds the wait.
    if (stopping) return;
    stopping = true;
    logger.info({ signal, deadlineMs: config.shutdownTimeoutMs }, 'shutting down: draining requests in flight');
    void gracefulShutdown({
      server,
      readiness: service.readiness,
      closeService: () => service.close(),
      logger,
      deadlineMs: config.shutdownTimeoutMs,
    }).then((code) => {
      logger.info({ exitCode: code }, 'stopped');
      process.exit(code);
    });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

/** Resolves once listening; a port taken or an address not on this machine rejects, naming PORT or HOST. */
function listen(server: Server, port: number, host: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const refused = (error: NodeJS.ErrnoException) => {
      const where = host === undefined ? `PORT ${port}` : `HOST ${host} PORT ${port}`;
      reject(new ConfigError(`Cannot listen on ${where}: ${error.code ?? error.message}`));
    };
    server.once('error', refused);
    server.listen({ port, ...(host !== undefined && { host }) }, () => {
      server.off('error', refused);
      resolve();
    });
  });
}

function isLoopback(host: string | undefined): boolean {
  return host === 'localhost' || host === '::1' || (host !== undefined && host.startsWith('127.'));
}

/** The host part of a URL to the server: brackets around an IPv6 address; every interface includes localhost. */
function urlHost(host: string | undefined): string {
  if (host === undefined || host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

main().catch((error: unknown) => {
  // Configuration and key problems are the operator's to fix: say what, without a stack trace.
  const message = error instanceof ConfigError ? error.message : `Failed to start: ${(error as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
