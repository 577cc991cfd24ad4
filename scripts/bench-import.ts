import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { serverUrl } from '../src/cli/admin-client/admin-target';
import { uploadList } from '../src/cli/admin-client/upload-list';
import { DEFAULT_BUCKET_BITS } from '../src/hashing/hashing-profile';
import { ListEntryPool } from '../src/hashing/list-entry-pool';
import { generateOprfSecretKey } from '../src/hashing/oprf-key';
import { ARGON2_OUTPUT_BYTES, DEFAULT_BATCH_SIZE } from '../src/lists/list-file';
import { runScript } from './run-script';
import { withBenchRun, type BenchRun } from './support/bench-run';
import { createBenchExposure } from './support/bench-exposure';
import { startBuiltServer } from './support/built-server';
import { unusedPrefix } from './support/redis-prefix';
import { processCpuSeconds } from './support/process-cpu';
import { processMemory, sampleRss } from './support/process-memory';
import { writeRandomListFile } from './support/random-list-file';
import { redisCpuSeconds } from './support/redis-cpu';
import { freePort, startRedisServer } from './support/redis-server';

/**
 * `npm run bench:import [-- --rows N]`: loads a generated list (1,000,000 random rows by default)
 * through the HTTP API of the built server into a real Redis (REDIS_URL, or a redis-server of its
 * own), and prints rows/s, the server's RSS growth and Redis bytes per row beside their targets
 * (issue 3: 3.1M rows in under 10 minutes on 2 cores, < 150 MB; issue 15: <= 12 bytes/row), and beside the
 * reference limit measured in the same run: raw OPRF Evaluate on every core through the same
 * worker pool, without HTTP or Redis. It removes every key it wrote and stops what it started.
 */
const TARGET_ROWS_PER_S = 5_200;
const TARGET_RSS_GROWTH_MB = 150;
// Live lists are packed: 8 bytes a digest in one string per 12-bit bucket (src/lists/stored-buckets.ts).
const TARGET_BYTES_PER_ROW = 12;
const DEFAULT_ROWS = 1_000_000;
const REFERENCE_ROWS = 100_000;
const MB = 1_000_000;

runScript(async () => {
  const rows = rowsOption(process.argv.slice(2));
  await withBenchRun(async (run) => {
    process.stdout.write(report(await bench(run, rows)));
  });
});

interface Figures {
  rows: number;
  seconds: number;
  summary: { records: number; duplicates: number; version: number };
  /** Raw evaluation: rows per wall second, and CPU seconds per row (all threads of this process). */
  reference: { rowsPerSecond: number; cpuPerRow: number; threads: number };
  rss: { before: number; sampledPeak: number; highWater: number };
  redis: { usedMemoryGrowth: number; listKeys: number; listKeyBytes: number };
  cpu: { server: number; redis: number };
  load: { before: number; after: number };
}

async function bench(run: BenchRun, rows: number): Promise<Figures> {
  const loadBefore = loadavg()[0] ?? 0;
  const redisUrl = process.env.REDIS_URL ?? (run.redis = await startRedisServer()).url;
  const client = (run.client = new Redis(redisUrl, { maxRetriesPerRequest: 1 }));
  const prefix = (run.prefix = await unusedPrefix(client));
  const secretKey = generateOprfSecretKey();
  const adminToken = randomBytes(24).toString('hex');
  const server = (run.server = await startBuiltServer(
    {
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: prefix,
      OPRF_SECRET_KEY: Buffer.from(secretKey).toString('hex'),
      ADMIN_API_TOKEN: adminToken,
      LOG_LEVEL: 'warn',
    },
    await freePort(),
  ));
  const { exposureId, profile } = await createBenchExposure(server.baseUrl, adminToken, 'Import benchmark');
  run.dir = await mkdtemp(path.join(tmpdir(), 'bench-import-'));
  const listFile = path.join(run.dir, 'list.txt');
  await writeRandomListFile(listFile, rows, profile.id);

  // The same pool class, thread count and batch size as the server's; closed before the upload.
  run.pool = new ListEntryPool(secretKey);
  const reference = { ...(await evaluateRate(run.pool, Math.min(rows, REFERENCE_ROWS))), threads: run.pool.threads };
  await run.pool.close();
  run.pool = undefined;

  const redisMemoryBefore = await usedMemory(client);
  const redisCpuBefore = await redisCpuSeconds(client);
  const serverCpuBefore = processCpuSeconds(server.pid);
  const rssBefore = processMemory(server.pid).rss;
  const sampler = sampleRss(server.pid);
  const startedAt = performance.now();
  const summary = await uploadList({ target: { server: serverUrl(server.baseUrl), token: adminToken }, exposureId, files: [listFile] });
  const seconds = (performance.now() - startedAt) / 1000;
  const sampledPeak = sampler.stop();
  const { peakRss: highWater } = processMemory(server.pid);
  const cpu = { server: processCpuSeconds(server.pid) - serverCpuBefore, redis: (await redisCpuSeconds(client)) - redisCpuBefore };
  const listKeys = await memoryUsageOfKeys(client, `${prefix}lists:*`);
  return {
    rows,
    seconds,
    summary,
    reference,
    rss: { before: rssBefore, sampledPeak, highWater },
    redis: { usedMemoryGrowth: (await usedMemory(client)) - redisMemoryBefore, listKeys: listKeys.keys, listKeyBytes: listKeys.bytes },
    cpu,
    load: { before: loadBefore, after: loadavg()[0] ?? 0 },
  };
}

