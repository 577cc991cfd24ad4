import { collectDefaultMetrics } from 'prom-client';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/config';
import { gracefulShutdown } from './health/graceful-shutdown';
import { createLogger } from './logging/create-logger';
import { appDepsOf, openRuntime, prepareToServe } from './runtime';

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
  const runtime = await openRuntime(config, { logger });
  await prepareToServe(runtime, logger);
  // Process figures (CPU, memory, event-loop lag) only for the server, not for scripts sharing the runtime.
  collectDefaultMetrics({ register: runtime.metrics.registry });
  const deps = appDepsOf(runtime, logger);
  const app = createApp(deps);
  const server = app.listen(config.port, () => {
    if (runtime.demoMode) process.stderr.write(DEMO_BANNER);
    logger.info(
      { port: config.port, demoMode: runtime.demoMode, startMs: Math.round(performance.now() - startedAt) },
      `Exposure Check listening on http://localhost:${config.port}`,
    );
  });

  // A 3.1M-row list upload streams for up to ~10 minutes; Node's default requestTimeout (5 minutes)
  // would cut it off. A sender that stalls is still dropped by the idle timeout.
  server.requestTimeout = 60 * 60_000;
  server.timeout = 2 * 60_000;

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    // A second signal while draining changes nothing: the deadline already bounds the wait.
    if (stopping) return;
    stopping = true;
    logger.info({ signal, deadlineMs: config.shutdownTimeoutMs }, 'shutting down: draining requests in flight');
    void gracefulShutdown({
      server,
      readiness: deps.readiness,
      closeRuntime: () => runtime.close(),
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

main().catch((error: unknown) => {
  // Configuration and key problems are the operator's to fix: say what, without a stack trace.
  const message = error instanceof ConfigError ? error.message : `Failed to start: ${(error as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
