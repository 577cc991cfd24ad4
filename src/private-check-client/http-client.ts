import type { WireAnswer, WireParameters, WireQuery } from './protocol';

export const PRIVATE_CHECK_PATH = '/api/v1/private-check';

/** A refusal as the server words it (the API's error shape): a status and a code, never a verdict. */
export interface Refusal {
  ok: false;
  status: number;
  code: string;
  message: string;
  /** Whose budget a 429 spent: 'network' (the client's) or 'global' (everybody's). */
  scope: string | undefined;
  /** From Retry-After, when the server sent it (a rate limit, an overload, a 503). */
  retryAfterSeconds: number | undefined;
}

export type Answered<T> = { ok: true; body: T } | Refusal;

type Fetch = typeof fetch;

/** Step 1: the OPRF suite and the profiles of the live lists. */
export function fetchParameters(server: string, fetchImpl: Fetch = fetch): Promise<Answered<WireParameters>> {
  return exchange<WireParameters>(fetchImpl, new URL(PRIVATE_CHECK_PATH, server), { method: 'GET', headers: { accept: 'application/json' } });
}

/** Step 3: the bucket and blinded element of each profile; nothing else of the address. */
export function postQueries(server: string, queries: readonly WireQuery[], fetchImpl: Fetch = fetch): Promise<Answered<WireAnswer>> {
  return exchange<WireAnswer>(fetchImpl, new URL(PRIVATE_CHECK_PATH, server), {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ queries }),
    // Sent without cookies: nothing of a session has a place in it. (A POST answer is not cached.)
    credentials: 'omit',
  });
}

async function exchange<T>(fetchImpl: Fetch, url: URL, init: RequestInit): Promise<Answered<T>> {
  // A network failure or a body that is not JSON throws: the caller says "could not check".
  const response = await fetchImpl(url, { ...init, redirect: 'error' });
  const body: unknown = await response.json();
  if (response.ok) return { ok: true, body: body as T };
  const error = (body as { error?: { code?: unknown; message?: unknown; scope?: unknown } } | null)?.error;
  const retryAfter = Number(response.headers.get('retry-after'));
  return {
    ok: false,
    status: response.status,
    code: typeof error?.code === 'string' ? error.code : 'unknown',
    message: typeof error?.message === 'string' ? error.message : `HTTP ${response.status}`,
    scope: typeof error?.scope === 'string' ? error.scope : undefined,
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  };
}
