import http, { type ClientRequest, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AdminClientError, type ConnectionPhase } from './admin-client-error';
import { adminUrl, type AdminTarget } from './admin-target';

export interface AdminRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** Streamed as it is produced (chunked), never gathered first. */
  body?: AsyncIterable<Buffer>;
  contentType?: string;
}

export interface AdminResponse {
  status: number;
  /** The parsed JSON answer; null when the answer was not JSON. */
  json: unknown;
  /** The start of the answer as text, to describe an answer that is not the admin API's. */
  textStart: string;
}

// Admin answers are small JSON documents; anything much larger is not one.
const MAX_ANSWER_BYTES = 1024 * 1024;

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed by the server',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

/**
 * One request to the admin API over node:http(s). Chosen over fetch because an upload streams for
 * minutes: undici's fetch gives up waiting for response headers after 300 s unless an undici Agent
 * (not a dependency) is passed, and wraps every network error in "fetch failed", whereas here each
 * failure keeps its errno and the phase it happened in, which decides what an operator is told.
 *
 * The server may answer before it has read the body (a wrong token or an unknown exposure): the
 * answer is taken as soon as it is complete and the rest of the body is not sent. The connection
 * asks for keep-alive for that reason: to a "Connection: close" request a Node server answers
 * early and closes at once, and the client's next write fails (EPIPE) before it has read the
 * answer; kept alive, the server drains the body until the client stops sending.
 */
export function sendAdminRequest(target: AdminTarget, request: AdminRequest): Promise<AdminResponse> {
  const url = adminUrl(target.server, request.path);
  return new Promise((resolve, reject) => {
    let connected = false;
    let bodySent = false;
    let answered = false;
    let settled = false;
    let lastError: Error | undefined;
    // An agent of its own, closed once the request is settled: nothing is left open to keep a
    // command-line process alive.
    const agent = new (url.protocol === 'https:' ? https.Agent : http.Agent)({ keepAlive: true, maxSockets: 1 });
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      agent.destroy();
      outcome();
    };
    const req = (url.protocol === 'https:' ? https : http).request(url, {
      method: request.method,
      agent,
      headers: {
        authorization: `Bearer ${target.token}`,
        accept: 'application/json',
        ...(request.contentType !== undefined && { 'content-type': request.contentType }),
      },
    });
    req.on('socket', (socket) => socket.once('connect', () => (connected = true)));
    req.on('finish', () => (bodySent = true));
    req.on('response', (res) => {
      answered = true;
      readAnswer(res).then(
        (response) => {
          settle(() => resolve(response));
          // An early answer: the server will not use the rest of the body.
          if (!bodySent) req.destroy();
        },
        (error: unknown) => settle(() => reject(connectionError(asError(error), url, 'awaiting_answer'))),
      );
    });
    req.on('error', (error) => {
      // The body's own failures (a list file that cannot be read) are reported as they are.
      if (error instanceof AdminClientError) settle(() => reject(error));
      lastError = error;
    });
    req.on('close', () => {
      if (answered) return;
      const error = lastError ?? new Error('the connection closed without an answer');
      settle(() =>
        reject(connected ? connectionError(error, url, bodySent ? 'awaiting_answer' : 'sending') : unreachable(error, url)),
      );
    });

    if (request.body === undefined) req.end();
    else sendBody(request.body, req);
  });
}

function sendBody(body: AsyncIterable<Buffer>, req: ClientRequest): void {
  // Failures surface through the request's 'error' and 'close' events, with the phase they hit.
  pipeline(Readable.from(body, { objectMode: false }), req).catch(() => undefined);
}

async function readAnswer(res: IncomingMessage): Promise<AdminResponse> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_ANSWER_BYTES) {
      res.destroy();
      break;
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const isJson = /\bjson\b/i.test(res.headers['content-type'] ?? '');
  return { status: res.statusCode ?? 0, json: isJson ? parseJson(text) : null, textStart: text.slice(0, 200) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** A short reason for a network error: its errno explained, or its message. */
function reasonOf(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined) return error.message;
  return `${REASONS[code] ?? error.message} (${code})`;
}

function unreachable(error: Error, url: URL): AdminClientError {
  const reason = reasonOf(error);
  return new AdminClientError('unreachable', `cannot reach the server at ${url.origin}: ${reason}`, { reason, cause: error });
}

function connectionError(error: Error, url: URL, phase: ConnectionPhase): AdminClientError {
  const reason = reasonOf(error);
  const when = phase === 'sending' ? 'while the request was being sent' : 'before it answered';
  return new AdminClientError('connection_lost', `the server at ${url.origin} closed the connection ${when}: ${reason}`, {
    phase,
    reason,
    cause: error,
  });
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
