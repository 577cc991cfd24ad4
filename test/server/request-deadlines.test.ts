import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import { ADMIN_TOKEN, FAST_ARGON2, createExposure, createIncident } from '../admin/admin-fixtures';
import { createHttpServer } from '../../src/http/http-server';
import { startTestService, type TestService } from '../support/test-app';

const REQUEST_TIMEOUT_SECONDS = 1;
// Well above the steady upload's gaps, so that a busy machine delaying its client's timers never passes for a stall.
const LIST_UPLOAD_IDLE_SECONDS = 3;
// Uploads write a whole bucket set per version to Redis: seconds each on a busy machine.
const UPLOAD_TEST_TIMEOUT_MS = 90_000;
// Far more than the client could send before either limit: a client cut off never got to the end.
const TRICKLED_BODY_BYTES = 120;

/** What a raw client saw: the server's whole answer, and how much of its body the client got to send. */
interface Exchange {
  status: number;
  body: unknown;
  bodyBytesSent: number;
}

/**
 * A client on a socket of its own: sends `head` (request line and headers) and `start` at once,
 * then `next()` every `everyMs` while it gives more, until the server closes the connection.
 */
function rawExchange(
  port: number,
  request: { head: string; start?: string; next?: () => string | undefined; everyMs?: number },
): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let bodyBytesSent = request.start?.length ?? 0;
    let timer: NodeJS.Timeout | undefined;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    // The server may close while the client writes: that is the point, not a failure.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      // The first answer only: after it, a kept-alive connection may carry a second (the deadline's 408).
      const first = /^HTTP\/1\.1 (\d{3}) [^\r]*\r\n(?:[^\r]*\r\n)*?Content-Length: (\d+)\r\n(?:[^\r]*\r\n)*?\r\n/i.exec(answer);
      if (first === null) {
        reject(new Error(`no HTTP answer before the connection closed: ${JSON.stringify(answer)}`));
        return;
      }
      const body = answer.slice(first[0].length, first[0].length + Number(first[2]));
      resolve({ status: Number(first[1]), body: body === '' ? undefined : (JSON.parse(body) as unknown), bodyBytesSent });
    });
    socket.write(request.head + (request.start ?? ''));
    const next = request.next;
    if (next !== undefined) {
      timer = setInterval(() => {
        const more = next();
        if (more === undefined) {
          clearInterval(timer);
          return;
        }
        if (socket.writable) {
          socket.write(more);
          bodyBytesSent += more.length;
        }
      }, request.everyMs ?? 1000);
    }
  });
}

/** One byte every second, up to `total`. */
function byteBySecond(total: number): { next: () => string | undefined; everyMs: number } {
  let sent = 0;
  return {
    next: () => {
      if (sent >= total) return undefined;
      sent += 1;
      return 'a';
    },
    everyMs: 1000,
  };
}

function randomRows(count: number): string {
  return Array.from({ length: count }, () => `${randomBytes(32).toString('hex')}\n`).join('');
}

