/**
 * Why a call to the admin API did not succeed:
 * - `api_error`: the server answered with an error; `status` and `code` are the server's.
 * - `unreachable`: no connection could be made, so the server saw nothing.
 * - `connection_lost`: the connection broke before an answer; `phase` says when.
 * - `bad_response`: something answered that is not this service's admin API.
 * - `list_files`: the list files cannot be read or do not belong together; nothing was sent.
 */
export type AdminClientFailure = 'api_error' | 'unreachable' | 'connection_lost' | 'bad_response' | 'list_files';

/** When a connection broke: it matters, because a request sent in full may have taken effect. */
export type ConnectionPhase = 'sending' | 'awaiting_answer';

export interface AdminClientErrorDetails {
  status?: number;
  code?: string;
  phase?: ConnectionPhase;
  /** A short reason for a network failure, e.g. "connection reset (ECONNRESET)". */
  reason?: string;
  cause?: unknown;
}

/** A failure of the admin client. The message is one line, meant for an operator as it stands. */
export class AdminClientError extends Error {
  readonly failure: AdminClientFailure;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly phase: ConnectionPhase | undefined;
  readonly reason: string | undefined;

  constructor(failure: AdminClientFailure, message: string, details: AdminClientErrorDetails = {}) {
    super(message, { cause: details.cause });
    this.name = 'AdminClientError';
    this.failure = failure;
    this.status = details.status;
    this.code = details.code;
    this.phase = details.phase;
    this.reason = details.reason;
  }
}
