// First, before anything can start libuv's threadpool: the reference hashes on it, one thread per core.
import '../src/cli/hash-list/reserve-threadpool';
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Redis from 'ioredis';
import { serverUrl, type AdminTarget } from '../src/cli/admin-client/admin-target';
import { publishExposure } from '../src/cli/admin-client/publish-exposure';
import { uploadList } from '../src/cli/admin-client/upload-list';
import type { WorkQueueLimits } from '../src/shared/bounded-work-queue';
import { loadConfig } from '../src/config/config';
import type { HashingProfile } from '../src/hashing/hashing-profile';
import { argon2idOf } from '../src/hashing/list-entry';
import { normalizeEmail } from '../src/hashing/normalize-email';
import { generateOprfSecretKey } from '../src/hashing/oprf-key';
import { runScript } from './run-script';
import { mainThreadCpuSeconds, processCpuSeconds } from './support/process-cpu';
import { withBenchRun, type BenchRun } from './support/bench-run';
import { createBenchExposure } from './support/bench-exposure';
import { startBuiltServer, type BuiltServer } from './support/built-server';
import { describe, kolmogorovSmirnov, mannWhitneyZ, percentile } from './support/latency-distributions';
import { pacedLoad } from './support/paced-load';
import { unusedPrefix } from './support/redis-prefix';
import { freePort, startRedisServer } from './support/redis-server';

/**
 * `npm run bench:check`: the built server over a real Redis (REDIS_URL, or a redis-server of its
 * own) holding a published list, loaded through the admin API, checked from this process:
 *
 * 1. hits and misses one at a time, shuffled: both latency distributions side by side, with a
 *    Kolmogorov-Smirnov and a Mann-Whitney statistic (can a client tell them apart?); their p50
 *    together is the single-check latency;
 * 2. saturating load (autocannon, one connection per queue place, running and waiting, so that every
 *    core hashes and nothing is shed), after a warm-up at the same load: checks/s, p50, p99, beside
 *    raw argon2id hashes/s measured here with the same profile and as many hashes in flight, in
 *    rounds alternating with the load's;
 * 3. three times the measured rate, open loop: accepted checks' p99 beside 4 x the single-check
 *    latency, and the share shed (503 overloaded).
 *
 * Issue 6 targets: checks/s >= 90% of the raw rate; at 3x load, accepted p99 < 4 x single latency.
 */
const TARGET_RATIO = 0.9;
const TARGET_P99_FACTOR = 4;
const OVERLOAD_FACTOR = 3;
const OVERLOAD_SECONDS = 10;
const LOAD_ROUNDS = 3;
// V8 optimizes the request path gradually: the first thousand checks cost the main thread about a
// third more than the steady state, which it reaches after about two thousand (some 25 s at this
// load); the rounds measure after this much of the same load.
const WARM_UP_SECONDS = 30;
const ROUND_SECONDS = 5;
const STEADY_FROM_MS = 500;
const REFERENCE_SECONDS = 2;
const LIST_ROWS = 400;
const KNOWN_ADDRESSES = 20;
const SEQUENTIAL_PER_KIND = 100;
const WARM_UP_CHECKS = 10;

runScript(() => withBenchRun(bench));

