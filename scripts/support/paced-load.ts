import http from 'node:http';

export interface PacedAnswer {
  status: number;
  /** From sending the request to the end of the response. */
  ms: number;
}

export interface PacedLoad {
  answers: PacedAnswer[];
  /** Requests that got no HTTP answer (connection refused or reset). */
  failures: number;
  /** From the first request sent to the last answer. */
  seconds: number;
}

/**
 * Open-loop load: POSTs at a steady `rate` per second for `seconds`, whether or not earlier
 * requests were answered, as many independent visitors do. A closed loop (autocannon's
 * connections, or its per-second rate, which sends each second's quota in one burst) would instead
 * slow down with the server, or flood it at every second's start, and hide what overload does.
 */
export async function pacedLoad(options: { url: string; bodies: readonly string[]; rate: number; seconds: number }): Promise<PacedLoad> {
  // Enough sockets that no request waits for one here: a client-side wait would count as latency.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
  const url = new URL(options.url);
  const answers: PacedAnswer[] = [];
  const pending: Promise<void>[] = [];
  let failures = 0;
  const send = (body: string) =>
    new Promise<void>((resolve) => {
      const sentAt = performance.now();
      const request = http.request(
        url,
        { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (response) => {
          response.resume();
          response.on('end', () => {
            answers.push({ status: response.statusCode ?? 0, ms: performance.now() - sentAt });
            resolve();
          });
        },
      );
      request.on('error', () => {
        failures += 1;
        resolve();
      });
      request.end(body);
    });

  const total = Math.round(options.rate * options.seconds);
  const startedAt = performance.now();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - startedAt) / 1000) * options.rate) + 1);
    for (; sent < due; sent += 1) pending.push(send(options.bodies[sent % options.bodies.length] as string));
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await Promise.all(pending);
  const seconds = (performance.now() - startedAt) / 1000;
  agent.destroy();
  return { answers, failures, seconds };
}
