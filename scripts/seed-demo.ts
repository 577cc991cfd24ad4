import { loadConfig } from '../src/config/config';
import { seedDemo } from '../src/demo/seed-demo';
import { createLogger } from '../src/logging/create-logger';
import { openService } from '../src/service';
import { runScript } from './run-script';

/** `npm run seed:demo`: loads the demo incidents and synthetic lists into the configured store. */
runScript(async () => {
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.logLevel });
  const runtime = await openService(config, { logger });
  try {
    if (runtime.demoMode) {
      process.stdout.write('No REDIS_URL: the embedded demo store seeds itself at every start; nothing to do.\n');
      return;
    }
    const summaries = await seedDemo({ catalog: runtime.stores.catalog, lists: runtime.lists.service, profile: runtime.hashing.profile });
    for (const [exposureId, summary] of Object.entries(summaries)) {
      process.stdout.write(`${exposureId}: ${summary.records} records live as version ${summary.version}\n`);
    }
  } finally {
    await runtime.close();
  }
});