async function bench(run: BenchRun): Promise<void> {
  const print = (line = '') => process.stdout.write(`${line}\n`);
  const loadBefore = loadavg()[0] ?? 0;
  // The server's own defaults (one hash per core, twice as many waiting) unless set for this run.
  const queue: WorkQueueLimits = loadConfig({
    CHECK_MAX_RUNNING: process.env.CHECK_MAX_RUNNING,
    CHECK_MAX_WAITING: process.env.CHECK_MAX_WAITING,
  }).checkQueue;
  const redisUrl = process.env.REDIS_URL ?? (run.redis = await startRedisServer()).url;
  run.client = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  run.prefix = await unusedPrefix(run.client);
  const token = randomBytes(24).toString('hex');
  const server = (run.server = await startBuiltServer(
    {
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: run.prefix,
      OPRF_SECRET_KEY: Buffer.from(generateOprfSecretKey()).toString('hex'),
      ADMIN_API_TOKEN: token,
      LOG_LEVEL: 'warn',
      CHECK_MAX_RUNNING: String(queue.maxRunning),
      CHECK_MAX_WAITING: String(queue.maxWaiting),
      // The rate limits would turn this one client away long before the hashes run out: off.
      RATE_LIMIT_PER_IP: '0',
      RATE_LIMIT_PER_IPV6_64: '0',
      RATE_LIMIT_GLOBAL: '0',
    },
    await freePort(),
  ));
  const checkUrl = `${server.baseUrl}/api/v1/check`;
  run.dir = await mkdtemp(path.join(tmpdir(), 'bench-check-'));
  const { profile, known } = await loadList(server.baseUrl, token, run.dir);
  const misses = Array.from({ length: SEQUENTIAL_PER_KIND }, (_, i) => `not.listed.${i}@example.com`);

  print(
    `bench:check: built server over ${process.env.REDIS_URL ? 'REDIS_URL' : 'a redis-server of its own'}, load from this process; ` +
      `${availableParallelism()} cores, load average ${loadBefore.toFixed(2)} at start`,
  );
  print(
    `profile argon2id m=${profile.memoryKiB} KiB t=${profile.iterations} p=${profile.parallelism}; ` +
      `check queue ${queue.maxRunning} running + ${queue.maxWaiting} waiting; list of ${LIST_ROWS} rows (${KNOWN_ADDRESSES} known addresses), published; rate limits off`,
  );
  print();

  for (let i = 0; i < WARM_UP_CHECKS; i += 1) await timedCheck(checkUrl, i % 2 === 0 ? (known[0] as string) : `warm.up.${i}@example.com`);

  // 1. Hits and misses, one at a time, in random order so that drift weighs on both alike.
  const order = shuffle([...Array.from({ length: SEQUENTIAL_PER_KIND }, (_, i) => ({ hit: true, email: known[i % known.length] as string })), ...misses.map((email) => ({ hit: false, email }))]);
  const hits: number[] = [];
  const missTimes: number[] = [];
  const bytes = { hit: new Set<number>(), miss: new Set<number>() };
  for (const { hit, email } of order) {
    const answer = await timedCheck(checkUrl, email);
    if (answer.status !== 200 || answer.affected !== hit) {
      throw new Error(`a ${hit ? 'listed' : 'unlisted'} address answered ${answer.status} affected=${answer.affected}`);
    }
    (hit ? hits : missTimes).push(answer.ms);
    (hit ? bytes.hit : bytes.miss).add(answer.bytes);
  }
  const single = percentile([...hits, ...missTimes], 50);
  const ks = kolmogorovSmirnov(hits, missTimes);
  const z = mannWhitneyZ(hits, missTimes);
  print(`1. one check at a time, ${SEQUENTIAL_PER_KIND} hits and ${SEQUENTIAL_PER_KIND} misses shuffled (client-side time, HTTP keep-alive):`);
  print(`   hits    ${describe(hits)}   body ${[...bytes.hit].join('/')} bytes`);
  print(`   misses  ${describe(missTimes)}   body ${[...bytes.miss].join('/')} bytes`);
  print(
    `   Kolmogorov-Smirnov D = ${ks.d.toFixed(3)} (differ at 5% only above ${ks.critical5.toFixed(3)}): ${ks.d < ks.critical5 ? 'indistinguishable' : 'DISTINGUISHABLE'}; ` +
      `Mann-Whitney z = ${z.toFixed(2)} (|z| < 1.96: ${Math.abs(z) < 1.96 ? 'neither is slower' : 'ONE IS SLOWER'})`,
  );
  print(`   single-check latency (p50 of all ${hits.length + missTimes.length}): ${single.toFixed(1)} ms`);
  print();

  // 2. Saturating load: every hash slot busy and every waiting place taken, none shed.
  const bodies = mixedBodies(known, misses);
  const { checksPerSecond, raw } = await saturatingLoad({ server, checkUrl, bodies, profile, queue, print });

  // 3. Three times that, open loop: the excess must be shed, the accepted answered in time.
  const rate = Math.round(OVERLOAD_FACTOR * checksPerSecond);
  const overload = await pacedLoad({ url: checkUrl, bodies, rate, seconds: OVERLOAD_SECONDS });
  const accepted = overload.answers.filter((answer) => answer.status === 200).map((answer) => answer.ms);
  const shed = overload.answers.filter((answer) => answer.status === 503).length;
  const limit = TARGET_P99_FACTOR * single;
  const acceptedP99 = percentile(accepted, 99);
  print(`3. ${OVERLOAD_FACTOR}x load: ${rate} checks/s offered at a steady pace (open loop), ${OVERLOAD_SECONDS} s:`);
  print(
    `   accepted ${(accepted.length / overload.seconds).toFixed(1)}/s   p50 ${percentile(accepted, 50).toFixed(1)} ms   p99 ${acceptedP99.toFixed(1)} ms   ` +
      `max ${percentile(accepted, 100).toFixed(1)} ms`,
  );
  print(
    `   shed ${((shed / Math.max(1, overload.answers.length)) * 100).toFixed(1)}% (${shed} x 503), p99 of a refusal ${percentile(
      overload.answers.filter((answer) => answer.status === 503).map((answer) => answer.ms),
      99,
    ).toFixed(1)} ms   (${statusCounts(overload.answers)}${overload.failures > 0 ? `, ${overload.failures} without answer` : ''})`,
  );
  print(
    `   accepted p99 ${acceptedP99.toFixed(1)} ms against ${TARGET_P99_FACTOR} x single-check latency = ${limit.toFixed(1)} ms: ` +
      `${acceptedP99 < limit ? 'meets' : 'MISSED'}`,
  );
  // The queue bounds the wait in hash-times, and a hash under full load is slower than a lone one
  // (every core is busy; on a shared machine, busier still): the same p99 in loaded hash-times.
  const loadedHashMs = (1000 * queue.maxRunning) / raw;
  print(
    `   (= ${(acceptedP99 / loadedHashMs).toFixed(1)} hash-times of ${loadedHashMs.toFixed(1)} ms at the raw rate under load; ` +
      `the queue bounds it to ${(1 + queue.maxWaiting / queue.maxRunning).toFixed(1)} plus HTTP, Redis and the machine's other work)`,
  );
  const loadAfter = loadavg()[0] ?? 0;
  print();
  print(
    `load average ${loadAfter.toFixed(2)} at the end on ${availableParallelism()} cores` +
      (Math.max(loadBefore, loadAfter) > availableParallelism() ? ': other processes share the cores, so the figures are depressed' : ''),
  );
}

