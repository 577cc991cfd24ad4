import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export interface ProcessResult {
  code: number | null;
  /** The signal that ended the process, if one did (set by spawnBuilt). */
  signal?: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Path of a compiled entry point; `npm test` builds first (pretest). */
export function built(relative: string): string {
  const file = path.join(ROOT, 'dist', relative);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does it for you)`);
  return file;
}

/** Runs a compiled script to completion with exactly the given environment (plus PATH). */
export function runBuilt(
  relative: string,
  env: Record<string, string>,
  timeoutMs = 30_000,
  args: readonly string[] = [],
): Promise<ProcessResult> {
  const running = spawnBuilt(relative, env, args);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    running.kill('SIGKILL');
  }, timeoutMs);
  return running.finished.then((result) => {
    clearTimeout(timer);
    if (timedOut) throw new Error(`${relative} did not finish in ${timeoutMs} ms; stderr: ${result.stderr}`);
    return result;
  });
}

export interface BuiltProcess {
  pid: number;
  /** Resolves when the process has exited, with everything it wrote. */
  finished: Promise<ProcessResult>;
  /** Output so far; to wait for a process to reach a point. */
  output(): { stdout: string; stderr: string };
  kill(signal: NodeJS.Signals): void;
}

/** Starts a compiled script with arguments and exactly the given environment (plus PATH); the caller decides when it ends. */
export function spawnBuilt(relative: string, env: Record<string, string>, args: readonly string[] = []): BuiltProcess {
  const child = spawn(process.execPath, [built(relative), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const finished = new Promise<ProcessResult>((resolve, reject) => {
    child.on('error', reject);
    // 'close', not 'exit': all output has been read by then.
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    pid: child.pid ?? -1,
    finished,
    output: () => ({ stdout, stderr }),
    kill: (signal) => {
      child.kill(signal);
    },
  };
}

// One launcher for tests and benchmarks: it waits for /readyz, so the store is reachable too.
export { startBuiltServer, type BuiltServer as RunningServer } from '../../scripts/support/built-server';
