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

export interface RunningServer {
  baseUrl: string;
  /** Milliseconds from spawn until the server logged that it listens. */
  startMs: number;
  stop(): Promise<number | null>;
  /** SIGKILL: the server gets no chance to clean up, as in a crash. Resolves once it is gone. */
  kill(): Promise<void>;
}

/** Starts dist/src/server.js and resolves once it logs that it listens. */
export function startBuiltServer(env: Record<string, string>, port: number): Promise<RunningServer> {
  const startedAt = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [built('src/server.js')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start: ${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on')) {
        clearTimeout(timer);
        resolve({
          baseUrl: `http://127.0.0.1:${port}`,
          startMs: performance.now() - startedAt,
          stop: () =>
            new Promise((done) => {
              child.once('exit', (code) => done(code));
              child.kill('SIGTERM');
            }),
          kill: () =>
            new Promise((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGKILL');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${output}`));
    });
  });
}
