import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config/config';
import { seedDemo } from '../src/demo/seed-demo';
import { argon2idOf } from '../src/hashing/list-entry';
import { openService } from '../src/service';
import { runScript } from './run-script';

/**
 * `npm run bench:latency`: single-check latency through HTTP with the default profile, printed
 * beside its floor measured in the same run: one raw argon2id hash of the same profile.
 * Uses REDIS_URL (and its key) when set, the embedded demo store otherwise.
 */
const ROUNDS = 60;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const fmt = (value: number) => value.toFixed(1).padStart(6);
  return `p50 ${fmt(percentile(sorted, 50))} ms   p95 ${fmt(percentile(sorted, 95))} ms   max ${fmt(sorted.at(-1) ?? NaN)} ms`;
}

runScript(async () => {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...process.env });
  const logger = pino({ level: 'silent' });
  const startedAt = performance.now();
  const runtime = await openService(config, { logger });
  if (!runtime.demoMode) await seedDemo({ catalog: runtime.stores.catalog, lists: runtime.lists.service, profile: runtime.hashing.profile });
  const server = createApp(runtime).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const startMs = performance.now() - startedAt;
  const { port } = server.address() as AddressInfo;

  const raw: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    const t = performance.now();
    await argon2idOf(`reference-${i}@example.jp`, runtime.hashing.profile);
    raw.push(performance.now() - t);
  }
  const checks: number[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    const email = i % 2 === 0 ? 'taro.yamada@example.jp' : `miss-${i}@example.com`;
    const t = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    await response.json();
    checks.push(performance.now() - t);
    if (response.status !== 200) throw new Error(`check answered ${response.status}`);
  }
  server.close();
  await runtime.close();

  const p = runtime.hashing.profile;
  process.stdout.write(
    [
      `store: ${runtime.demoMode ? 'embedded demo store' : 'Redis'}; profile argon2id m=${p.memoryKiB} KiB t=${p.iterations} p=${p.parallelism}; ${ROUNDS} sequential rounds`,
      `start (open store, profile, seed demo, listen): ${startMs.toFixed(0)} ms`,
      `check via HTTP (hits and misses): ${summary(checks)}`,
      `reference, raw argon2id hash:     ${summary(raw)}`,
      `overhead over the reference at p50: ${(percentile([...checks].sort((a, b) => a - b), 50) - percentile([...raw].sort((a, b) => a - b), 50)).toFixed(1)} ms`,
      '',
    ].join('\n'),
  );
});
