import { connect, type Socket } from 'node:net';

/**
 * A check whose body the test sends when it chooses: the request is in flight on the server (its
 * headers parsed, proven by the server's "100 Continue") for as long as the test holds the body back.
 */
export interface HeldCheck {
  /** Sends the rest of the body; resolves with the status and body of the answer. */
  release(): Promise<{ status: number; body: string }>;
  /** Resolves when the server closed the connection, with everything it sent. */
  closed: Promise<string>;
}

export async function holdCheck(port: number, email: string): Promise<HeldCheck> {
  const body = JSON.stringify({ email });
  const socket: Socket = connect(port, '127.0.0.1');
  let received = '';
  const closed = new Promise<string>((resolve) => {
    socket.on('close', () => resolve(received));
    socket.on('error', () => undefined);
  });
  const continued = new Promise<void>((resolve, reject) => {
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
      if (received.startsWith('HTTP/1.1 100')) resolve();
      else reject(new Error(`expected 100 Continue, got: ${received}`));
    });
  });
  socket.write(
    'POST /api/v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
  );
  await continued;
  return {
    closed,
    release: async () => {
      socket.write(body);
      const answer = await new Promise<string>((resolve) => {
        const poll = () => {
          const final = received.slice(received.indexOf('\r\n\r\n') + 4);
          const end = final.indexOf('\r\n\r\n');
          const length = /content-length: (\d+)/i.exec(final)?.[1];
          if (end !== -1 && length !== undefined && Buffer.byteLength(final.slice(end + 4)) >= Number(length)) resolve(final);
          else setTimeout(poll, 10);
        };
        poll();
      });
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
      return { status, body: answer.slice(answer.indexOf('\r\n\r\n') + 4) };
    },
  };
}
