import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect } from 'node:net';
import { freePort } from '../support/redis-server';

/**
 * A redis-server that keeps its data across a crash (append-only file, fsync on every write), as
 * the deployment's does, so a restart brings the same lists back. Killed with SIGKILL: a crash,
 * not a polite shutdown.
 */
export interface PersistentRedis {
  url: string;
  crash(): Promise<void>;
  start(): Promise<void>;
  /** Crashes it if running and deletes its data directory. */
  dispose(): Promise<void>;
}

export async function persistentRedis(): Promise<PersistentRedis> {
  const port = await freePort();
  const dir = await mkdtemp(path.join(tmpdir(), 'xc-faults-redis-'));
  let child: ChildProcess | undefined;
  const url = `redis://127.0.0.1:${port}`;
  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--loglevel', 'warning'],
      { stdio: 'ignore' },
    );
    await waitUntilServing(port);
  };
  const crash = async () => {
    const running = child;
    if (running === undefined || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  const dispose = async () => {
    await crash();
    await rm(dir, { recursive: true, force: true });
  };
  return { url, crash, start, dispose };
}

/** Until PING answers PONG (not LOADING): the data is back. A raw socket, so no client lingers. */
async function waitUntilServing(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const answer = await new Promise<string>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.setTimeout(1_000, () => socket.destroy());
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString());
      });
      socket.once('error', () => resolve(''));
      socket.once('close', () => resolve(''));
    });
    if (answer.startsWith('+PONG')) return;
    if (Date.now() > deadline) throw new Error(`redis-server did not start serving on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
