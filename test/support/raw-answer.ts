import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

/** An answer as it went over the wire: what an observer of the encrypted traffic can measure. */
export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Bytes of the status line and header block as sent, less the Date header (fixed-length, but its value changes by the second). */
  headerBytes: number;
  body: Buffer;
}

export interface Listening {
  post(path: string, contentType: string, body: string, headers?: Record<string, string>): Promise<RawAnswer>;
  close(): Promise<void>;
}

/** The app on a free loopback port, read with node's own client, so headers are counted as sent (supertest would parse them). */
export async function listenRaw(app: Express): Promise<Listening> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    post: (path, contentType, body, headers = {}) => rawPost(port, path, { 'content-type': contentType, ...headers }, body),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function rawPost(port: number, path: string, headers: Record<string, string>, body: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          headerBytes: headerBytesOf(response),
          body: Buffer.concat(chunks),
        }),
      );
    });
    request.on('error', reject);
    request.end(body);
  });
}

function headerBytesOf(response: http.IncomingMessage): number {
  let block = `HTTP/${response.httpVersion} ${response.statusCode} ${response.statusMessage}\r\n`;
  const raw = response.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    if (raw[index]?.toLowerCase() !== 'date') block += `${raw[index]}: ${raw[index + 1]}\r\n`;
  }
  // Header bytes arrive as latin1; ours are ASCII.
  return Buffer.byteLength(`${block}\r\n`, 'latin1');
}
