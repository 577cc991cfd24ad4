import { loadConfig } from '../../src/config/config';
import { ConfigError } from '../../src/errors/config-error';

/** The message of the ConfigError that loading `env` raises; fails the test if it loads. */
export function configErrorOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}
