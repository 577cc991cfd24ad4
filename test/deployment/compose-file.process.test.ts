import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import ts from 'typescript';
import { CONFIG_VARIABLES, loadConfig } from '../../src/config/config';
import { until } from '../support/eventually';
import { freePort } from '../support/redis-server';
import { startTestService } from '../support/test-app';
import {
  APP,
  commandWords,
  containerPorts,
  forRedisVersion,
  healthcheckText,
  hexKey,
  interpolate,
  OPERATOR_URL,
  rawEnvironment,
  readCompose,
  REDIS,
  REDIS_DEFAULT_PORT,
  redisListenPort,
  redisPassword,
  redisUsers,
  requiredHostEnv,
  resolvedCommand,
  resolvedEnvironment,
  ROOT,
  service,
  type HostEnv,
} from './compose-file';

/*
 * No Docker engine runs where the tests run, so these tests read docker-compose.yml and the
 * Dockerfile as data (./compose-file.ts) and hold them to the code they deploy: the config schema,
 * the build output, the ports. compose-redis-acl.process.test.ts runs the server on its Redis.
 */

/** The local redis-server's version (x.y.z). */
function localRedisVersion(): string {
  const version = /\bv=(\d+\.\d+\.\d+)/.exec(spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).stdout)?.[1];
  if (version === undefined) throw new Error('redis-server --version printed no version');
  return version;
}