/** Slow request bodies held a connection for up to an hour. */
describe('a real listening server with a short request deadline and upload idle limit', () => {
  let service: TestService;
  let server: Server;
  let port: number;
  let profileId: string;

  beforeAll(async () => {
    service = await startTestService({
      store: 'shared',
      env: {
        ADMIN_API_TOKEN: ADMIN_TOKEN,
        ...FAST_ARGON2,
        REQUEST_TIMEOUT_SECONDS: String(REQUEST_TIMEOUT_SECONDS),
        LIST_UPLOAD_IDLE_SECONDS: String(LIST_UPLOAD_IDLE_SECONDS),
      },
    });
    server = createHttpServer(service.app, service.config.requestTimeoutMs);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
    profileId = service.runtime.hashing.profile.id;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await service.close();
  });

  /** The server answers a normal request, so nothing before broke it. */
  async function expectStillServing(): Promise<void> {
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'taro.yamada@example.jp' }),
    });
    expect(response.status).toBe(200);
  }

  /** Connection: close, so that the server closes the connection once it has answered (unless `keepAlive`). */
  function uploadHead(exposureId: string, contentLength: number, options: { token?: string; keepAlive?: boolean } = {}): string {
    return (
      `PUT /api/v1/admin/exposures/${exposureId}/list HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
      `Authorization: Bearer ${options.token ?? ADMIN_TOKEN}\r\nContent-Type: text/plain\r\nContent-Length: ${contentLength}\r\n` +
      `Connection: ${options.keepAlive === true ? 'keep-alive' : 'close'}\r\n\r\n`
    );
  }

  async function exposureWithListVersion1(): Promise<string> {
    const exposureId = await createExposure(service.app, await createIncident(service.app));
    const list = `# profile: ${profileId}\n${randomRows(3)}`;
    const first = await rawExchange(port, { head: uploadHead(exposureId, Buffer.byteLength(list)), start: list });
    expect(first).toMatchObject({ status: 200, body: { version: 1, records: 3 } });
    return exposureId;
  }

  const liveVersionOf = async (exposureId: string) =>
    (await service.runtime.stores.lists.liveLists()).find((list) => list.exposureId === exposureId)?.version;

  describe('when a client sends the headers of a check and then one byte of its body every second', () => {
    it('then it is answered 408 request_timeout and the connection is closed before the body is complete', async () => {
      const exchange = await rawExchange(port, {
        head:
          'POST /api/v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
          `Content-Length: ${TRICKLED_BODY_BYTES}\r\n\r\n`,
        ...byteBySecond(TRICKLED_BODY_BYTES),
      });

      expect(exchange.status).toBe(408);
      expect(exchange.body).toEqual({ error: { code: 'request_timeout', message: expect.stringContaining('did not arrive') } });
      expect(exchange.bodyBytesSent).toBeLessThan(TRICKLED_BODY_BYTES);
      await expectStillServing();
    });
  });

  describe('when a client sends its request headers one byte every second', () => {
    it('then it is answered 408 and closed before the headers are complete', async () => {
      const headers = `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ${'a'.repeat(TRICKLED_BODY_BYTES)}\r\n\r\n`;
      let offset = 1;

      const exchange = await rawExchange(port, {
        head: headers.slice(0, 1),
        next: () => (offset < headers.length ? headers.slice(offset, (offset += 1)) : undefined),
        everyMs: 1000,
      });

      expect(exchange.status).toBe(408);
      expect(offset).toBeLessThan(headers.length);
      await expectStillServing();
    });
  });

  describe('when a client without a token trickles a list upload', () => {
    it('then it is refused (401) and the kept-alive connection does not outlast the request deadline', async () => {
      const exposureId = await createExposure(service.app, await createIncident(service.app));

      const exchange = await rawExchange(port, {
        head: uploadHead(exposureId, TRICKLED_BODY_BYTES, { token: `xct_${'A'.repeat(43)}`, keepAlive: true }),
        ...byteBySecond(TRICKLED_BODY_BYTES),
      });

      expect(exchange.status).toBe(401);
      expect(exchange.bodyBytesSent).toBeLessThan(TRICKLED_BODY_BYTES);
    });
  });

  describe('when an admin uploads a list steadily for longer than the request deadline', () => {
    it('then the upload is not cut off: it completes and goes live', async () => {
      const exposureId = await exposureWithListVersion1();
      // A chunk every 200 ms (well within the idle limit), ten chunks: about two request deadlines long.
      const chunks = [`# profile: ${profileId}\n`, ...Array.from({ length: 9 }, () => randomRows(20))];
      const list = chunks.join('');
      let index = 1;

      const exchange = await rawExchange(port, {
        head: uploadHead(exposureId, Buffer.byteLength(list)),
        start: chunks[0],
        next: () => chunks[index++],
        everyMs: 200,
      });

      expect(exchange).toMatchObject({ status: 200, body: { version: 2, records: 180, duplicates: 0 } });
      expect(await liveVersionOf(exposureId)).toBe(2);
    }, UPLOAD_TEST_TIMEOUT_MS);
  });

  describe('when an admin upload stalls after its first rows', () => {
    it('then it is answered 408 upload_stalled and closed, its staged version is gone, and version 1 still answers', async () => {
      const exposureId = await exposureWithListVersion1();
      const start = `# profile: ${profileId}\n${randomRows(300)}`;

      const exchange = await rawExchange(port, {
        head: uploadHead(exposureId, Buffer.byteLength(start) + 65 * 1000),
        start,
      });

      expect(exchange.status).toBe(408);
      expect(exchange.body).toEqual({
        error: { code: 'upload_stalled', message: expect.stringContaining(`for ${LIST_UPLOAD_IDLE_SECONDS} seconds`) },
      });
      // The staged version 2 is deleted before the answer: nothing of it is left to find.
      expect(await service.runtime.stores.lists.unusedVersions()).toEqual([]);
      expect(await liveVersionOf(exposureId)).toBe(1);
      // The next upload is the second to go live: the stalled one never did, so it used up no number.
      const list = `# profile: ${profileId}\n${randomRows(2)}`;
      const next = await rawExchange(port, { head: uploadHead(exposureId, Buffer.byteLength(list)), start: list });
      expect(next).toMatchObject({ status: 200, body: { version: 2, records: 2 } });
      await expectStillServing();
    }, UPLOAD_TEST_TIMEOUT_MS);
  });
});
