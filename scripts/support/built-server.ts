import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../src/http/package-root';

export interface BuiltServer {
  baseUrl: string;
  pid: number;
  /** What it printed, for the error message when something goes wrong. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited within 10 s; resolves once it has exited. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;

/**
 * Starts the compiled server (dist/src/server.js) as a child process with exactly `env` (plus
 * PATH), and resolves once GET /readyz answers 200: listening, and its store reachable.
 */
export async function startBuiltServer(env: Record<string, string>, port: number): Promise<BuiltServer> {
  const root = packageRoot();
  const entry = path.join(root, 'dist', 'src', 'server.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [entry], {
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
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const server: BuiltServer = {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid ?? -1,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(killer);
    },
  };
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${output}`);
    const ready = await fetch(`${server.baseUrl}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return server;
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`the server did not become ready within ${READY_TIMEOUT_MS} ms: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
