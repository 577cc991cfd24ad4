import { readFile } from 'node:fs/promises';
import type { HashingProfile } from '../../hashing';
import { parseHashingProfile } from './hashing-profile-schema';
import { OperatorError } from './operator-error';

const PROFILE_PATH = '/api/v1/hashing-profile';
const FETCH_TIMEOUT_MS = 30_000;

/**
 * The profile to hash with, from `source`: a server's base URL (http or https), whose
 * GET /api/v1/hashing-profile is fetched, or a JSON file saved from that endpoint.
 */
export async function loadHashingProfile(source: string): Promise<HashingProfile> {
  if (/^https?:\/\//i.test(source)) return fromServer(source);
  return fromFile(source);
}

async function fromServer(baseUrl: string): Promise<HashingProfile> {
  let url: string;
  try {
    // Appended rather than resolved, so a base URL with a path prefix keeps it.
    url = new URL(`${baseUrl.replace(/\/+$/, '')}${PROFILE_PATH}`).toString();
  } catch (error) {
    throw new OperatorError(`--profile ${baseUrl} is not a valid URL.`, { usage: true, cause: error });
  }
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    throw new OperatorError(`Could not fetch the hashing profile from ${url}: ${reasonOf(error)}.`, { cause: error });
  }
  if (!response.ok) {
    throw new OperatorError(`Could not fetch the hashing profile: ${url} answered HTTP ${response.status}.`);
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    throw new OperatorError(`${url} did not answer with a JSON hashing profile: is it an Exposure Check server?`, { cause: error });
  }
  return parseHashingProfile(json, url);
}

async function fromFile(path: string): Promise<HashingProfile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new OperatorError(`Could not read the hashing profile file ${path}: ${reasonOf(error)}.`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new OperatorError(`The hashing profile file ${path} is not JSON.`, { cause: error });
  }
  return parseHashingProfile(json, path);
}

/** The system's error code (ENOENT, ECONNREFUSED, ...) where there is one: fetch hides it in `cause`. */
function reasonOf(error: unknown): string {
  const codeOf = (value: unknown): string | undefined =>
    typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'string' ? value.code : undefined;
  const cause = error instanceof Error ? error.cause : undefined;
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${FETCH_TIMEOUT_MS / 1000} s`;
  return codeOf(error) ?? codeOf(cause) ?? (error instanceof Error ? error.message : String(error));
}
