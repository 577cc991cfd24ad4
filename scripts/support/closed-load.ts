import autocannon from 'autocannon';

export interface LoadAnswer {
  status: number;
  /** autocannon's latency of the request, from sending to the end of the response. */
  ms: number;
  /** When it ended, from the start of the run. */
  atMs: number;
}

export interface ClosedLoad {
  answers: LoadAnswer[];
  /** Requests that got no HTTP answer (errors and timeouts, as autocannon counts them). */
  failures: number;
}

/**
 * Closed-loop load (autocannon) over several servers at once, `connections` in all, shared evenly:
 * what a load balancer in front of that many processes would send them, without a balancer's own
 * cost on the cores being measured. Each server gets the bodies in its own rotation, so no two
 * send the same query at the same moment.
 */
export async function closedLoad(options: { urls: readonly string[]; bodies: readonly string[]; connections: number; seconds: number }): Promise<ClosedLoad> {
  const { urls, bodies, seconds } = options;
  const answers: LoadAnswer[] = [];
  let failures = 0;
  const startedAt = performance.now();
  await Promise.all(
    urls.map(async (url, index) => {
      const offset = Math.floor((index * bodies.length) / urls.length);
      const rotated = [...bodies.slice(offset), ...bodies.slice(0, offset)];
      const connections = Math.max(1, Math.round(options.connections / urls.length));
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url,
            connections,
            duration: seconds,
            requests: rotated.map((body) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body })),
          },
          (error, done) => (error ? reject(error) : resolve(done)),
        );
        instance.on('response', (_client, status, _bytes, ms) => answers.push({ status, ms, atMs: performance.now() - startedAt }));
      });
      failures += result.errors + result.timeouts;
    }),
  );
  return { answers, failures };
}

/** "12345 x 200, 3 x 503". */
export function statusCounts(answers: readonly { status: number }[]): string {
  const counts = new Map<number, number>();
  for (const { status } of answers) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a - b).map(([status, count]) => `${count} x ${status}`).join(', ') || 'no answers';
}
