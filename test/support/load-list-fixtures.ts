import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Cluster, Redis } from 'ioredis';
import type { HashingProfile } from '../../src/hashing/hashing-profile';
import { argon2idOf } from '../../src/hashing/list-entry';
import { ADMIN_TOKEN, FAST_ARGON2 } from '../admin/admin-fixtures';
import { runBuilt, spawnBuilt, startBuiltServer, type BuiltProcess, type ProcessResult, type RunningServer } from './built-process';
import { callApi, createExposureOver } from './http-api';
import { freePort } from './redis-server';
import { hexKey, NO_RATE_LIMITS } from './test-app';
import { keysMatching, sharedStoreEnv, uniquePrefix } from './test-redis';

export const LOAD_LIST = 'scripts/load-list.js';

/**
 * Rows of a list meant to be interrupted: ~20 MB, far more than the socket buffers between client
 * and server hold (a few MB), so the client is still sending when it or the server is killed,
 * however fast the server imports.
 */
export const LARGE_LIST_ROWS = 300_000;

/** The environment of a server process on the shared store under `prefix`, admin API open, cheap argon2. */
export function serverEnvironment(prefix: string, oprfKeyHex: string): Record<string, string> {
  return {
    ...sharedStoreEnv(),
    REDIS_KEY_PREFIX: prefix,
    OPRF_SECRET_KEY: oprfKeyHex,
    ADMIN_API_TOKEN: ADMIN_TOKEN,
    ...FAST_ARGON2,
    // These tests check many addresses from 127.0.0.1; the budgets are tested in test/abuse/.
    ...NO_RATE_LIMITS,
    // Its start and upload logs explain a failing test (startBuiltServer keeps the tail).
    LOG_LEVEL: 'info',
  };
}

export interface LoadListCall {
  server: string;
  exposureId: string;
  files: readonly string[];
  publish?: boolean;
  /** EXPOSURE_CHECK_TOKEN; the right admin token unless given; null leaves it unset. */
  token?: string | null;
}

function loadListInvocation(call: LoadListCall): { env: Record<string, string>; args: string[] } {
  const token = call.token === undefined ? ADMIN_TOKEN : call.token;
  return {
    env: token === null ? {} : { EXPOSURE_CHECK_TOKEN: token },
    args: ['--server', call.server, '--exposure', call.exposureId, ...(call.publish ? ['--publish'] : []), ...call.files],
  };
}

/** dist/scripts/load-list.js run to completion, as an operator runs it (stderr is a pipe: no progress bar). */
export function runLoadList(call: LoadListCall, timeoutMs = 60_000): Promise<ProcessResult> {
  const { env, args } = loadListInvocation(call);
  return runBuilt(LOAD_LIST, env, timeoutMs, args);
}

/** dist/scripts/load-list.js started; the test decides when it ends. */
export function startLoadList(call: LoadListCall): BuiltProcess {
  const { env, args } = loadListInvocation(call);
  return spawnBuilt(LOAD_LIST, env, args);
}

export function temporaryDirectory(name: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `${name}-`));
}

/** The bucket keys of one version of an exposure's list (layout: src/lists/redis-list-store.ts). */
export function listVersionKeys(redis: Redis | Cluster, prefix: string, exposureId: string, version: number | '*'): Promise<string[]> {
  return keysMatching(redis, `${globEscaped(prefix)}lists:{*}:${globEscaped(exposureId)}/${version}`);
}

function globEscaped(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

export interface ServerWithList {
  /** The server's environment, to start it again on the same store. */
  env: Record<string, string>;
  prefix: string;
  server: RunningServer;
  profile: HashingProfile;
  exposureId: string;
}

/**
 * A server process on a fresh key prefix with a published exposure whose list, version 1, holds
 * `address` (already in normal form), loaded through load-list.
 */
export async function startServerWithListedAddress(address: string, dir: string): Promise<ServerWithList> {
  const prefix = uniquePrefix('load-list');
  const env = serverEnvironment(prefix, hexKey());
  const server = await startBuiltServer(env, await freePort());
  try {
    const profile = (await callApi(server.baseUrl, 'GET', '/api/v1/hashing-profile')).body as HashingProfile;
    const exposureId = await createExposureOver(server.baseUrl);
    const file = path.join(dir, `${exposureId}-version-1.txt`);
    await writeFile(file, `# profile: ${profile.id}\n${(await argon2idOf(address, profile)).toString('hex')}\n`);
    const loaded = await runLoadList({ server: server.baseUrl, exposureId, files: [file], publish: true });
    if (loaded.code !== 0) throw new Error(`loading version 1 failed: ${loaded.stderr}`);
    return { env, prefix, server, profile, exposureId };
  } catch (error) {
    await server.kill();
    throw error;
  }
}

export { writeRandomListFile } from '../../scripts/support/random-list-file';
