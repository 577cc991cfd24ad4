import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';

// A throwaway redis-server for the tests (jest globalSetup, tests that restart Redis) and for the
// benchmarks, which measure against a real one: one implementation for both.

export interface RedisServer {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts a throwaway redis-server (no persistence) on a free port; `port` reuses one, e.g. to restart. */
export async function startRedisServer(port?: number): Promise<RedisServer> {
  if (spawnSync('redis-server', ['--version']).error) {
    throw new Error(
      'A real Redis is needed: set REDIS_URL to a Redis this may write keys to, or install redis-server ' +
        '(Debian: `bash scripts/install-system-packages.sh` installs it and the other tools the tests use).',
    );
  }
  const chosen = port ?? (await freePort());
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'],
    { stdio: 'ignore', detached: false },
  );
  const url = `redis://127.0.0.1:${chosen}`;
  await waitForPing(chosen);
  const stop = async () => {
    // A process ended by a signal has a signalCode and a null exitCode.
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  };
  return { url, port: chosen, pid: child.pid ?? -1, stop };
}

/** A raw RESP PING over a socket: no client library, so nothing lingers in jest's parent process. */
async function waitForPing(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const answered = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.setTimeout(1_000, () => socket.destroy());
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('+PONG'));
      });
      socket.once('error', () => resolve(false));
      socket.once('close', () => resolve(false));
    });
    if (answered) return;
    if (Date.now() > deadline) throw new Error(`redis-server did not answer on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
