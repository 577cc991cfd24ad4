import { isIPv4, isIPv6 } from 'node:net';

/** Who a request is counted against: one address, plus its /64 network for IPv6 clients. */
export interface ClientAddress {
  /** Canonical text: dotted IPv4, or eight lower-case hex groups for IPv6. */
  address: string;
  /** IPv6 only: providers give each customer a whole /64, so rotating addresses within it must not reset a limit. */
  ipv6Network: string | undefined;
}

const IPV4_MAPPED = /^(?:0{1,4}:){5}ffff:/;

/**
 * Canonicalizes req.ip. IPv4-mapped IPv6 (`::ffff:192.0.2.1`, as a dual-stack socket reports IPv4
 * peers) counts as the IPv4 address, so one client never has two budgets. Returns undefined for
 * anything that is not an IP address (a socket already gone).
 */
export function clientAddress(ip: string | undefined): ClientAddress | undefined {
  if (ip === undefined) return undefined;
  // A zone index (fe80::1%eth0) names the local interface, not the client.
  const text = ip.split('%', 1)[0] ?? '';
  if (isIPv4(text)) return { address: canonicalIpv4(text), ipv6Network: undefined };
  if (!isIPv6(text)) return undefined;
  const groups = ipv6Groups(text);
  const expanded = groups.map((group) => group.toString(16).padStart(4, '0')).join(':');
  if (IPV4_MAPPED.test(expanded)) {
    const [high = 0, low = 0] = groups.slice(6);
    return { address: [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.'), ipv6Network: undefined };
  }
  return {
    address: groups.map((group) => group.toString(16)).join(':'),
    ipv6Network: `${groups.slice(0, 4).map((group) => group.toString(16)).join(':')}::/64`,
  };
}

function canonicalIpv4(text: string): string {
  return text
    .split('.')
    .map((part) => String(Number(part)))
    .join('.');
}

/** The eight 16-bit groups of a valid IPv6 address, `::` and a dotted IPv4 tail expanded. */
function ipv6Groups(text: string): number[] {
  let body = text.toLowerCase();
  const lastColon = body.lastIndexOf(':');
  const tail = body.slice(lastColon + 1);
  if (tail.includes('.')) {
    const [a = 0, b = 0, c = 0, d = 0] = tail.split('.').map(Number);
    body = `${body.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = body.split('::');
  const parse = (part: string): number[] => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const left = parse(head);
  if (rest === undefined) return left;
  const right = parse(rest);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}
