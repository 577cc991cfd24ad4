import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

// Requests allowed to outlast the request deadline (list uploads), by the connection they came on.
const exempt = new WeakMap<Duplex, IncomingMessage>();

/**
 * For a list upload, once it is authenticated: its body may take longer than the request deadline
 * (minutes, for millions of rows), so the deadline passes it by; its route bounds it by idleness
 * instead (src/lists/list-upload-body.ts). Anyone not yet authenticated is never exempt.
 */
export function exemptFromRequestDeadline(req: IncomingMessage): void {
  exempt.set(req.socket, req);
}

/**
 * The HTTP server of `app`: every request, headers and body, must have arrived `requestTimeoutMs`
 * after its first byte, or it is answered 408 and its connection closed, whatever route it is for
 * and however far the app got with it; a client that trickles its request (a byte a second) holds
 * a connection no longer. Node's own request timeout does the timing (from the request's first
 * byte); its default answer to a timeout is replaced here only to pass exempted uploads by.
 */
export function createHttpServer(app: RequestListener, requestTimeoutMs: number): Server {
  const server = createServer(
    {
      requestTimeout: requestTimeoutMs,
      headersTimeout: requestTimeoutMs,
      // Node looks for expired requests this often (30 s by default): the deadline holds to within it.
      connectionsCheckingInterval: Math.min(1_000, Math.ceil(requestTimeoutMs / 4)),
    },
    app,
  );
  const responses = new WeakMap<Duplex, ServerResponse>();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    responses.set(req.socket, res);
  });
  // With a listener here, Node leaves every client error to it (a timeout, a malformed request, a
  // reset): answer as Node would, but let an exempted upload go on.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT' && exempt.get(socket)?.complete === false) return;
    const res = responses.get(socket);
    // Never into the middle of an answer already on its way: that would corrupt it.
    const answerable = socket.writable && (res === undefined || !res.headersSent || res.writableFinished);
    if (!answerable) {
      socket.destroy();
      return;
    }
    const answer = rawAnswer(error.code, requestTimeoutMs);
    // So that the request's log line says what the client was answered.
    if (res !== undefined && !res.headersSent) res.statusCode = answer.status;
    socket.end(answer.text, () => socket.destroy());
  });
  return server;
}

/**
 * A whole HTTP answer written straight to the socket, past any response object of the app (which
 * may still be waiting for the body: what it answers once the connection is gone goes nowhere).
 */
function rawAnswer(code: string | undefined, requestTimeoutMs: number): { status: number; text: string } {
  const seconds = requestTimeoutMs / 1000;
  const [status, reason, errorCode, message] =
    code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout', 'request_timeout', `The request did not arrive within ${seconds} second${seconds === 1 ? '' : 's'}.`]
      : code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'headers_too_large', 'The request headers are too large.']
        : [400, 'Bad Request', 'bad_request', 'The request could not be understood.'];
  const body = JSON.stringify({ error: { code: errorCode, message } });
  const text = [
    `HTTP/1.1 ${status} ${reason}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
  return { status, text };
}
