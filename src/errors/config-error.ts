/**
 * Something the operator must fix in the environment or the command line (a setting, a key, a
 * port): the server and the scripts print its message as one line, without a stack trace.
 */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
