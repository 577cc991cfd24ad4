import type { ErrorParams, InputProblem } from './input-problem';

/**
 * Which budget refused a rate-limited request: the one of the client's network (its address, or
 * its IPv6 /64: people behind one carrier or office address share it) or the deployment's as a
 * whole. Sent in the JSON error as `scope`, and told apart on the public 429 page.
 */
export const LIMIT_SCOPES = ['network', 'global'] as const;
export type LimitScope = (typeof LIMIT_SCOPES)[number];

/**
 * The one error type that reaches users. `code` is stable and machine-readable; `message` is
 * written for a person and must never contain an address or anything derived from one.
 * `cause` is kept for logs only and is never rendered.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly field: string | undefined;
  /** Sent as Retry-After: when the client may usefully try again. */
  readonly retryAfterSeconds: number | undefined;
  /** For a 429: which budget refused. Rendered in the JSON error as `scope`. */
  readonly scope: LimitScope | undefined;
  /** For a refused input: each problem, for the consoles to say in their reader's language. */
  readonly problems: readonly InputProblem[] | undefined;
  /** What a coded refusal's sentence needs beside its code (the consoles' scripts fill them in). */
  readonly params: ErrorParams | undefined;

  constructor(
    code: string,
    status: number,
    message: string,
    options: {
      cause?: unknown;
      field?: string;
      retryAfterSeconds?: number;
      scope?: LimitScope;
      problems?: readonly InputProblem[];
      params?: ErrorParams;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.field = options.field;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.scope = options.scope;
    this.problems = options.problems;
    this.params = options.params;
  }

  static invalidEmail(message: string): AppError {
    return new AppError('invalid_email', 400, message, { field: 'email' });
  }

  static badRequest(code: string, message: string, field?: string): AppError {
    return new AppError(code, 400, message, field === undefined ? {} : { field });
  }

  static notFound(message = 'There is nothing at this address.'): AppError {
    return new AppError('not_found', 404, message);
  }

  /**
   * A check budget is spent: the client's network's, or everybody's. Says nothing of the address:
   * the refusal came before it was looked at.
   */
  static rateLimited(retryAfterSeconds: number, scope: LimitScope): AppError {
    const why =
      scope === 'network'
        ? 'Too many checks were made from your network.'
        : 'Too many checks are being made right now.';
    return new AppError('rate_limited', 429, `${why} Please try again in ${retryAfterSeconds} seconds.`, {
      retryAfterSeconds,
      scope,
    });
  }

  /** A dependency (store, hashing) failed: the honest answer is "could not check", never "not affected". */
  static unavailable(cause: unknown): AppError {
    return new AppError(
      'unavailable',
      503,
      'The check could not be completed right now. Please try again in a few minutes.',
      { cause },
    );
  }

  /**
   * Load shedding: more checks are waiting than can be answered in time, so this one was refused
   * before its address was hashed. Distinct from `unavailable`: nothing is broken, retry soon.
   */
  static overloaded(retryAfterSeconds: number): AppError {
    return new AppError(
      'overloaded',
      503,
      'Too many checks are being made right now. Please try again in a few seconds.',
      { retryAfterSeconds },
    );
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
