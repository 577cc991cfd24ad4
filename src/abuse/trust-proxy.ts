import { isIP } from 'node:net';

/**
 * Express's `trust proxy` setting, restricted to the forms that cannot be spoofed by a client:
 * `false` (req.ip is the socket peer), a hop count (the deployment's proxies in front of us), or
 * the addresses / CIDR ranges of those proxies. `true` is refused on purpose: it trusts the left-most
 * X-Forwarded-For entry, which any client can write, and would let one client take every IP's budget.
 */
export type TrustProxy = false | number | string[];

// proxy-addr's names for well-known ranges; handy for "the proxy runs on the same host / network".
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Parses TRUST_PROXY; throws an Error whose message says what is accepted. */
export function parseTrustProxy(text: string): TrustProxy {
  const value = text.trim().toLowerCase();
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true') {
    throw new Error(
      'must not be "true" (any client could then choose its own IP); give the number of proxies in front of the service, or their addresses',
    );
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) throw new Error('must be at most 10 proxy hops');
    return hops;
  }
  const entries = value.split(',').map((entry) => entry.trim());
  const bad = entries.find((entry) => !isTrustedProxyEntry(entry));
  if (bad !== undefined) {
    throw new Error(
      `has "${bad}", which is not an IP address, a CIDR range or one of loopback, linklocal, uniquelocal ` +
        '(use false, a hop count such as 1, or a comma-separated list such as 10.0.0.0/8,loopback)',
    );
  }
  return entries;
}

function isTrustedProxyEntry(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', bits, extra] = entry.split('/');
  if (extra !== undefined) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}
