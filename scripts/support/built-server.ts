import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../src/shared/package-root';

export interface BuiltServer {
  baseUrl: string;
  pid: number;
  /** Milliseconds from spawn until /readyz first answered 200. */
  startMs: number;
  /** What it printed (the tail), for the error message when something goes wrong. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited within 10 s; resolves with its exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL, as a crash would end it; resolves once it has exited. */
  kill(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 10_000;

/**
 * Starts the compiled server (dist/src/server.js) as a child process with exactly `env` (plus
 * PATH), and resolves once GET /readyz answers 200: listening, and its store reachable. Shared by
 * the benchmarks and the tests that run the server as a process. `entry` (path parts under the
 * package root) starts another compiled script that listens on PORT and answers /readyz the same
 * way, such as a benchmark's reference server.
 */
export async function startBuiltServer(
  env: Record<string, string>,
  port: number,
  entry: readonly string[] = ['dist', 'src', 'server.js'],
): Promise<BuiltServer> {
  const startedAt = performance.now();
  const root = packageRoot();
  const entryFile = path.join(root, ...entry);
  if (!existsSync(entryFile)) throw new Error(`${entryFile} is missing: run \`npm run build\` first (npm test does it for you)`);
  const child = spawn(process.execPath, [entryFile], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    // Only the tail is kept: enough to explain a failure, bounded however long the run.
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const running = () => child.exitCode === null && child.signalCode === null;
  const server: BuiltServer = {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid ?? -1,
    startMs: 0,
    output: () => output,
    stop: async () => {
      if (!running()) return child.exitCode;
      const killer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      child.kill('SIGTERM');
      const code = await exited;
      clearTimeout(killer);
      return code;
    },
    kill: async () => {
      if (!running()) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (!running()) throw new Error(`the server exited with ${child.exitCode ?? child.signalCode}: ${output}`);
    const ready = await fetch(`${server.baseUrl}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { ...server, startMs: performance.now() - startedAt };
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`the server did not become ready within ${READY_TIMEOUT_MS} ms: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
