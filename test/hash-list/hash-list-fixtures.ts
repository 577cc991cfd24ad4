import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newHashingProfile, type HashingProfile } from '../../src/hashing/hashing-profile';
import { argon2idOf } from '../../src/hashing/list-entry';
import { normalizeEmail } from '../../src/hashing/normalize-email';
import { built, type ProcessResult } from '../support/built-process';

/** Cheap argon2 costs (the server's minimum memory): these tests are about the tool, not argon2. */
export const FAST_COSTS = { memoryKiB: 8192, iterations: 1, parallelism: 1 };

/** A fresh temporary directory, removed by the returned function. */
export async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hash-list-test-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A profile as the server would create it, saved as the JSON of GET /api/v1/hashing-profile. */
export async function savedProfile(dir: string, costs = FAST_COSTS): Promise<{ profile: HashingProfile; file: string }> {
  const profile = newHashingProfile(costs, new Date());
  const file = path.join(dir, `profile-${profile.id}.json`);
  await writeFile(file, JSON.stringify(profile, null, 2));
  return { profile, file };
}

export interface RunningHashList {
  child: ChildProcess;
  result: Promise<ProcessResult>;
}

/** Starts dist/scripts/hash-list.js as an operator would (stderr is a pipe: no progress bar). */
export function startHashList(args: string[], timeoutMs = 120_000): RunningHashList {
  const child = spawn(process.execPath, [built('scripts/hash-list.js'), ...args], {
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const result = new Promise<ProcessResult>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`hash-list did not finish in ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
  return { child, result };
}

export function runHashList(args: string[], timeoutMs?: number): Promise<ProcessResult> {
  return startHashList(args, timeoutMs).result;
}

/** The data rows of a list file: everything but header and blank lines. */
export async function rowsOf(listFile: string): Promise<string[]> {
  return (await readFile(listFile, 'utf8')).split('\n').filter((line) => line !== '' && !line.startsWith('#'));
}

/** What each row must be, computed here with the server's own normalization and hashing. */
export async function expectedRows(addresses: string[], profile: HashingProfile): Promise<string[]> {
  const rows: string[] = [];
  for (const address of addresses) rows.push((await argon2idOf(normalizeEmail(address), profile)).toString('hex'));
  return rows;
}

/** Synthetic addresses whose local parts are easy to search for in outputs. */
export function syntheticAddresses(count: number, tag: string): string[] {
  return Array.from({ length: count }, (_, i) => `${tag}-${i}@example.jp`);
}


export interface SavedProgress {
  rowsWritten: number;
  dataRows: number;
  outputBytes: number;
  invalid: { count: number; firstLines: number[] };
}

/** The progress recorded in `<out>.progress`, or undefined while there is none (or it is being replaced). */
export async function checkpointProgress(outFile: string): Promise<SavedProgress | undefined> {
  try {
    return (JSON.parse(await readFile(`${outFile}.progress`, 'utf8')) as { progress: SavedProgress }).progress;
  } catch {
    return undefined;
  }
}