/**
 * Part 2: the checks/s the server sustains with every hash slot busy and every waiting place taken,
 * after a warm-up, beside the raw argon2id rate of the same profile and hashes in flight.
 */
async function saturatingLoad(options: {
  server: BuiltServer;
  checkUrl: string;
  bodies: string[];
  profile: HashingProfile;
  queue: WorkQueueLimits;
  print: (line?: string) => void;
}): Promise<{ checksPerSecond: number; raw: number }> {
  const { server, checkUrl, bodies, profile, queue, print } = options;
  // The host's speed drifts (the raw rate alone moves by several percent within a minute on a shared
  // machine), so load rounds alternate with reference rounds and each side is summed over all of
  // its rounds: a drift weighs on both alike instead of on whichever ran during it.
  const connections = queue.maxRunning + queue.maxWaiting;
  const reference = { hashes: 0, seconds: 0, rates: [] as number[] };
  const measureReference = async () => {
    const segment = await rawArgon2(profile, queue.maxRunning);
    reference.hashes += segment.hashes;
    reference.seconds += segment.seconds;
    reference.rates.push(segment.hashes / segment.seconds);
  };
  const ok: number[] = [];
  const all: Answer[] = [];
  const roundRates: number[] = [];
  let steadyAnswers = 0;
  let steadySeconds = 0;
  const cpu = { server: 0, serverMain: 0, bench: 0 };
  const warmUpMain = mainThreadCpuSeconds(server.pid);
  const warmUp = await autocannonRun(checkUrl, bodies, connections, WARM_UP_SECONDS);
  const warmUpMs = ((mainThreadCpuSeconds(server.pid) - warmUpMain) / Math.max(1, warmUp.answers.length)) * 1000;
  await measureReference();
  for (let round = 0; round < LOAD_ROUNDS; round += 1) {
    const cpuBefore = { server: processCpuSeconds(server.pid), serverMain: mainThreadCpuSeconds(server.pid), bench: process.cpuUsage() };
    const saturated = await autocannonRun(checkUrl, bodies, connections, ROUND_SECONDS);
    const benchCpu = process.cpuUsage(cpuBefore.bench);
    cpu.server += processCpuSeconds(server.pid) - cpuBefore.server;
    cpu.serverMain += mainThreadCpuSeconds(server.pid) - cpuBefore.serverMain;
    cpu.bench += (benchCpu.user + benchCpu.system) / 1e6;
    // Counted from STEADY_FROM_MS on: the first answers of a round wait for its first hashes.
    const steady = saturated.answers.filter((answer) => answer.status === 200 && answer.atMs >= STEADY_FROM_MS);
    const seconds = ROUND_SECONDS - STEADY_FROM_MS / 1000;
    steadyAnswers += steady.length;
    steadySeconds += seconds;
    for (const answer of saturated.answers) all.push(answer);
    for (const answer of saturated.answers) if (answer.status === 200) ok.push(answer.ms);
    await measureReference();
    const around = reference.rates.slice(-2);
    roundRates.push(steady.length / seconds / ((around[0] as number) + (around[1] as number)) * 2);
  }
  const raw = reference.hashes / reference.seconds;
  const checksPerSecond = steadyAnswers / steadySeconds;
  const ratio = checksPerSecond / raw;
  print(
    `2. saturating load: autocannon, ${connections} connections, hits and misses alternating; ` +
      `${LOAD_ROUNDS} rounds of ${ROUND_SECONDS} s, each between two ${REFERENCE_SECONDS} s rounds of the reference:`,
  );
  print(
    `   (after a ${WARM_UP_SECONDS} s warm-up at the same load, not counted: ${warmUp.answers.length} answers, ` +
      `${(warmUp.answers.length / WARM_UP_SECONDS).toFixed(1)}/s, server main thread ${warmUpMs.toFixed(2)} ms per check)`,
  );
  print(
    `   checks/s ${checksPerSecond.toFixed(1)} (answers from ${STEADY_FROM_MS} ms into each round on)   ` +
      `p50 ${percentile(ok, 50).toFixed(1)} ms   p99 ${percentile(ok, 99).toFixed(1)} ms   (${statusCounts(all)})`,
  );
  print(
    `   raw argon2id in the bench process, same profile, ${queue.maxRunning} in flight: ${raw.toFixed(1)} hashes/s ` +
      `(rounds ${reference.rates.map((rate) => rate.toFixed(1)).join(', ')})`,
  );
  print(
    `   checks/s = ${(ratio * 100).toFixed(1)}% of the raw rate (rounds ${roundRates.map((r) => `${(r * 100).toFixed(0)}%`).join(', ')}); ` +
      `target >= ${TARGET_RATIO * 100}%: ${ratio >= TARGET_RATIO ? 'meets' : 'MISSED'}`,
  );
  // Where the cores went: the server's CPU per check beside the load generator's, which shares them.
  print(
    `   CPU per check: server ${((cpu.server / Math.max(1, ok.length)) * 1000).toFixed(1)} ms (all threads; main thread ` +
      `${((cpu.serverMain / Math.max(1, ok.length)) * 1000).toFixed(2)} ms), ` +
      `load generator ${((cpu.bench / Math.max(1, all.length)) * 1000).toFixed(1)} ms, on ${availableParallelism()} cores`,
  );
  print();
  return { checksPerSecond, raw };
}

