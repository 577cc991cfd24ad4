import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { generateOprfSecretKey } from '../../src/hashing/oprf-key';

/*
 * docker-compose.yml read as data, for the tests that hold it to the code it deploys (no Docker
 * engine runs where the tests run). Compose's own `${...}` interpolation is reproduced here for the
 * same reason. Nothing here starts a process.
 */

export const ROOT = path.resolve(__dirname, '../..');
export const APP = 'app';
export const REDIS = 'redis';
export const REDIS_DEFAULT_PORT = 6379;
export const OPERATOR_URL = 'https://www.example.co.jp/news/2026/0401.html';

export type HostEnv = Record<string, string | undefined>;

export interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: (string | number | { target?: number | string; published?: number | string })[];
  network_mode?: string;
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  stop_grace_period?: string;
  volumes?: (string | { type?: string; source?: string; target?: string })[];
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

export function readCompose(): ComposeFile {
  return parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as ComposeFile;
}

export function service(compose: ComposeFile, name: string): ComposeService {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no "${name}" service`);
  return found;
}

export function hexKey(): string {
  return Buffer.from(generateOprfSecretKey()).toString('hex');
}

/** A Redis password as the compose file's header says to make one (openssl rand -hex 32). */
export function redisPassword(): string {
  return randomBytes(32).toString('hex');
}

/** What the host must set for compose to start at all (the `${VAR:?...}` variables), plus `extra`. */
export function requiredHostEnv(extra: HostEnv = {}): HostEnv {
  return { OPRF_SECRET_KEY: hexKey(), REDIS_PASSWORD: redisPassword(), OPERATOR_NAME_EN: 'Example Motors', OPERATOR_URL, ...extra };
}

/** The environment as written (before interpolation), from either compose syntax; null = "take it from the host". */
export function rawEnvironment(svc: ComposeService): Record<string, string | null> {
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
export function interpolate(value: string, host: HostEnv): string {
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
export function resolvedEnvironment(svc: ComposeService, host: HostEnv): Record<string, string> {
  const resolved: Record<string, string> = {};
  for (const [name, value] of Object.entries(rawEnvironment(svc))) {
    const final = value === null ? host[name] : interpolate(value, host);
    if (final !== undefined) resolved[name] = final;
  }
  return resolved;
}

export function containerPorts(svc: ComposeService): number[] {
  return (svc.ports ?? []).map((entry) => {
    if (typeof entry === 'object') return Number(entry.target);
    const withoutProtocol = String(entry).split('/')[0] as string;
    return Number(withoutProtocol.slice(withoutProtocol.lastIndexOf(':') + 1));
  });
}

/** The command as written; the string form split on blanks (the file uses no quoting in it). */
export function commandWords(svc: ComposeService): string[] {
  const command = svc.command ?? [];
  return Array.isArray(command) ? command.map(String) : command.trim().split(/\s+/);
}

/** The command as the container runs it on a host with `host` set. */
export function resolvedCommand(svc: ComposeService, host: HostEnv): string[] {
  return commandWords(svc).map((word) => interpolate(word, host));
}

/** The words after `--option` up to the next option, for each time it is given (redis-server's argument syntax). */
export function optionGroups(words: readonly string[], option: string): string[][] {
  const groups: string[][] = [];
  let current: string[] | undefined;
  for (const word of words) {
    if (word.startsWith('--')) {
      current = word === option ? [] : undefined;
      if (current !== undefined) groups.push(current);
    } else {
      current?.push(word);
    }
  }
  return groups;
}

/** Each `--user name rule...` of a redis-server command: ACL rules by user name (a user given twice gets both, in order, as Redis does). */
export function redisUsers(words: readonly string[]): Map<string, string[]> {
  const users = new Map<string, string[]>();
  for (const [name, ...rules] of optionGroups(words, '--user')) users.set(name ?? '', [...(users.get(name ?? '') ?? []), ...rules]);
  return users;
}

/** Where redis-server listens: its --port option, else Redis's default. */
export function redisListenPort(svc: ComposeService): number {
  const words = commandWords(svc);
  const at = words.indexOf('--port');
  return at === -1 ? REDIS_DEFAULT_PORT : Number(words[at + 1]);
}

export function healthcheckText(svc: ComposeService): string {
  const test = svc.healthcheck?.test;
  return Array.isArray(test) ? test.join(' ') : (test ?? '');
}

/** ACL rules naming commands younger than some Redis release, with the release that added them. */
const COMMANDS_SINCE: Readonly<Record<string, string>> = { 'client|setinfo': '7.2.0' };

function versionNumber(version: string): number {
  const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
  return major * 1_000_000 + minor * 1_000 + patch;
}

/**
 * A redis-server command for an older local redis-server (`version`, as `redis-server --version`
 * prints it after v=): without the `+command` rules it would refuse as unknown. The dropped rules
 * are returned so a test can say what it could not check. Every other word is kept as written.
 */
export function forRedisVersion(words: readonly string[], version: string): { words: string[]; dropped: string[] } {
  const tooNew = (word: string) => {
    const since = COMMANDS_SINCE[word.replace(/^[+-]/, '')];
    return /^[+-]/.test(word) && since !== undefined && versionNumber(version) < versionNumber(since);
  };
  return { words: words.filter((word) => !tooNew(word)), dropped: words.filter(tooNew) };
}
