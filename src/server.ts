import pino from 'pino';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/config';
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
  const logger = pino({ level: config.logLevel });
  const runtime = await openRuntime(config, { logger });
  await prepareToServe(runtime, logger);
  const app = createApp(appDepsOf(runtime, logger));
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

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close(() => {
      void runtime.close().finally(() => process.exit(0));
    });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  // Configuration and key problems are the operator's to fix: say what, without a stack trace.
  const message = error instanceof ConfigError ? error.message : `Failed to start: ${(error as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