/** redis-server with the compose file's arguments, on a free loopback port and a data directory of its own. */
async function startRedisFromCompose(args: string[], auth: string): Promise<{ url: string; dir: string; stop(): Promise<void> }> {
  const port = await freePort();
  const dir = await mkdtemp(path.join(tmpdir(), 'xc-compose-redis-'));
  const child = spawn('redis-server', [...args, '--port', String(port), '--bind', '127.0.0.1', '--dir', dir], { stdio: 'ignore' });
  const url = `redis://${auth}@127.0.0.1:${port}`;
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

describe('docker-compose.yml', () => {
  it('when the app service sets environment variables, then each is one the service reads', () => {
    const names = Object.keys(rawEnvironment(service(readCompose(), APP)));

    expect(names.length).toBeGreaterThan(0);
    const unknown = names.filter((name) => !(CONFIG_VARIABLES as readonly string[]).includes(name));
    expect(unknown).toEqual([]);
  });

  it('when the app connects to Redis, then REDIS_URL names the redis service, the port it listens on and its ACL user', () => {
    const compose = readCompose();
    const host = requiredHostEnv();
    const redisUrl = resolvedEnvironment(service(compose, APP), host).REDIS_URL;

    expect(redisUrl).toEqual(expect.any(String));
    const url = new URL(redisUrl as string);
    expect(url.protocol).toBe('redis:');
    expect(url.hostname).toBe(REDIS);
    expect(Number(url.port || REDIS_DEFAULT_PORT)).toBe(redisListenPort(service(compose, url.hostname)));
    expect(url.pathname).toBe('');
    const rules = redisUsers(resolvedCommand(service(compose, REDIS), host)).get(decodeURIComponent(url.username));
    expect(url.username).not.toBe('default');
    expect(rules).toContain(`>${host.REDIS_PASSWORD}`);
    expect(decodeURIComponent(url.password)).toBe(host.REDIS_PASSWORD);
  });

  it('when REDIS_PASSWORD is not set on the host, then compose refuses to start Redis or the app rather than run without one', () => {
    const compose = readCompose();
    const rawUrl = rawEnvironment(service(compose, APP)).REDIS_URL as string;
    const redis = service(compose, REDIS);

    for (const host of [{}, { REDIS_PASSWORD: '' }]) {
      expect(() => interpolate(rawUrl, host)).toThrow(/REDIS_PASSWORD/);
      expect(() => resolvedCommand(redis, host)).toThrow(/REDIS_PASSWORD/);
      expect(() => resolvedEnvironment(redis, host)).toThrow(/REDIS_PASSWORD/);
    }
  });

  it('when compose runs Redis, then it publishes no port: only the app, over the compose network, reaches it', () => {
    const redis = service(readCompose(), REDIS);

    expect(redis.ports ?? []).toEqual([]);
    expect(redis.network_mode).toBeUndefined();
  });

  it('when compose runs Redis, then the default user is off and the app\'s user has a password, its key prefix and only named commands', () => {
    const compose = readCompose();
    const host = requiredHostEnv();
    const users = redisUsers(resolvedCommand(service(compose, REDIS), host));
    const containerEnv = { ...dockerfileEnv(runtimeStage()), ...resolvedEnvironment(service(compose, APP), host) };
    const appUser = decodeURIComponent(new URL(containerEnv.REDIS_URL as string).username);
    const GRANTS_EVERYTHING = ['nopass', 'allcommands', '+@all', 'allkeys', '~*', '%R~*', '%W~*', '%RW~*', 'allchannels', '&*'];

    // The default user: switched off and left with nothing (reset = off, no password, no commands, no keys).
    const defaultRules = users.get('default') ?? [];
    expect(defaultRules).toContain('reset');
    expect(defaultRules.slice(defaultRules.lastIndexOf('reset'))).toEqual(['reset']);

    const rules = users.get(appUser) ?? [];
    expect(rules[0]).toBe('reset');
    expect(rules).toContain('on');
    expect(rules.filter((rule) => rule.startsWith('>'))).toEqual([`>${host.REDIS_PASSWORD}`]);
    expect(rules.filter((rule) => GRANTS_EVERYTHING.includes(rule))).toEqual([]);
    // Every grant after -@all, each a single command (or command|subcommand), never a category.
    const grants = rules.filter((rule) => rule.startsWith('+'));
    expect(rules.indexOf('-@all')).toBeGreaterThan(-1);
    expect(rules.findIndex((rule) => rule.startsWith('+'))).toBeGreaterThan(rules.indexOf('-@all'));
    expect(grants.filter((rule) => !/^\+[a-z]+(\|[a-z]+)?$/.test(rule))).toEqual([]);
    // Keys: exactly the app's own prefix (REDIS_KEY_PREFIX), and no pub/sub channels.
    expect(rules.filter((rule) => rule.startsWith('~') || rule.startsWith('%'))).toEqual([`~${loadConfig(containerEnv).redisKeyPrefix}*`]);
    expect(rules).toContain('resetchannels');
    expect([...users.keys()].sort()).toEqual(['default', appUser].sort());
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
      ...resolvedEnvironment(app, { OPRF_SECRET_KEY: hexKey(), REDIS_PASSWORD: redisPassword(), OPERATOR_URL: OPERATOR_URL }),
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
    const compose = readCompose();
    const host = requiredHostEnv();
    const words = resolvedCommand(service(compose, REDIS), host);
    expect(words[words.indexOf('--maxmemory-policy') + 1]).toBe('noeviction');
    expect(words[words.indexOf('--maxmemory') + 1]).toMatch(/^\d+(gb|mb)$/);
    const containerEnv = { ...dockerfileEnv(runtimeStage()), ...resolvedEnvironment(service(compose, APP), host) };
    const { username, password } = new URL(containerEnv.REDIS_URL as string);
    // Without the ACL rules of commands the local redis-server predates, if any.
    const local = forRedisVersion(words.slice(1), localRedisVersion());
    const redisUrl = await startRedisFromCompose(local.words, `${username}:${password}`);
    const dir = redisUrl.dir;
    try {
      // Under the compose file's key prefix: its ACL lets the app's user have no other keys.
      const app = await startTestService({ store: 'redis', prefix: loadConfig(containerEnv).redisKeyPrefix, env: { REDIS_URL: redisUrl.url } });
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
      ...resolvedEnvironment(app, requiredHostEnv()),
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
        REDIS_PASSWORD: redisPassword(),
        ADMIN_API_TOKEN: randomBytes(24).toString('hex'),
        METRICS_TOKEN: randomBytes(24).toString('hex'),
        OPERATOR_NAME_JA: '例モーターズ株式会社',
        OPERATOR_NAME_EN: 'Example Motors',
        OPERATOR_URL: OPERATOR_URL,
      },
    ],
    [
      'the host leaves the optional variables unset',
      { OPRF_SECRET_KEY: hexKey(), REDIS_PASSWORD: redisPassword(), OPERATOR_NAME_EN: 'Example Motors', OPERATOR_URL: OPERATOR_URL },
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

/** End of life of the Node LTS lines (github.com/nodejs/Release): the image must be on one still supported. */
const NODE_END_OF_LIFE: Readonly<Record<number, string>> = { 20: '2026-04-30', 22: '2027-04-30', 24: '2028-04-30', 26: '2029-04-30' };

describe('Dockerfile', () => {
  it('when the image is built, then every stage runs one Node LTS line that is supported today and that package.json accepts', () => {
    const images = readDockerfileStages().map((stage) => (stage[0]?.args ?? '').split(/\s+/)[0] ?? '');
    const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    const major = Number(/^node:(\d+)[.-]/.exec(images[0] ?? '')?.[1]);
    const minimum = /^>=(\d+)\.(\d+)$/.exec(packageJson.engines.node);

    expect(images.length).toBeGreaterThan(1);
    expect(new Set(images).size).toBe(1);
    expect(NODE_END_OF_LIFE[major]).toEqual(expect.any(String));
    expect(Date.parse(NODE_END_OF_LIFE[major] as string)).toBeGreaterThan(Date.now());
    // "engines" accepts both the image's Node and the Node the tests run on (20.19 or later).
    expect(minimum).not.toBeNull();
    const atLeast = (version: string) => {
      const [versionMajor = 0, versionMinor = 0] = version.split('.').map(Number);
      return versionMajor > Number(minimum?.[1]) || (versionMajor === Number(minimum?.[1]) && versionMinor >= Number(minimum?.[2]));
    };
    expect(atLeast(`${major}.0`)).toBe(true);
    expect(atLeast(process.versions.node)).toBe(true);
  });

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
