import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import ts from 'typescript';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../../src/config/config';
import { generateOprfSecretKey } from '../../src/hashing/oprf-key';
import { until } from '../support/eventually';
import { freePort } from '../support/redis-server';
import { startTestService } from '../support/test-app';

/*
 * No Docker engine runs where the tests run, so these tests read docker-compose.yml and the
 * Dockerfile as data and hold them to the code they deploy: the config schema, the build output,
 * the ports. Compose's own `${...}` interpolation is reproduced below for the same reason.
 */

const ROOT = path.resolve(__dirname, '../..');
const APP = 'app';
const REDIS = 'redis';
const REDIS_DEFAULT_PORT = 6379;
const OPERATOR_URL = 'https://www.example.co.jp/news/2026/0401.html';

type HostEnv = Record<string, string | undefined>;

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: (string | number | { target?: number | string; published?: number | string })[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  stop_grace_period?: string;
  volumes?: (string | { type?: string; source?: string; target?: string })[];
}

interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

function readCompose(): ComposeFile {
  return parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as ComposeFile;
}

function service(compose: ComposeFile, name: string): ComposeService {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no "${name}" service`);
  return found;
}

/** The environment as written (before interpolation), from either compose syntax; null = "take it from the host". */
function rawEnvironment(svc: ComposeService): Record<string, string | null> {
  const env = svc.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const at = entry.indexOf('=');
        return at === -1 ? [entry, null] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(
    Object.entries(env).map(([name, value]) => [name, value === null ? null : String(value)]),
  );
}

/** Compose's variable interpolation: $$, $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?err}, ${VAR?err}, ${VAR:+alt}. */
function interpolate(value: string, host: HostEnv): string {
  const pattern = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
  return value.replace(pattern, (match, braced?: string, operator?: string, argument?: string, bare?: string) => {
    if (match === '$$') return '$';
    const name = (braced ?? bare) as string;
    const given = host[name];
    const unsetOrEmpty = given === undefined || given === '';
    switch (operator) {
      case ':-':
        return unsetOrEmpty ? (argument ?? '') : given;
      case '-':
        return given === undefined ? (argument ?? '') : given;
      case ':?':
        if (unsetOrEmpty) throw new Error(`required variable ${name} is missing a value: ${argument}`);
        return given;
      case '?':
        if (given === undefined) throw new Error(`required variable ${name} is missing a value: ${argument}`);
        return given;
      case ':+':
        return unsetOrEmpty ? '' : (argument ?? '');
      case '+':
        return given === undefined ? '' : (argument ?? '');
      default:
        // Compose would substitute "" with a warning; a test wants every bare reference supplied.
        if (given === undefined) throw new Error(`variable ${name} is not set and has no default`);
        return given;
    }
  });
}

/** The environment the container receives when compose runs on a host with `host` set. */
function resolvedEnvironment(svc: ComposeService, host: HostEnv): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const [name, value] of Object.entries(rawEnvironment(svc))) {
    const final = value === null ? host[name] : interpolate(value, host);
    if (final !== undefined) resolved[name] = final;
  }
  return resolved;
}

function containerPorts(svc: ComposeService): number[] {
  return (svc.ports ?? []).map((entry) => {
    if (typeof entry === 'object') return Number(entry.target);
    const withoutProtocol = String(entry).split('/')[0] as string;
    return Number(withoutProtocol.slice(withoutProtocol.lastIndexOf(':') + 1));
  });
}

function commandWords(svc: ComposeService): string[] {
  const command = svc.command ?? [];
  return Array.isArray(command) ? command.map(String) : command.trim().split(/\s+/);
}

/** Where redis-server listens: its --port option, else Redis's default. */
function redisListenPort(svc: ComposeService): number {
  const words = commandWords(svc);
  const at = words.indexOf('--port');
  return at === -1 ? REDIS_DEFAULT_PORT : Number(words[at + 1]);
}

/** redis-server with the compose file's arguments, on a free loopback port and a data directory of its own. */
async function startRedisFromCompose(args: string[]): Promise<{ url: string; dir: string; stop(): Promise<void> }> {
  const port = await freePort();
  const dir = await mkdtemp(path.join(tmpdir(), 'xc-compose-redis-'));
  const child = spawn('redis-server', [...args, '--port', String(port), '--bind', '127.0.0.1', '--dir', dir], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { maxRetriesPerRequest: 1, retryStrategy: () => 50, lazyConnect: true });
  await until('redis-server answers', async () => ((await probe.connect().then(() => probe.ping(), () => undefined)) === 'PONG' ? true : undefined));
  probe.disconnect();
  return {
    url,
    dir,
    stop: async () => {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

function healthcheckText(svc: ComposeService): string {
  const test = svc.healthcheck?.test;
  return Array.isArray(test) ? test.join(' ') : (test ?? '');
}

interface Instruction {
  keyword: string;
  args: string;
}

/** The Dockerfile's instructions, grouped by stage (each starting with its FROM). */
function readDockerfileStages(): Instruction[][] {
  const text = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
  const logicalLines: string[] = [];
  let pending = '';
  for (const line of text.split('\n')) {
    if (/^\s*#/.test(line)) continue;
    if (/\\\s*$/.test(line)) {
      pending += line.replace(/\\\s*$/, ' ');
      continue;
    }
    const full = (pending + line).trim();
    pending = '';
    if (full !== '') logicalLines.push(full);
  }
  const stages: Instruction[][] = [];
  for (const line of logicalLines) {
    const keyword = line.split(/\s+/)[0] ?? '';
    const instruction = { keyword: keyword.toUpperCase(), args: line.slice(keyword.length).trim() };
    if (instruction.keyword === 'FROM') stages.push([]);
    stages[stages.length - 1]?.push(instruction);
  }
  return stages;
}

function runtimeStage(): Instruction[] {
  const stages = readDockerfileStages();
  const last = stages[stages.length - 1];
  if (!last) throw new Error('Dockerfile has no FROM');
  return last;
}

function instructions(stage: Instruction[], keyword: string): string[] {
  return stage.filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.args);
}

/** ENV in both forms: `ENV A=1 B=2` and the legacy `ENV A 1`. */
function dockerfileEnv(stage: Instruction[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const args of instructions(stage, 'ENV')) {
    const words = args.split(/\s+/);
    if (!words[0]?.includes('=')) {
      env[words[0] ?? ''] = words.slice(1).join(' ');
      continue;
    }
    for (const word of words) {
      const at = word.indexOf('=');
      env[word.slice(0, at)] = word.slice(at + 1).replace(/^"(.*)"$/, '$1');
    }
  }
  return env;
}

function cmdOf(stage: Instruction[]): string[] {
  const cmds = instructions(stage, 'CMD');
  const last = cmds[cmds.length - 1];
  if (last === undefined) throw new Error('the runtime stage has no CMD');
  // Exec form only: the shell form would make node a child of sh and swallow SIGTERM.
  return JSON.parse(last) as string[];
}

/** The file `npm run build` writes for `source`, relative to the package root, from the build's tsconfig. */
function builtFileFor(source: string): { included: boolean; output: string } {
  const configPath = path.join(ROOT, 'tsconfig.build.json');
  const { config, error } = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, ROOT, undefined, configPath);
  const absoluteSource = path.join(ROOT, source);
  const outDir = parsed.options.outDir ?? ROOT;
  const rootDir = parsed.options.rootDir ?? ROOT;
  const output = path
    .relative(ROOT, path.join(outDir, path.relative(rootDir, absoluteSource)))
    .replace(/\.ts$/, '.js')
    .split(path.sep)
    .join('/');
  return { included: parsed.fileNames.map((file) => path.normalize(file)).includes(absoluteSource), output };
}

function hexKey(): string {
  return Buffer.from(generateOprfSecretKey()).toString('hex');
}

describe('docker-compose.yml', () => {
  it('when the app service sets environment variables, then each is one the service reads', () => {
    const names = Object.keys(rawEnvironment(service(readCompose(), APP)));

    expect(names.length).toBeGreaterThan(0);
    const unknown = names.filter((name) => !(CONFIG_VARIABLES as readonly string[]).includes(name));
    expect(unknown).toEqual([]);
  });

  it('when the app connects to Redis, then REDIS_URL names the redis service and the port it listens on', () => {
    const compose = readCompose();
    const redisUrl = rawEnvironment(service(compose, APP)).REDIS_URL;

    expect(redisUrl).toEqual(expect.any(String));
    const url = new URL(redisUrl as string);
    expect(url.protocol).toBe('redis:');
    expect(url.hostname).toBe(REDIS);
    expect(Number(url.port || REDIS_DEFAULT_PORT)).toBe(redisListenPort(service(compose, url.hostname)));
  });

  it('when OPRF_SECRET_KEY is not set on the host, then compose refuses to start rather than run without it', () => {
    const raw = rawEnvironment(service(readCompose(), APP)).OPRF_SECRET_KEY;

    expect(raw).toMatch(/^\$\{OPRF_SECRET_KEY:\?[^}]+\}$/);
    expect(() => interpolate(raw as string, {})).toThrow(/OPRF_SECRET_KEY/);
    expect(() => interpolate(raw as string, { OPRF_SECRET_KEY: '' })).toThrow(/OPRF_SECRET_KEY/);
  });

  it('when OPERATOR_URL is not set on the host, then compose refuses to start a page that cannot name who runs it', () => {
    const raw = rawEnvironment(service(readCompose(), APP)).OPERATOR_URL;

    expect(raw).toMatch(/^\$\{OPERATOR_URL:\?[^}]+\}$/);
    expect(() => interpolate(raw as string, {})).toThrow(/OPERATOR_URL/);
    expect(() => interpolate(raw as string, { OPERATOR_URL: '' })).toThrow(/OPERATOR_URL/);
  });

  it('when the host sets OPERATOR_URL but no name, then config validation stops the app naming both name variables', () => {
    const app = service(readCompose(), APP);
    const containerEnv = {
      ...dockerfileEnv(runtimeStage()),
      ...resolvedEnvironment(app, { OPRF_SECRET_KEY: hexKey(), OPERATOR_URL: OPERATOR_URL }),
    };

    expect(() => loadConfig(containerEnv)).toThrow(/OPERATOR_NAME_JA nor OPERATOR_NAME_EN/);
  });

  it('when Redis restarts, then its data survives: append-only file on a named volume', () => {
    const compose = readCompose();
    const redis = service(compose, REDIS);
    const words = commandWords(redis);

    expect(words[0]).toBe('redis-server');
    expect(words[words.indexOf('--appendonly') + 1]).toBe('yes');
    const dataVolume = (redis.volumes ?? [])
      .map((volume) => (typeof volume === 'string' ? volume.split(':') : [volume.source, volume.target]))
      .find(([, target]) => target === '/data');
    expect(dataVolume).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(dataVolume?.[0]);
  });

  it('when compose runs Redis, then it never evicts: its own command gives a redis-server that the app starts on', async () => {
    const words = commandWords(service(readCompose(), REDIS)).map((word) => interpolate(word, {}));
    expect(words[words.indexOf('--maxmemory-policy') + 1]).toBe('noeviction');
    expect(words[words.indexOf('--maxmemory') + 1]).toMatch(/^\d+(gb|mb)$/);
    const redisUrl = await startRedisFromCompose(words.slice(1));
    const dir = redisUrl.dir;
    try {
      const app = await startTestService({ store: 'redis', env: { REDIS_URL: redisUrl.url } });
      await app.close();
    } finally {
      await redisUrl.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([APP, REDIS])('when compose runs the %s service, then it has a healthcheck', (name) => {
    const healthcheck = service(readCompose(), name).healthcheck;

    expect(healthcheck?.disable).not.toBe(true);
    const test = healthcheck?.test;
    const words = Array.isArray(test) ? test : [test];
    expect(['CMD', 'CMD-SHELL']).toContain(words[0]);
    expect(words.length).toBeGreaterThan(1);
  });

  it('when the healthchecks run, then the app probes its readiness and redis answers PING', () => {
    const compose = readCompose();

    expect(healthcheckText(service(compose, APP))).toMatch(/fetch\(.*\/readyz/);
    expect(healthcheckText(service(compose, REDIS))).toMatch(/redis-cli\b.*\bping\b/i);
  });

  it('when compose stops the app, then it waits longer than the app takes to drain before killing it', () => {
    const app = service(readCompose(), APP);
    const drainSeconds = Number(rawEnvironment(app).SHUTDOWN_TIMEOUT_SECONDS);
    const grace = /^(\d+)s$/.exec(String(app.stop_grace_period ?? ''));

    expect(Number.isInteger(drainSeconds)).toBe(true);
    expect(grace).not.toBeNull();
    expect(Number(grace?.[1])).toBeGreaterThan(drainSeconds);
  });

  it('when the app starts, then it waits for redis to be healthy', () => {
    const dependsOn = service(readCompose(), APP).depends_on;

    expect(Array.isArray(dependsOn)).toBe(false);
    expect((dependsOn as Record<string, { condition?: string }>)[REDIS]?.condition).toBe('service_healthy');
  });

  it('when compose runs the app (with REDIS_URL), then it listens on every interface, so the published port reaches it', () => {
    const app = service(readCompose(), APP);
    const containerEnv = {
      ...dockerfileEnv(runtimeStage()),
      ...resolvedEnvironment(app, { OPRF_SECRET_KEY: hexKey(), OPERATOR_NAME_EN: 'Example Motors', OPERATOR_URL: OPERATOR_URL }),
    };

    expect(containerEnv.REDIS_URL).toEqual(expect.any(String));
    expect(loadConfig(containerEnv).host).toBeUndefined();
  });

  it('when the app is published, then the container port is the PORT it is given', () => {
    const app = service(readCompose(), APP);
    const port = Number(rawEnvironment(app).PORT);

    expect(Number.isInteger(port)).toBe(true);
    expect(containerPorts(app)).toEqual([port]);
  });

  it.each([
    [
      'the host sets every variable',
      {
        OPRF_SECRET_KEY: hexKey(),
        ADMIN_API_TOKEN: randomBytes(24).toString('hex'),
        METRICS_TOKEN: randomBytes(24).toString('hex'),
        OPERATOR_NAME_JA: '例モーターズ株式会社',
        OPERATOR_NAME_EN: 'Example Motors',
        OPERATOR_URL: OPERATOR_URL,
      },
    ],
    [
      'the host leaves the optional variables unset',
      { OPRF_SECRET_KEY: hexKey(), OPERATOR_NAME_EN: 'Example Motors', OPERATOR_URL: OPERATOR_URL },
    ],
  ])('when %s, then config validation accepts the container environment', (_case, host: HostEnv) => {
    const compose = readCompose();
    const app = service(compose, APP);
    const containerEnv = { ...dockerfileEnv(runtimeStage()), ...resolvedEnvironment(app, host) };

    const config = loadConfig(containerEnv);

    expect(config.redis).toEqual({ kind: 'single', url: containerEnv.REDIS_URL });
    expect(config.oprfSecretKey).toEqual(Uint8Array.from(Buffer.from(host.OPRF_SECRET_KEY as string, 'hex')));
    expect(config.adminApiToken).toBe(host.ADMIN_API_TOKEN);
    expect(config.metricsToken).toBe(host.METRICS_TOKEN);
    expect(config.operator).toEqual({
      name: {
        ...(host.OPERATOR_NAME_JA !== undefined && { ja: host.OPERATOR_NAME_JA }),
        ...(host.OPERATOR_NAME_EN !== undefined && { en: host.OPERATOR_NAME_EN }),
      },
      url: host.OPERATOR_URL,
    });
    expect(containerPorts(app)).toContain(config.port);
  });
});

describe('Dockerfile', () => {
  it('when the image starts, then it runs the server file that `npm run build` produces', () => {
    const built = builtFileFor('src/server.ts');
    const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };

    expect(existsSync(path.join(ROOT, 'src/server.ts'))).toBe(true);
    expect(built.included).toBe(true);
    expect(packageJson.scripts.build).toMatch(/\btsc -p tsconfig\.build\.json\b/);
    expect(cmdOf(runtimeStage())).toEqual(['node', built.output]);
    expect(packageJson.scripts.start).toBe(`node ${built.output}`);
  });

  it('when the runtime image is assembled, then it holds the build output, the templates and package.json', () => {
    const stage = runtimeStage();
    const copies = instructions(stage, 'COPY');
    const workdir = instructions(stage, 'WORKDIR').pop() ?? '/';
    const destinations = copies.map((args) => path.posix.resolve(workdir, args.split(/\s+/).pop() ?? ''));

    expect(copies.some((args) => /^--from=\S+\s+\S*\/dist\s+\S+$/.test(args))).toBe(true);
    expect(destinations).toEqual(expect.arrayContaining([`${workdir}/dist`, `${workdir}/views`]));
    expect(copies.some((args) => /(^|\s)package\.json\s/.test(args))).toBe(true);
    expect(instructions(stage, 'RUN').join('\n')).toMatch(/npm ci --omit=dev/);
  });

  it('when the container runs, then it runs as the unprivileged node user', () => {
    expect(instructions(runtimeStage(), 'USER').pop()).toBe('node');
  });

  it('when the image is run, then EXPOSE is the PORT the image sets and the port compose publishes', () => {
    const stage = runtimeStage();
    const exposed = instructions(stage, 'EXPOSE').flatMap((args) => args.split(/\s+/).map((port) => Number(port.split('/')[0])));
    const composePort = Number(rawEnvironment(service(readCompose(), APP)).PORT);

    expect(exposed).toEqual([Number(dockerfileEnv(stage).PORT)]);
    expect(exposed).toEqual([composePort]);
  });

  it('when Docker probes the container, then node fetches /healthz (slim images have no curl)', () => {
    const healthchecks = instructions(runtimeStage(), 'HEALTHCHECK');

    expect(healthchecks).toHaveLength(1);
    expect(healthchecks[0]).toMatch(/CMD \["node", "-e", ".*fetch\(.*\/healthz/);
  });
});
