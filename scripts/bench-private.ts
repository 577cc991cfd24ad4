// First, before anything can start libuv's threadpool: the queries' argon2 hashes run on it, on every core.
import '../src/cli/hash-list/reserve-threadpool';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { loadConfig } from '../src/config/config';
import { listEntryOf } from '../src/hashing/list-entry';
import { generateOprfSecretKey, OprfKey } from '../src/hashing/oprf-key';
import { listStores } from '../src/lists';
import { runScript } from './run-script';
import { withBenchRun, type BenchRun } from './support/bench-run';
import { startBuiltServer, type BuiltServer } from './support/built-server';
import { closedLoad, statusCounts } from './support/closed-load';
import { oprfBlindEvaluateRate } from './support/oprf-rate';
import { privateBenchOptions, type PrivateBenchOptions } from './support/private-bench-options';
import { createSmallListExposure, loadLargeList, loadSmallList } from './support/private-bench-lists';
import { measureTargets, type LoadFigures } from './support/private-bench-load';
import { answerBytes, verifyFindings, verifySameResults } from './support/private-bench-checks';
import { argon2Outputs, blindQuery, privateProfileOf, type PreparedQuery } from './support/private-queries';
import { unusedPrefix } from './support/redis-prefix';
import { freePort, startRedisServer } from './support/redis-server';

/**
 * `npm run bench:private [-- --seconds 8 --rounds 2 ...]` (flags: support/private-bench-options.ts):
 * issue 15's measure of the private check on this machine, every figure beside its reference
 * measured in the same run. Over a real Redis (REDIS_URL, or a redis-server of its own) holding two
 * published lists, a small one loaded through the upload pipeline and a 3.1M-row one written
 * through the ListStore API:
 *
 * 1. answer bytes of POST /api/v1/private-check for each list, beside the 32 KiB limit;
 * 2. reference A: raw OPRF BlindEvaluate (the service's OprfKey) on 1 thread and on every core;
 * 3. private checks/s of the built service with 1 and with 2 processes, one query per request
 *    (autocannon from this process, rate limits off), beside reference B, a bare node:http handler
 *    doing the same evaluation and ListStore read (support/bare-private-server.ts) on as many
 *    processes, in alternating rounds;
 * 4. for context, the server-side check's rate on the same server.
 *
 * Targets: at least 1,000 private checks/s, and at least half the bare handler's rate.
 */
const TARGET_PER_SECOND = 1_000;
const TARGET_OF_BARE = 0.5;
const ANSWER_LIMIT_BYTES = 32 * 1024;
const KNOWN_ADDRESSES = 4;
// Distinct buckets whose answers are measured for their size.
const SIZED_ANSWERS = 64;
const BARE_ENTRY = ['dist', 'scripts', 'support', 'bare-private-server.js'];

runScript(async () => {
  const options = privateBenchOptions(process.argv.slice(2));
  await withBenchRun((run) => bench(run, options));
});

const print = (line = '') => process.stdout.write(`${line}\n`);
const fmt = (value: number, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? 'meets' : 'MISSED');

