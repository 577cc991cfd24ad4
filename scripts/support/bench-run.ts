import { rm } from 'node:fs/promises';
import type Redis from 'ioredis';
import type { ListEntryPool } from '../../src/hashing/list-entry-pool';
import type { BuiltServer } from './built-server';
import { unlinkPrefix } from './redis-prefix';
import type { RedisServer } from './redis-server';

/** What a benchmark started and must stop or delete, filled in as it goes. */
export interface BenchRun {
  /** A temporary folder (generated list files). */
  dir?: string;
  redis?: RedisServer;
  client?: Redis;
  server?: BuiltServer;
  /** Further server processes (a benchmark running several side by side), all stopped at the end. */
  servers?: BuiltServer[];
  pool?: ListEntryPool;
  /** REDIS_KEY_PREFIX of this run, holding no key before it. */
  prefix?: string;
}

/**
 * Runs `bench` and then cleans up whatever it started, also on failure and on Ctrl-C, so a
 * benchmark never leaves a server, a redis-server or keys on a shared Redis behind.
 */
export async function withBenchRun(bench: (run: BenchRun) => Promise<void>): Promise<void> {
  const run: BenchRun = {};
  const cleanUp = once(() => cleanUpRun(run));
  process.once('SIGINT', () => {
    void cleanUp().finally(() => process.exit(130));
  });
  try {
    await bench(run);
  } finally {
    await cleanUp();
  }
}

/** Each step runs even if an earlier one failed; the first failure is reported. */
async function cleanUpRun(run: BenchRun): Promise<void> {
  const failures: unknown[] = [];
  const step = async (action: () => Promise<unknown>) => action().catch((error: unknown) => void failures.push(error));
  await step(async () => run.pool?.close());
  await step(async () => run.server?.stop());
  await step(async () => Promise.all((run.servers ?? []).map((server) => server.stop())));
  await step(async () => {
    if (run.client !== undefined && run.prefix !== undefined) await unlinkPrefix(run.client, run.prefix);
  });
  run.client?.disconnect();
  await step(async () => run.redis?.stop());
  await step(async () => {
    if (run.dir !== undefined) await rm(run.dir, { recursive: true, force: true });
  });
  if (failures.length > 0) throw new Error(`cleaning up failed: ${(failures[0] as Error).message}`);
}

function once(action: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= action());
}
