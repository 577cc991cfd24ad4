import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

// A throwaway Redis Cluster for the tests (jest globalSetup, failover tests) and the benchmarks,
// from the same redis-server as startRedisServer: nodes started with --cluster-enabled, joined by
// `redis-cli --cluster create`, ready once every node says cluster_state:ok and knows every node.

export interface RedisCluster {
  /** Every node as `127.0.0.1:port`, comma-separated: a value for REDIS_CLUSTER_NODES. */
  nodes: string;
  ports: number[];
  /** SIGKILL one node, as a crash would; resolves once it has exited. */
  kill(port: number): Promise<void>;
  /** Starts a killed node again on its port and configuration: it rejoins (as a replica if it was failed over). */
  restart(port: number): Promise<void>;
  /** SIGSTOP / SIGCONT one node: stopped, a replica misses its master's writes (a lagging replica). */
  pause(port: number): void;
  resume(port: number): void;
  stop(): Promise<void>;
}

export interface RedisClusterOptions {
  masters?: number;
  replicasPerMaster?: number;
  /**
   * cluster-node-timeout: how long a node may be unreachable before its replica takes over.
   * Default 15 s, Redis's own: on a loaded 2-core machine a node can stall for seconds, and a
   * failover nobody asked for loses the writes its master had acknowledged (a shared test cluster
   * must not). The failover suites, which kill masters on purpose, ask for 2 s.
   */
  nodeTimeoutMs?: number;
  /** More redis-server arguments for every node, after ours (a deployment's ACL users, memory...). */
  nodeArguments?: readonly string[];
  /**
   * The user this harness connects as (to create the cluster and watch it) and replicas replicate
   * as, when nodeArguments switch the default user off; it needs every command.
   */
  admin?: { username: string; password: string };
}

const READY_TIMEOUT_MS = 30_000;
// Cluster bus ports are port + 10000 and must be free too.
const BUS_OFFSET = 10_000;

export async function startRedisCluster(options: RedisClusterOptions = {}): Promise<RedisCluster> {
  const masters = options.masters ?? 3;
  const replicas = options.replicasPerMaster ?? 1;
  const nodeTimeout = options.nodeTimeoutMs ?? 15_000;
  for (const tool of ['redis-server', 'redis-cli']) {
    if (spawnSync(tool, ['--version']).error) {
      throw new Error(`A Redis Cluster for the tests needs ${tool} (Debian: \`bash scripts/install-system-packages.sh\` installs it).`);
    }
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'redis-cluster-'));
  const ports: number[] = [];
  const children = new Map<number, ChildProcess>();
  const admin = options.admin;
  const auth = admin ? ['--user', admin.username, '--pass', admin.password, '--no-auth-warning'] : [];
  const cli = (port: number, ...command: string[]) => cliReply(port, [...auth, ...command]);
  const start = (port: number) => {
    // A directory per node: an append-only file among nodeArguments is named the same on each.
    const nodeDir = path.join(dir, String(port));
    mkdirSync(nodeDir, { recursive: true });
    const child = spawn(
      'redis-server',
      [
        '--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes',
        '--cluster-config-file', path.join(dir, `nodes-${port}.conf`), '--cluster-node-timeout', String(nodeTimeout),
        '--save', '', '--appendonly', 'no', '--dir', nodeDir, '--loglevel', 'warning',
        // A replica's first sync at once, not after the default 5 s wait for more replicas: until
        // it has synced, a replica cannot take over from its master.
        '--repl-diskless-sync-delay', '0',
        ...(admin ? ['--masteruser', admin.username, '--masterauth', admin.password] : []),
        ...(options.nodeArguments ?? []),
      ],
      { stdio: 'ignore' },
    );
    children.set(port, child);
  };
  const kill = async (port: number) => {
    const child = children.get(port);
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  };
  const stop = async () => {
    await Promise.all(ports.map(kill));
    rmSync(dir, { recursive: true, force: true });
  };
  // A port found free may be taken by another process before redis-server binds it (the suites
  // start servers in parallel): such a node exits at once, and the next free port is tried.
  const startOnFreePort = async (): Promise<void> => {
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePortWithBus();
      if (ports.includes(port)) continue;
      start(port);
      const child = children.get(port) as ChildProcess;
      await until(() => cli(port, 'PING') === 'PONG' || child.exitCode !== null, `redis-server on ${port} did not answer`);
      if (child.exitCode === null) {
        ports.push(port);
        return;
      }
      children.delete(port);
      if (attempt === 5) throw new Error(`redis-server exited at start on ${attempt} free ports in turn (last: ${port}, code ${child.exitCode})`);
    }
  };
  try {
    while (ports.length < masters * (1 + replicas)) await startOnFreePort();
    const created = spawnSync(
      'redis-cli',
      [...auth, '--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', String(replicas), '--cluster-yes'],
      { encoding: 'utf8', timeout: READY_TIMEOUT_MS },
    );
    if (created.status !== 0) throw new Error(`redis-cli --cluster create failed: ${created.stdout}${created.stderr}`);
    await until(() => ports.every((port) => isReady(cli, port, ports.length, masters)), 'the cluster did not become ready');
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    nodes: ports.map((port) => `127.0.0.1:${port}`).join(','),
    ports,
    kill,
    restart: async (port) => {
      start(port);
      await until(() => cli(port, 'PING') === 'PONG', `redis-server on ${port} did not answer after its restart`);
    },
    pause: (port) => children.get(port)?.kill('SIGSTOP'),
    resume: (port) => children.get(port)?.kill('SIGCONT'),
    stop,
  };
}

/**
 * The node's view: cluster_state:ok, every node known and connected, with `masters` masters; and,
 * on a replica, its replication link up (a replica that never synced cannot be failed over to).
 */
function isReady(cli: (port: number, ...command: string[]) => string, port: number, nodes: number, masters: number): boolean {
  if (!/^cluster_state:ok/m.test(cli(port, 'CLUSTER', 'INFO'))) return false;
  const replication = cli(port, 'INFO', 'replication');
  if (/^role:slave/m.test(replication) && !/^master_link_status:up/m.test(replication)) return false;
  const lines = cli(port, 'CLUSTER', 'NODES').trim().split('\n');
  const connected = lines.filter((line) => / connected/.test(line) && !/fail|handshake|noaddr/.test(line.split(' ')[2] ?? ''));
  return connected.length === nodes && connected.filter((line) => /master/.test(line.split(' ')[2] ?? '')).length === masters;
}

function cliReply(port: number, args: readonly string[]): string {
  const result = spawnSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8', timeout: 5_000 });
  return result.status === 0 ? result.stdout.trim() : '';
}

async function until(condition: () => boolean, message: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A port below 55536 that is free, with its bus port (port + 10000) free too. */
async function freePortWithBus(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 35_000);
    if ((await isFree(port)) && (await isFree(port + BUS_OFFSET))) return port;
  }
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