async function bench(run: BenchRun, options: PrivateBenchOptions): Promise<void> {
  const started = performance.now();
  const loadBefore = loadavg()[0] ?? 0;
  const redisUrl = process.env.REDIS_URL ?? (run.redis = await startRedisServer()).url;
  const client = (run.client = new Redis(redisUrl, { maxRetriesPerRequest: 1 }));
  const prefix = (run.prefix = await unusedPrefix(client));
  const secretKey = generateOprfSecretKey();
  const token = randomBytes(24).toString('hex');
  const env = {
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: prefix,
    OPRF_SECRET_KEY: Buffer.from(secretKey).toString('hex'),
    ADMIN_API_TOKEN: token,
    LOG_LEVEL: 'warn',
    // The budgets would turn this one client away after a few checks: off, as in bench:check.
    RATE_LIMIT_PER_IP: '0',
    RATE_LIMIT_PER_IPV6_64: '0',
    RATE_LIMIT_GLOBAL: '0',
  };
  const servers: BuiltServer[] = (run.servers = []);
  const start = async (entry?: readonly string[], extra: Record<string, string> = {}) => {
    const server = await startBuiltServer({ ...env, ...extra }, await freePort(), entry);
    servers.push(server);
    return server;
  };
  const service = await start();
  print(
    `bench:private: built server over ${process.env.REDIS_URL ? 'REDIS_URL' : 'a redis-server of its own'}, load from this process (autocannon); ` +
      `${availableParallelism()} cores, load average ${loadBefore.toFixed(2)} at start`,
  );

  const { privateUrl, profile, queries, bodies } = await loadListsAndQueries({ run, client, prefix, baseUrl: service.baseUrl, token, secretKey, options });

  // The other processes start only now: a server's start deletes list versions not yet live.
  const bits = { BARE_QUERY_BUCKET_BITS: String(profile.bucketBits) };
  const service2 = await start();
  const bare = [await start(BARE_ENTRY, bits), await start(BARE_ENTRY, bits)] as const;
  await verifySameResults(privateUrl, `${bare[0].baseUrl}/api/v1/private-check`, bodies.slice(0, SIZED_ANSWERS));

  const elements = queries.map((query) => query.blinded);
  const rawOne = await oprfBlindEvaluateRate({ secretKey, elements, threads: 1, seconds: options.referenceSeconds });
  const rawAll = await oprfBlindEvaluateRate({ secretKey, elements, threads: availableParallelism(), seconds: options.referenceSeconds });
  print(`2. reference A: raw OPRF BlindEvaluate (OprfKey, libsodium), worker threads in this process, no HTTP or Redis, ${options.referenceSeconds} s each:`);
  print(`   1 thread ${fmt(rawOne.perSecond).padStart(7)}/s   ${availableParallelism()} threads ${fmt(rawAll.perSecond).padStart(7)}/s (${rawAll.perThread.map((rate) => fmt(rate)).join(' + ')})`);
  print();

  const figures = await measureTargets(
    [
      { label: 'service, 1 process', servers: [service] },
      { label: 'bare node:http, 1 process', servers: [bare[0]] },
      { label: 'service, 2 processes', servers: [service, service2] },
      { label: 'bare node:http, 2 processes', servers: bare },
    ],
    { path: '/api/v1/private-check', bodies, connections: options.connections, seconds: options.seconds, rounds: options.rounds, warmUp: options.warmUp, redis: client },
  );
  printLoad(figures, options, rawAll.perSecond);

  if (options.checkSeconds > 0) await printServerSideCheck(service, options.checkSeconds);
  const loadAfter = loadavg()[0] ?? 0;
  print();
  print(
    `${((performance.now() - started) / 1000).toFixed(0)} s in all; load average ${loadAfter.toFixed(2)} at the end on ${availableParallelism()} cores` +
      (Math.max(loadBefore, loadAfter) > availableParallelism() + 0.5 ? ': other processes share the cores, so the figures are depressed' : ''),
  );
}

/**
 * The two lists, loaded and published, and the queries hashed and blinded ahead of the load; the
 * answers checked right and sized on the way. Prints what it loaded and part 1.
 */
