import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../src/config/config';
import { openService } from '../src/service';
import { packageRoot } from '../src/shared/package-root';
import { runScript } from './run-script';

/**
 * `npm run lint:openapi`: writes the API document as served (src/api-document.ts, from the features
 * of a demo-mode service opened for it) to a temporary file and runs `redocly lint` on it with the rules of redocly.yaml; exits with redocly's status,
 * which is not 0 when there is an error. Further arguments go to redocly (e.g. --format=json).
 * Offline: no telemetry and no update check, so it needs no network.
 */
runScript(async () => {
  const root = packageRoot();
  const service = await openService(loadConfig({ LOG_LEVEL: 'silent' }), { logger: pino({ level: 'silent' }) });
  const document = service.apiDocument;
  await service.close();
  const dir = mkdtempSync(path.join(tmpdir(), 'openapi-lint-'));
  try {
    const file = path.join(dir, 'openapi.json');
    writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
    const result = spawnSync(
      process.execPath,
      [require.resolve('@redocly/cli/bin/cli.js'), 'lint', file, '--config', path.join(root, 'redocly.yaml'), ...process.argv.slice(2)],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    );
    if (result.error) throw result.error;
    process.exitCode = result.status ?? 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
