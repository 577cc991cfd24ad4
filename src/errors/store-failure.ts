/**
 * Whether an error says the store could not be reached or could not serve right now, as ioredis
 * reports it for one Redis or a cluster: a connection lost or refused, a command timed out, no
 * master for a slot (a failover), a node loading or out of memory. Such a failure is a 503 on every
 * route, never a 500: nothing is wrong with the request, and it may well work in a moment.
 * Recognized by name and message, so that this folder depends on no client library.
 */
export function isStoreFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (STORE_FAILURE_NAMES.has(error.name)) return true;
  if (error.name === 'ReplyError') return UNAVAILABLE_REPLIES.test(error.message);
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  return CLIENT_MESSAGES.test(error.message);
}

const STORE_FAILURE_NAMES = new Set(['MaxRetriesPerRequestError', 'ClusterAllFailedError', 'AbortError']);
// Redis's own replies that mean "not now" rather than "wrong command".
const UNAVAILABLE_REPLIES = /^(CLUSTERDOWN|TRYAGAIN|MOVED|ASK|LOADING|READONLY|MASTERDOWN|NOREPLICAS|OOM|BUSY)\b/;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// ioredis's messages for a client that cannot send or got no answer (Redis.js, cluster/index.js, Command.js).
const CLIENT_MESSAGES =
  /^(Connection is closed|Connection is (aborted|discarded)|Command timed out|Stream isn't writeable|Cluster isn't ready|Too many Cluster redirections|None of startup nodes is available|Node is disconnected|Cluster is (disconnected|disconnecting|ended)|connect ETIMEDOUT)/;