async function loadListsAndQueries(setup: {
  run: BenchRun;
  client: Redis;
  prefix: string;
  baseUrl: string;
  token: string;
  secretKey: Uint8Array;
  options: PrivateBenchOptions;
}) {
  const { run, client, prefix, baseUrl, token, secretKey, options } = setup;
  // The queries' argon2id runs now, before any load: the load generator only sends ready bodies.
  const smallExposure = await createSmallListExposure(baseUrl, token);
  const hashing = smallExposure.profile;
  const addresses = {
    known: Array.from({ length: KNOWN_ADDRESSES }, (_, i) => `listed.${i}@bench.example`),
    unlisted: Array.from({ length: KNOWN_ADDRESSES }, (_, i) => `unlisted.${i}@bench.example`),
    queries: Array.from({ length: options.addresses }, (_, i) => `query.${i}@bench.example`),
  };
  const hashedAt = performance.now();
  const [known, unlisted, queryOutputs] = await Promise.all([
    argon2Outputs(addresses.known, hashing),
    argon2Outputs(addresses.unlisted, hashing),
    argon2Outputs(addresses.queries, hashing),
  ]);
  const hashSeconds = (performance.now() - hashedAt) / 1000;

  run.dir = await mkdtemp(path.join(tmpdir(), 'bench-private-'));
  const small = await loadSmallList({ baseUrl: baseUrl, token, exposure: smallExposure, dir: run.dir, known: known, rows: options.smallRows });
  const profile = await privateProfileOf(baseUrl, hashing);
  const queries = queryOutputs.flatMap((a) => Array.from({ length: options.blindsPerAddress }, () => blindQuery(a, profile)));
  const bodies = interleaved(queries, options.blindsPerAddress).map((query) => query.body);
  const privateUrl = `${baseUrl}/api/v1/private-check`;
  const sized = queries.filter((_, index) => index % options.blindsPerAddress === 0).slice(0, SIZED_ANSWERS);
  await verifyFindings(privateUrl, profile, known, unlisted, [small.exposureId]);
  const smallBytes = await answerBytes(privateUrl, sized, profile);
  print(
    `profile argon2id m=${hashing.memoryKiB} KiB t=${hashing.iterations} p=${hashing.parallelism}, list rows in ${hashing.bucketBits}-bit buckets; ` +
      `a private query names ${profile.bucketBits} bits and is answered with ${profile.digestBytes}-byte digests; rate limits off`,
  );
  print(
    `queries: ${fmt(options.addresses)} addresses through argon2id, plus ${KNOWN_ADDRESSES} listed and ${KNOWN_ADDRESSES} unlisted (${hashSeconds.toFixed(1)} s), ` +
      `${options.blindsPerAddress} blindings each: ${fmt(queries.length)} distinct bodies`,
  );
  print(`small list: ${fmt(small.records)} rows through PUT /api/v1/admin/exposures/{id}/list, published (${small.seconds.toFixed(1)} s)`);

  const key = await OprfKey.load(secretKey);
  const store = listStores.redis(client, prefix);
  await store.bindIdentity({ freshStore: false });
  const large = await loadLargeList({
    baseUrl: baseUrl,
    token,
    store,
    known: known.map((a) => listEntryOf(a, hashing, key)),
    rows: options.largeRows,
  });
  await verifyFindings(privateUrl, profile, known, unlisted, [small.exposureId, large.exposureId]);
  const largeBytes = await answerBytes(privateUrl, sized, profile);
  print(`large list: ${fmt(large.records)} random rows through ListStore beginVersion/addEntries/activate, published (${large.seconds.toFixed(1)} s)`);
  print(
    `both live and public from here on; through the private check the ${KNOWN_ADDRESSES} listed addresses are found in both lists, ` +
      `the ${KNOWN_ADDRESSES} unlisted in neither`,
  );
  print();
  print(`1. answer bytes of POST /api/v1/private-check (whole JSON body, ${sized.length} queries of distinct addresses), limit 32 KiB = ${fmt(ANSWER_LIMIT_BYTES)}:`);
  const bytesRow = (label: string, bytes: { mean: number; max: number }) =>
    print(`   ${label.padEnd(40)} mean ${fmt(bytes.mean).padStart(6)}   max ${fmt(bytes.max).padStart(6)} bytes   ${verdict(bytes.max < ANSWER_LIMIT_BYTES)}`);
  bytesRow(`${fmt(small.records)}-row list, live alone:`, smallBytes);
  bytesRow(`${fmt(large.records)}-row list, the small one beside:`, largeBytes);
  print();
  return { privateUrl, profile, hashing, queries, bodies };
}

