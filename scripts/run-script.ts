import { ConfigError } from '../src/errors/config-error';

/** Runs a script's main: operator errors print as one line, anything else with its message; exit 1. */
export function runScript(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const message = error instanceof ConfigError ? error.message : `Failed: ${(error as Error).message}`;
    process.stderr.write(`${message}\n`);
    process.exit(1);
  });
}
