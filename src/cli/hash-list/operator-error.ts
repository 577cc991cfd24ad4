/**
 * A problem the operator can fix: a bad argument, a missing file, a refused profile, a checkpoint
 * of another job. The entry point prints its message as one line, without a stack, and exits
 * non-zero. Messages name files, lines and counts, never an address.
 */
export class OperatorError extends Error {
  /** True for a malformed command line, which gets the conventional exit code 2. */
  readonly usage: boolean;

  constructor(message: string, options: { usage?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'OperatorError';
    this.usage = options.usage ?? false;
  }
}