interface Answer {
  status: number;
  ms: number;
}

async function timedCheck(url: string, email: string): Promise<Answer & { affected: unknown; bytes: number }> {
  const startedAt = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
  const text = await response.text();
  const ms = performance.now() - startedAt;
  const affected = response.status === 200 ? (JSON.parse(text) as { affected: unknown }).affected : undefined;
  return { status: response.status, ms, affected, bytes: Buffer.byteLength(text) };
}

/** Creates an incident and exposure, hashes the known addresses into a list with random rows, loads and publishes it. */
async function loadList(baseUrl: string, token: string, dir: string): Promise<{ profile: HashingProfile; known: string[] }> {
  const { exposureId, profile } = await createBenchExposure(baseUrl, token, 'Check benchmark');
  const known = Array.from({ length: KNOWN_ADDRESSES }, (_, i) => `customer.${i}@example.jp`);
  const knownRows = await Promise.all(known.map(async (email) => (await argon2idOf(normalizeEmail(email), profile)).toString('hex')));
  const randomRows = Array.from({ length: LIST_ROWS - KNOWN_ADDRESSES }, () => randomBytes(32).toString('hex'));
  const file = path.join(dir, 'list.txt');
  await writeFile(file, `# profile: ${profile.id}\n${shuffle([...knownRows, ...randomRows]).join('\n')}\n`);
  const target: AdminTarget = { server: serverUrl(baseUrl), token };
  await uploadList({ target, exposureId, files: [file] });
  await publishExposure(target, exposureId);
  return { profile, known };
}

/** Raw argon2id hashes with `inFlight` at once, for REFERENCE_SECONDS: the ceiling of checks per second. */
async function rawArgon2(profile: HashingProfile, inFlight: number): Promise<{ hashes: number; seconds: number }> {
  let done = 0;
  const startedAt = performance.now();
  const deadline = startedAt + REFERENCE_SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      await argon2idOf(`reference.${done}@example.jp`, profile);
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { hashes: done, seconds: (performance.now() - startedAt) / 1000 };
}

async function autocannonRun(url: string, bodies: string[], connections: number, seconds: number): Promise<{ answers: (Answer & { atMs: number })[] }> {
  const answers: (Answer & { atMs: number })[] = [];
  const startedAt = performance.now();
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        requests: bodies.map((body) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body })),
      },
      (error) => (error ? reject(error) : resolve()),
    );
    instance.on('response', (_client, status, _bytes, ms) => answers.push({ status, ms, atMs: performance.now() - startedAt }));
  });
  return { answers };
}

/** Alternating hits and misses, as JSON bodies. */
function mixedBodies(known: string[], misses: string[]): string[] {
  return known.flatMap((email, i) => [JSON.stringify({ email }), JSON.stringify({ email: misses[i % misses.length] })]);
}

function statusCounts(answers: readonly Answer[]): string {
  const counts = new Map<number, number>();
  for (const { status } of answers) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a - b).map(([status, count]) => `${count} x ${status}`).join(', ');
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
