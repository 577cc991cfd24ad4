import type { RedisTarget } from '../store';

/** The variables that say where the store is, as the config schema parsed them. */
export interface RedisTargetValues {
  REDIS_URL?: string | undefined;
  REDIS_CLUSTER_NODES?: string | undefined;
  REDIS_USERNAME?: string | undefined;
  REDIS_PASSWORD?: string | undefined;
  REDIS_TLS: boolean;
  REDIS_CLUSTER_NAT_MAP?: string | undefined;
}

/**
 * REDIS_URL (one Redis; user, password and TLS in the URL) or REDIS_CLUSTER_NODES (a cluster's
 * seeds, with REDIS_USERNAME, REDIS_PASSWORD, REDIS_TLS and REDIS_CLUSTER_NAT_MAP beside them);
 * neither: demo mode. Throws a message naming the variable at fault.
 */
export function redisTargetOf(values: RedisTargetValues): RedisTarget | undefined {
  const clusterOnly: string[] = (['REDIS_USERNAME', 'REDIS_PASSWORD', 'REDIS_CLUSTER_NAT_MAP'] as const).filter((name) => values[name] !== undefined);
  if (values.REDIS_TLS) clusterOnly.push('REDIS_TLS');
  if (values.REDIS_URL !== undefined) {
    if (values.REDIS_CLUSTER_NODES !== undefined) throw new Error('set REDIS_URL (one Redis) or REDIS_CLUSTER_NODES (a cluster), not both');
    if (clusterOnly.length > 0) {
      throw new Error(`${clusterOnly.join(', ')} go with REDIS_CLUSTER_NODES; with REDIS_URL, put the user, password and TLS (rediss://) in the URL`);
    }
    return { kind: 'single', url: values.REDIS_URL };
  }
  if (values.REDIS_CLUSTER_NODES === undefined) {
    if (clusterOnly.length > 0) throw new Error(`${clusterOnly.join(', ')} need REDIS_CLUSTER_NODES`);
    return undefined;
  }
  return {
    kind: 'cluster',
    nodes: values.REDIS_CLUSTER_NODES.split(',').map((node) => hostAndPort(node, 'REDIS_CLUSTER_NODES')),
    username: values.REDIS_USERNAME,
    password: values.REDIS_PASSWORD,
    tls: values.REDIS_TLS,
    natMap: natMapOf(values.REDIS_CLUSTER_NAT_MAP),
  };
}

/** `announced-host:port=reachable-host:port` pairs, comma-separated. */
function natMapOf(text: string | undefined): Record<string, { host: string; port: number }> {
  const map: Record<string, { host: string; port: number }> = {};
  for (const pair of text?.split(',') ?? []) {
    const [from, to, extra] = pair.split('=');
    if (from === undefined || to === undefined || extra !== undefined) {
      throw new Error('REDIS_CLUSTER_NAT_MAP must be announced-host:port=reachable-host:port pairs, comma-separated');
    }
    const announced = hostAndPort(from, 'REDIS_CLUSTER_NAT_MAP');
    map[`${announced.host}:${announced.port}`] = hostAndPort(to, 'REDIS_CLUSTER_NAT_MAP');
  }
  return map;
}

/** `host:port`, `[IPv6]:port`. */
function hostAndPort(text: string, variable: string): { host: string; port: number } {
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})$/.exec(text.trim());
  const port = Number(match?.[3]);
  if (match === null || !(port >= 1 && port <= 65535)) throw new Error(`${variable} must list host:port entries ("${text.trim()}" is not one)`);
  return { host: (match[1] ?? match[2]) as string, port };
}
