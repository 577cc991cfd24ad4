// First, before anything can start libuv's threadpool: the reference hashes on it, one thread per core.
import '../src/cli/hash-list/reserve-threadpool';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism as cores, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { newHashingProfile, type HashingProfile } from '../src/hashing/hashing-profile';
import { argon2idOf } from '../src/hashing/list-entry';
import { normalizeEmail } from '../src/hashing/normalize-email';
import { ensureThreadpoolSize, hashingConcurrency } from '../src/shared/threadpool-size';
import { runScript } from './run-script';

/**
 * `npm run bench:hash`: scripts/hash-list on 2,000 synthetic addresses with the default profile,
 * beside its ceiling measured in the same run: raw argon2id of the same profile on the same
 * normalized addresses, in-process, with as many hashes in flight. Target: at least 90% of it.
 */
const ADDRESSES = 2000;
const TARGET_RATIO = 0.9;
const DEFAULT_COSTS = { memoryKiB: 19456, iterations: 2, parallelism: 1 };
/** USER_HZ, 100 on every mainstream Linux build. */
const CLOCK_TICKS_PER_SECOND = 100;

interface Timing {
  seconds: number;
  cpuSeconds: number | null;
}

function syntheticAddresses(count: number): string[] {
  const domains = ['example.jp', 'example.com', 'mail.example.co.jp', 'ＥＸＡＭＰＬＥ．ＪＰ'];
  return Array.from({ length: count }, (_, i) => `Customer.${i}+bench@${domains[i % domains.length] ?? 'example.jp'}`);
}

/**
 * CPU seconds of this process's finished children (Linux /proc; null elsewhere). On a machine
 * shared with other work, wall-clock rates swing with the load; CPU per row does not.
 */
async function childrenCpuSeconds(): Promise<number | null> {
  try {
    const stat = await readFile('/proc/self/stat', 'utf8');
    // Fields after the command name (which may hold spaces): cutime and cstime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[13]) + Number(fields[14]);
    return Number.isFinite(ticks) ? ticks / CLOCK_TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}

/** Runs the built hash-list as an operator would, and times it from spawn to exit. */
async function timeHashList(args: string[]): Promise<Timing> {
  const cpuBefore = await childrenCpuSeconds();
  const startedAt = performance.now();
  const seconds = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'hash-list.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve((performance.now() - startedAt) / 1000);
      else reject(new Error(`hash-list exited with ${code}: ${stdout}${stderr}`));
    });
  });
  const cpuAfter = await childrenCpuSeconds();
  return { seconds, cpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
}

/** The ceiling: `concurrency` hashes in flight, nothing else (no reading, ordering or writing). */
async function timeRawArgon2(normalized: string[], profile: HashingProfile, concurrency: number): Promise<Timing> {
  const startedAt = performance.now();
  const cpuBefore = process.cpuUsage();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < normalized.length; i = next++) await argon2idOf(normalized[i] ?? '', profile);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const cpu = process.cpuUsage(cpuBefore);
  return { seconds: (performance.now() - startedAt) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

runScript(async () => {
  const concurrency = hashingConcurrency();
  // Already sized by reserve-threadpool; asked again only to print the size in effect.
  const threadpool = ensureThreadpoolSize(process.env, concurrency + 1);
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-hash-'));
  try {
    const profile = newHashingProfile(DEFAULT_COSTS, new Date());
    const profileFile = path.join(dir, 'profile.json');
    const inputFile = path.join(dir, 'addresses.txt');
    const outFile = path.join(dir, 'list.txt');
    const addresses = syntheticAddresses(ADDRESSES);
    await writeFile(profileFile, JSON.stringify(profile));
    await writeFile(inputFile, `${addresses.join('\n')}\n`);

    const normalized = addresses.map(normalizeEmail);
    const loadBefore = loadavg()[0] ?? NaN;
    // The reference runs before and after, so that a change in the machine's load during the
    // run (other work on shared cores) weighs on both sides alike.
    const rawBefore = await timeRawArgon2(normalized, profile, concurrency);
    const script = await timeHashList(['--profile', profileFile, '--out', outFile, inputFile]);
    const rawAfter = await timeRawArgon2(normalized, profile, concurrency);
    const loadAfter = loadavg()[0] ?? NaN;
    const rows = (await readFile(outFile, 'utf8')).split('\n').filter((line) => /^[0-9a-f]{64}$/.test(line)).length;
    if (rows !== ADDRESSES) throw new Error(`hash-list wrote ${rows} rows, expected ${ADDRESSES}`);

    const rate = (timing: Timing) => ADDRESSES / timing.seconds;
    const cpuPerRow = (timing: Timing) => (timing.cpuSeconds === null ? 'n/a' : `${((timing.cpuSeconds / ADDRESSES) * 1000).toFixed(1)} ms`);
    const rawRate = (rate(rawBefore) + rate(rawAfter)) / 2;
    const ratio = rate(script) / rawRate;
    const verdict = ratio >= TARGET_RATIO ? 'meets' : 'BELOW';
    const rawCpu = rawBefore.cpuSeconds !== null && rawAfter.cpuSeconds !== null ? (rawBefore.cpuSeconds + rawAfter.cpuSeconds) / 2 : null;
    const cpuRatio = script.cpuSeconds === null || rawCpu === null ? 'n/a' : `${((rawCpu / script.cpuSeconds) * 100).toFixed(1)}%`;
    const busy = Math.max(loadBefore, loadAfter) > cores() ? ' (more runnable work than cores: other processes share them, so rates swing)' : '';
    process.stdout.write(
      [
        `profile argon2id m=${profile.memoryKiB} KiB t=${profile.iterations} p=${profile.parallelism}; ${ADDRESSES} addresses; ` +
          `${concurrency} hashes in flight (os.availableParallelism); threadpool ${threadpool} threads`,
        `load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, on ${cores()} cores${busy}`,
        `hash-list (child process, spawn to exit):  ${rate(script).toFixed(1).padStart(7)} rows/s  (${script.seconds.toFixed(2)} s; CPU ${cpuPerRow(script)}/row)`,
        `reference, raw argon2id in-process:        ${rawRate.toFixed(1).padStart(7)} rows/s  ` +
          `(${rate(rawBefore).toFixed(1)} before, ${rate(rawAfter).toFixed(1)} after; CPU ${cpuPerRow(rawBefore)}/row, ${cpuPerRow(rawAfter)}/row)`,
        `ratio: ${(ratio * 100).toFixed(1)}% of the reference; target >= ${TARGET_RATIO * 100}%: ${verdict}`,
        `CPU efficiency (load-independent): the reference spends ${cpuRatio} of hash-list's CPU time per row`,
        '',
      ].join('\n'),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