function printLoad(figures: LoadFigures[], options: PrivateBenchOptions, raw: number): void {
  const byLabel = new Map(figures.map((figure) => [figure.label, figure]));
  const get = (label: string) => byLabel.get(label) as LoadFigures;
  print(
    `3. POST /api/v1/private-check, one query per request: autocannon, ${options.connections} connections in all (shared among the processes), ` +
      `${options.rounds} round${options.rounds === 1 ? '' : 's'} of ${options.seconds} s per row, the rows alternating, after ${options.warmUp} s of warm-up per process:`,
  );
  print(`   ${''.padEnd(28)} checks/s      p50      p99   not 200  no answer   CPU ms per check: servers  Redis  load generator   free-core bound`);
  for (const figure of figures) {
    // CPU per check hardly depends on what else runs on the machine; the cores divided by what the
    // servers and Redis spend per check is the rate they would reach with the load generator
    // elsewhere and nothing else running.
    const bound = (availableParallelism() * 1000) / (figure.cpuMs.servers + figure.cpuMs.redis);
    print(
      `   ${figure.label.padEnd(28)} ${fmt(figure.perSecond).padStart(8)} ${figure.p50.toFixed(1).padStart(6)} ms ${figure.p99.toFixed(1).padStart(6)} ms ` +
        `${String(figure.notOk).padStart(9)} ${String(figure.failures).padStart(10)}   ${figure.cpuMs.servers.toFixed(2).padStart(24)} ${figure.cpuMs.redis.toFixed(2).padStart(6)} ` +
        `${figure.cpuMs.generator.toFixed(2).padStart(15)}   ${fmt(bound).padStart(15)}/s`,
    );
  }
  const bad = figures.filter((figure) => figure.notOk > 0 || figure.failures > 0);
  for (const figure of bad) print(`   ${figure.label}: ${figure.statuses}, ${figure.failures} without answer`);
  print();
  const best = figures.filter((figure) => figure.label.startsWith('service')).reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
  print(`   targets:`);
  print(
    `   private checks/s, ${best.label} (the better): ${fmt(best.perSecond)}   target >= ${fmt(TARGET_PER_SECOND)}   ${verdict(best.perSecond >= TARGET_PER_SECOND)}` +
      `   (reference A on every core: ${fmt(raw)}/s; the service reaches ${((best.perSecond / raw) * 100).toFixed(1)}% of it)`,
  );
  for (const processes of ['1 process', '2 processes']) {
    const ratio = get(`service, ${processes}`).perSecond / get(`bare node:http, ${processes}`).perSecond;
    print(`   service / bare handler, ${processes.padEnd(11)}: ${(ratio * 100).toFixed(0).padStart(3)}%   target >= ${TARGET_OF_BARE * 100}%   ${verdict(ratio >= TARGET_OF_BARE)}`);
  }
}

/** Context, not a target: the server-side check (argon2id on the server) with every hash slot busy, as bench:check loads it. */
async function printServerSideCheck(service: BuiltServer, seconds: number): Promise<void> {
  const queue = loadConfig({}).checkQueue;
  const connections = queue.maxRunning + queue.maxWaiting;
  const bodies = Array.from({ length: 64 }, (_, i) => JSON.stringify({ email: `server.side.${i}@bench.example` }));
  const load = await closedLoad({ urls: [`${service.baseUrl}/api/v1/check`], bodies, connections, seconds });
  const ok = load.answers.filter((answer) => answer.status === 200).length;
  print();
  print(
    `4. context: server-side POST /api/v1/check on the 1-process service, ${connections} connections (its queue's places), ${seconds} s, not warmed up: ` +
      `${fmt(ok / seconds, 1)} checks/s (${statusCounts(load.answers)}${load.failures > 0 ? `, ${load.failures} without answer` : ''}); bench:check measures it properly`,
  );
}

/** The blindings of one address spread apart, so that consecutive requests name different buckets. */
function interleaved(queries: readonly PreparedQuery[], perAddress: number): PreparedQuery[] {
  const addresses = queries.length / perAddress;
  return Array.from({ length: queries.length }, (_, i) => queries[(i % addresses) * perAddress + Math.floor(i / addresses)] as PreparedQuery);
}
