import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { Cluster, type Redis } from 'ioredis';
import { serverUrl } from '../src/cli/admin-client/admin-target';
import { uploadList } from '../src/cli/admin-client/upload-list';
import { argon2idOf, generateOprfSecretKey, listEntryOf, normalizeEmail, OprfKey } from '../src/hashing';
import { RedisListStore } from '../src/lists/redis-list-store';
import { checkPrivately } from '../src/private-check-client';
import { runScript } from './run-script';
import { createBenchExposure } from './support/bench-exposure';
import { startBuiltServer, type BuiltServer } from './support/built-server';
import { writeListDirectly } from './support/direct-list';
import { writeRandomListFile } from './support/random-list-file';
import { startRedisCluster, type RedisCluster } from './support/redis-cluster';
import { freePort } from './support/redis-server';

/**
 * `npm run bench:cluster [-- --upload-rows N --large-rows N]` (issue 16): a Redis Cluster of 3
 * masters and 3 replicas of its own, the built server on it (REDIS_CLUSTER_NODES), then
 *   1. a list of 1,000,000 random rows through PUT /api/v1/admin/exposures/{id}/list: rows/s, Redis
 *      bytes per row (the masters' used_memory growth), and how keys and memory spread over the masters;
 *   2. a large list of 10,000,000 random rows (and a few known addresses) written through the
 *      ListStore API as bench:private writes its large list (an argon2 output per row would take
 *      days to hash), then checks against it: server-side and private, right answers and latency;
 *   3. what the figures project for 1 billion rows.
 * Run it on an otherwise idle machine; it removes everything it started.
 */
const MB = 1_000_000;
const GB = 1_000_000_000;
const BILLION = 1_000_000_000;
// A cloud node's usable memory for data: e.g. a 32 GB node with maxmemory at ~80% (headroom for forks, buffers).
const NODE_DATA_BYTES = 25 * GB;
const KNOWN = ['kenji.tanaka@example.jp', 'yuki.sato@example.jp', 'm.ito@example.com', 'h.suzuki@example.co.jp'];
const UNKNOWN = ['nobody.1@example.org', 'nobody.2@example.org', 'nobody.3@example.org', 'nobody.4@example.org'];

