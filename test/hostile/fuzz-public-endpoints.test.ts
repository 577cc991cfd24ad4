import type { Server } from 'node:http';
import request from 'supertest';
import { FAST_ARGON2 } from '../admin/admin-fixtures';
import { fuzzRequest, type FuzzRequest } from '../support/fuzz-requests';
import { SeededRandom } from '../support/seeded-random';
import { startTestService, type TestService } from '../support/test-app';

// FUZZ_SEED reproduces a reported failure; otherwise a fixed seed, so CI runs are repeatable.
const SEED = Number(process.env.FUZZ_SEED ?? 20261121);
const COUNT = Number(process.env.FUZZ_COUNT ?? 10_000);
// Enough to keep both cores busy with argon2 without the test's own bookkeeping dominating.
const CONCURRENCY = 8;

interface Failure {
  seed: number;
  index: number;
  status: number;
  input: FuzzRequest;
}

function send(server: Server, input: FuzzRequest) {
  const test = input.method === 'GET' ? request(server).get(input.path) : request(server).post(input.path);
  if (input.contentType !== undefined) test.set('Content-Type', input.contentType);
  return input.body === undefined ? test : test.send(input.body);
}

/** A 503 is deliberate only when it says when to come back (store down, or load shed). */
function isDeliberate(response: request.Response): boolean {
  return response.status === 503 && response.headers['retry-after'] !== undefined;
}

describe('when the public endpoints get a seeded run of generated hostile input', () => {
  let service: TestService;
  let server: Server;
  beforeAll(async () => {
    // The demo store with the cheapest argon2 allowed; one app and one listening server for the run.
    service = await startTestService({ store: 'memory', env: FAST_ARGON2 });
    server = service.app.listen(0);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await service.close();
  });

  it(`then none of ${COUNT} inputs gets a 5xx other than a deliberate 503`, async () => {
    const random = new SeededRandom(SEED);
    // Generated up front, in order: input i is the same whatever order the answers arrive in.
    const inputs = Array.from({ length: COUNT }, () => fuzzRequest(random));
    const failures: Failure[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < inputs.length) {
        const index = next;
        next += 1;
        const input = inputs[index]!;
        const response = await send(server, input);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status >= 500 && !isDeliberate(response)) failures.push({ seed: SEED, index, status: response.status, input });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    if (failures.length > 0) {
      // Seed and index reproduce it: FUZZ_SEED=<seed> FUZZ_COUNT=<index + 1>.
      process.stderr.write(`fuzz failures (seed ${SEED}):\n${JSON.stringify(failures.slice(0, 5), null, 1).slice(0, 4000)}\n`);
    }
    expect(failures.map(({ seed, index, status }) => ({ seed, index, status }))).toEqual([]);
    // The run exercised real checks and refusals, not just one kind of answer.
    expect(statuses.get(200)).toBeGreaterThan(COUNT / 10);
    expect(statuses.get(400)).toBeGreaterThan(COUNT / 10);
    // A bound on a hang, not a speed assertion: the run takes about 25 s on two busy cores.
  }, 180_000);
});