function report(figures: Figures): string {
  const { rows, seconds, summary, reference, rss, redis, cpu, load } = figures;
  const rate = rows / seconds;
  const rssGrowth = (rss.sampledPeak - rss.before) / MB;
  const bytesPerRow = redis.usedMemoryGrowth / summary.records;
  const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  const fmt = (value: number, digits = 0) =>
    value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return [
    `${fmt(rows)} random rows through PUT /api/v1/admin/exposures/{id}/list into ${process.env.REDIS_URL ? 'REDIS_URL' : 'a redis-server of its own'}; ` +
      `${availableParallelism()} cores, load average ${load.before.toFixed(2)} before, ${load.after.toFixed(2)} after`,
    `server answered: ${fmt(summary.records)} records, ${summary.duplicates} duplicates, version ${summary.version}, in ${seconds.toFixed(1)} s`,
    `import rate:         ${fmt(rate).padStart(7)} rows/s   target >= ${fmt(TARGET_ROWS_PER_S)}   ${verdict(rate >= TARGET_ROWS_PER_S)}` +
      `   (3.1M rows in ${(3_100_000 / rate / 60).toFixed(1)} min; limit 10)`,
    `reference limit:     ${fmt(reference.rowsPerSecond).padStart(7)} rows/s   raw OPRF Evaluate, same pool, ${reference.threads} threads, no HTTP or Redis` +
      ` (the import reaches ${((rate / reference.rowsPerSecond) * 100).toFixed(0)}% of it)`,
    `server RSS growth:   ${fmt(rssGrowth, 1).padStart(7)} MB       target < ${TARGET_RSS_GROWTH_MB}   ${verdict(rssGrowth < TARGET_RSS_GROWTH_MB)}` +
      `   (sampled peak ${fmt(rss.sampledPeak / MB, 1)} MB - ${fmt(rss.before / MB, 1)} MB before; VmHWM ${fmt(rss.highWater / MB, 1)} MB)`,
    `Redis bytes per row: ${fmt(bytesPerRow, 1).padStart(7)}          target <= ${TARGET_BYTES_PER_ROW}` +
      // Each bucket key costs ~100 bytes whatever it holds, so small lists cost more per row.
      `   ${rows >= DEFAULT_ROWS ? verdict(bytesPerRow <= TARGET_BYTES_PER_ROW) : `n/a (the target is for ${fmt(DEFAULT_ROWS)} rows)`}` +
      `   (used_memory growth; MEMORY USAGE of the ${fmt(redis.listKeys)} list keys: ${fmt(redis.listKeyBytes / summary.records, 1)};` +
      ` ${(summary.records / redis.listKeys).toFixed(1)} rows per key)`,
    `CPU during the upload: server ${cpu.server.toFixed(1)} s (all threads), Redis ${cpu.redis.toFixed(1)} s, in ${seconds.toFixed(1)} s of wall time`,
    // Other work on the machine depresses the rates above but hardly CPU time per row, whence
    // the rate these would give with every core free.
    `CPU per row:         server ${fmt((cpu.server / rows) * 1e6).padStart(4)} us, raw evaluation ${fmt(reference.cpuPerRow * 1e6)} us` +
      ` (on ${availableParallelism()} free cores: ~${fmt(availableParallelism() / (cpu.server / rows + cpu.redis / rows))} rows/s` +
      ` against ~${fmt(availableParallelism() / reference.cpuPerRow)} raw)`,
    '',
  ].join('\n');
}

/**
 * Rows per second through `pool.entriesOf` with the server's batch size and enough batches in
 * flight to keep every thread busy, once the threads have started; and the CPU time per row.
 */
async function evaluateRate(pool: ListEntryPool, rows: number): Promise<{ rowsPerSecond: number; cpuPerRow: number }> {
  const batch = () => Array.from({ length: DEFAULT_BATCH_SIZE }, () => randomBytes(ARGON2_OUTPUT_BYTES));
  await Promise.all(Array.from({ length: pool.threads }, () => pool.entriesOf(batch(), DEFAULT_BUCKET_BITS)));
  const batches = Math.max(1, Math.round(rows / DEFAULT_BATCH_SIZE));
  const startedAt = performance.now();
  const cpuBefore = process.cpuUsage();
  let next = 0;
  const worker = async () => {
    while (next < batches) {
      next += 1;
      await pool.entriesOf(batch(), DEFAULT_BUCKET_BITS);
    }
  };
  await Promise.all(Array.from({ length: pool.capacity }, worker));
  const seconds = (performance.now() - startedAt) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const evaluated = batches * DEFAULT_BATCH_SIZE;
  return { rowsPerSecond: evaluated / seconds, cpuPerRow: (cpu.user + cpu.system) / 1e6 / evaluated };
}

async function usedMemory(redis: Redis): Promise<number> {
  const match = /^used_memory:(\d+)/m.exec(await redis.info('memory'));
  if (match === null) throw new Error('INFO memory has no used_memory');
  return Number(match[1]);
}

async function memoryUsageOfKeys(redis: Redis, pattern: string): Promise<{ keys: number; bytes: number }> {
  let keys = 0;
  let bytes = 0;
  let cursor = '0';
  do {
    const [next, names] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    const pipeline = redis.pipeline();
    for (const name of names) pipeline.memory('USAGE', name, 'SAMPLES', '0');
    for (const [error, usage] of (await pipeline.exec()) ?? []) {
      if (error) throw error;
      keys += 1;
      bytes += Number(usage);
    }
  } while (cursor !== '0');
  return { keys, bytes };
}

function rowsOption(args: string[]): number {
  const index = args.indexOf('--rows');
  if (index === -1) return DEFAULT_ROWS;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error('--rows needs a positive whole number');
  return value;
}