runScript(async () => {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number) => {
    const index = args.indexOf(name);
    const value = index === -1 ? fallback : Number(args[index + 1]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a whole number`);
    return value;
  };
  const uploadRows = option('--upload-rows', 1_000_000);
  const largeRows = option('--large-rows', 10_000_000);
  let cluster: RedisCluster | undefined;
  let server: BuiltServer | undefined;
  let client: Cluster | undefined;
  let dir: string | undefined;
  try {
    const load = loadavg()[0] ?? 0;
    const startedAt = performance.now();
    cluster = await startRedisCluster();
    const secretKey = generateOprfSecretKey();
    const token = randomBytes(24).toString('hex');
    const prefix = 'bench:';
    server = await startBuiltServer(
      { REDIS_CLUSTER_NODES: cluster.nodes, REDIS_KEY_PREFIX: prefix, OPRF_SECRET_KEY: Buffer.from(secretKey).toString('hex'), ADMIN_API_TOKEN: token, LOG_LEVEL: 'warn', RATE_LIMIT_PER_IP: '0', RATE_LIMIT_PER_IPV6_64: '0', RATE_LIMIT_GLOBAL: '0' },
      await freePort(),
    );
    // Not the service's client (connectRedis): its 2 s command timeout is for checks, and the large
    // list's writes of 2^18 rows a pipeline keep a node busy for longer than that.
    client = new Cluster(cluster.ports.map((port) => ({ host: '127.0.0.1', port })), { redisOptions: { maxRetriesPerRequest: 1 } });
    await new Promise<void>((resolve, reject) => {
      client?.once('ready', resolve);
      client?.once('error', reject);
    });
    const masters = client.nodes('master');
    const out = (line: string) => process.stdout.write(`${line}\n`);
    out(`bench:cluster: 3 masters + 3 replicas (redis-server ${await redisVersion(masters[0] as Redis)}), the built server on REDIS_CLUSTER_NODES; ${availableParallelism()} cores, load average ${load.toFixed(2)} at start`);

    // 1. Upload through HTTP.
    const small = await createBenchExposure(server.baseUrl, token, 'Cluster import benchmark');
    dir = await mkdtemp(path.join(tmpdir(), 'bench-cluster-'));
    const file = path.join(dir, 'list.txt');
    await writeRandomListFile(file, uploadRows, small.profile.id);
    const before = await perMaster(masters, `${prefix}lists:`);
    const uploadStart = performance.now();
    const summary = await uploadList({ target: { server: serverUrl(server.baseUrl), token }, exposureId: small.exposureId, files: [file] });
    const uploadSeconds = (performance.now() - uploadStart) / 1000;
    const afterUpload = await perMaster(masters, `${prefix}lists:`);
    const uploadRate = summary.records / uploadSeconds;
    const uploadBytes = sum(afterUpload.map((node, index) => node.usedMemory - (before[index]?.usedMemory ?? 0)));
    out('');
    out(`1. ${fmt(summary.records)} random rows through PUT /api/v1/admin/exposures/{id}/list in ${fmt(uploadSeconds, 1)} s: ${fmt(uploadRate)} rows/s (one server process, 2 cores)`);
    const uploadKeyBytes = sum(afterUpload.map((node, index) => node.listKeyBytes - (before[index]?.listKeyBytes ?? 0)));
    out(
      `   Redis bytes per row: ${fmt(uploadBytes / summary.records, 1)} (masters' used_memory growth; MEMORY USAGE of the list keys: ` +
        `${fmt(uploadKeyBytes / summary.records, 1)}); target <= 12 as on one Redis; replicas hold as much again`,
    );
    spread(out, afterUpload, before, summary.records);

    // 2. A large list through the store API, then checks against it.
    const large = await createBenchExposure(server.baseUrl, token, 'Cluster large list');
    const key = await OprfKey.load(secretKey);
    const known = await Promise.all(KNOWN.map(async (address) => listEntryOf(await argon2idOf(normalizeEmail(address), large.profile), large.profile, key)));
    const store = new RedisListStore(client, prefix);
    await store.bindIdentity({ freshStore: false });
    const written = await writeListDirectly(store, { exposureId: large.exposureId, profileId: large.profile.id, bucketBits: large.profile.bucketBits, known, rows: largeRows });
    await fetch(`${server.baseUrl}/api/v1/admin/exposures/${large.exposureId}/publish`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }).then(async (response) => {
      if (!response.ok) throw new Error(`publish answered ${response.status}: ${await response.text()}`);
    });
    const afterLarge = await perMaster(masters, `${prefix}lists:`);
    const largeBytes = sum(afterLarge.map((node, index) => node.usedMemory - (afterUpload[index]?.usedMemory ?? 0)));
    const bytesPerRow = largeBytes / written.records;
    out('');
    out(`2. ${fmt(written.records)} rows through ListStore beginVersion/addEntries/activate in ${fmt(written.seconds, 1)} s (${fmt(written.records / written.seconds)} rows/s), published`);
    const largeKeyBytes = sum(afterLarge.map((node, index) => node.listKeyBytes - (afterUpload[index]?.listKeyBytes ?? 0)));
    out(
      `   Redis bytes per row: ${fmt(bytesPerRow, 2)} (used_memory growth; MEMORY USAGE of its keys: ${fmt(largeKeyBytes / written.records, 2)}); ` +
        `the masters' used_memory in all: ${fmt(sum(afterLarge.map((node) => node.usedMemory)) / MB, 1)} MB`,
    );
    spread(out, afterLarge, afterUpload, written.records);
    // Wait out the catalogue snapshot, so the published list is in the checks' catalogue.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const serverChecks = await timed([...KNOWN, ...UNKNOWN], async (address) => {
      const response = await fetch(`${server?.baseUrl}/api/v1/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: address }) });
      const body = (await response.json()) as { exposures?: { id: string }[] };
      return response.status === 200 && (body.exposures ?? []).some((exposure) => exposure.id === large.exposureId) === KNOWN.includes(address);
    });
    const privateChecks = await timed([...KNOWN, ...UNKNOWN, ...KNOWN, ...UNKNOWN], async (address) => {
      const outcome = await checkPrivately(address, server?.baseUrl ?? '');
      return outcome.kind === 'checked' && outcome.found.includes(large.exposureId) === KNOWN.includes(address);
    });
    out(`   server-side checks (argon2id on the server), one at a time: ${serverChecks.right}/${serverChecks.count} right, p50 ${fmt(serverChecks.p50)} ms, max ${fmt(serverChecks.max)} ms`);
    out(`   private checks (argon2id here, then the protocol), one at a time: ${privateChecks.right}/${privateChecks.count} right, p50 ${fmt(privateChecks.p50)} ms, max ${fmt(privateChecks.max)} ms`);

    // 3. Projection.
    const totalBytes = bytesPerRow * BILLION;
    const nodes = Math.ceil(totalBytes / NODE_DATA_BYTES);
    out('');
    out(`3. 1,000,000,000 rows at ${fmt(bytesPerRow, 2)} bytes per row: ${fmt(totalBytes / GB, 1)} GB of list data on the masters (as much again on the replicas)`);
    out(`   on 3 masters: ${fmt(totalBytes / 3 / GB, 1)} GB each; at ${fmt(NODE_DATA_BYTES / GB)} GB of data per node (a 32 GB node, maxmemory ~80%): ${nodes} masters + ${nodes} replicas,`);
    out(`   plus room for the largest list once more while it is replaced (staged at ~20 bytes a row)`);
    out(
      `   as many lists (companies) of a few million rows each: each has its own 4,096 bucket keys; one list of 1,000,000,000 rows would put ` +
        `${fmt(BILLION / 4096)} rows in a 12-bit bucket (${fmt((BILLION / 4096) * 8 / MB, 1)} MB per key and per private answer) and needs finer stored buckets`,
    );
    for (const workers of [1, 4, 16]) {
      out(`   import with ${String(workers).padStart(2)} upload worker${workers === 1 ? ' ' : 's'} (2-core server processes at ${fmt(uploadRate)} rows/s each): ${fmt(BILLION / (uploadRate * workers) / 3600, 1)} hours`);
    }
    out('');
    out(`${fmt((performance.now() - startedAt) / 1000)} s in all; load average ${(loadavg()[0] ?? 0).toFixed(2)} at the end`);
  } finally {
    client?.disconnect();
    await server?.stop();
    await cluster?.stop();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  }
});

interface MasterFigures {
  port: number;
  usedMemory: number;
  listKeys: number;
  listKeyBytes: number;
}

/**
 * Each master's used_memory, once the keys an upload deleted (UNLINK frees in the background) are
 * freed, and its list keys: how many, and their MEMORY USAGE summed.
 */
async function perMaster(masters: readonly Redis[], listPrefix: string): Promise<MasterFigures[]> {
  return Promise.all(
    masters.map(async (node) => {
      for (let waited = 0; waited < 10_000 && /^lazyfree_pending_objects:([1-9]\d*)/m.test(await node.info('memory')); waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const memory = Number(/^used_memory:(\d+)/m.exec(await node.info('memory'))?.[1]);
      let listKeys = 0;
      let listKeyBytes = 0;
      let cursor = '0';
      do {
        const [next, keys] = await node.scan(cursor, 'MATCH', `${listPrefix}*`, 'COUNT', 10_000);
        cursor = next;
        listKeys += keys.length;
        const usage = node.pipeline();
        for (const key of keys) usage.memory('USAGE', key);
        for (const [, bytes] of (await usage.exec()) ?? []) listKeyBytes += Number(bytes ?? 0);
      } while (cursor !== '0');
      return { port: node.options.port ?? 0, usedMemory: memory, listKeys, listKeyBytes };
    }),
  );
}

function spread(out: (line: string) => void, after: readonly MasterFigures[], before: readonly MasterFigures[], rows: number): void {
  after.forEach((node, index) => {
    const grown = node.usedMemory - (before[index]?.usedMemory ?? 0);
    const keyBytes = node.listKeyBytes - (before[index]?.listKeyBytes ?? 0);
    out(
      `   master :${node.port}: ${fmt(node.listKeys - (before[index]?.listKeys ?? 0)).padStart(6)} list keys, ` +
        `used_memory +${fmt(grown / MB, 1).padStart(6)} MB (${fmt((100 * grown) / Math.max(1, sum(after.map((n, i) => n.usedMemory - (before[i]?.usedMemory ?? 0))))).padStart(2)}%), ` +
        `MEMORY USAGE of its list keys +${fmt(keyBytes / MB, 1)} MB (${fmt(keyBytes / rows, 2)} bytes per row of the whole list)`,
    );
  });
}

async function timed(addresses: readonly string[], check: (address: string) => Promise<boolean>): Promise<{ count: number; right: number; p50: number; max: number }> {
  const times: number[] = [];
  let right = 0;
  for (const address of addresses) {
    const start = performance.now();
    if (await check(address)) right += 1;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { count: addresses.length, right, p50: times[Math.floor(times.length / 2)] ?? 0, max: times.at(-1) ?? 0 };
}

async function redisVersion(node: Redis): Promise<string> {
  return /^redis_version:(\S+)/m.exec(await node.info('server'))?.[1] ?? '?';
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function fmt(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
