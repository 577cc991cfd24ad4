import calculateSlot from 'cluster-key-slot';
import Redis from 'ioredis';
import request from 'supertest';
import { argon2idOf } from '../../src/hashing/list-entry';
import { normalizeEmail } from '../../src/hashing/normalize-email';
import { startRedisCluster, type RedisCluster } from '../support/redis-server';
import { NO_RATE_LIMITS, startTestService, type TestService } from '../support/test-app';

/**
 * On a Redis Cluster a hit and a miss must still cost the same: the same commands and bytes on
 * each node (equal-work.process.test.ts shows it on one Redis). The buckets of two addresses may
 * live on different masters, which tells nothing the bucket itself does not (the server learns the
 * bucket in any case); so the miss compared with a hit is one whose bucket is on the hit's master.
 * A cluster of this file's own, so no other test's traffic is counted.
 */
interface NodeWork {
  commands: Record<string, number>;
  netInputBytes: number;
  netOutputBytes: number;
}

describe('when a listed and an unlisted address are checked on a Redis Cluster', () => {
  let cluster: RedisCluster;
  let masters: { address: string; observer: Redis }[];
  let service: TestService;

  beforeAll(async () => {
    // No replicas: each sends its master REPLCONF ACK every second, counted there as work that
    // would land in one measurement and not the other. Replicas serve no check (reads go to masters).
    cluster = await startRedisCluster({ replicasPerMaster: 0 });
    service = await startTestService({ store: 'cluster', seed: true, env: { REDIS_CLUSTER_NODES: cluster.nodes, ...NO_RATE_LIMITS } });
    // Every master, observed by a plain connection of its own (not through the cluster client).
    const masterPorts = await mastersOf(cluster);
    masters = masterPorts.map((port) => ({ address: `127.0.0.1:${port}`, observer: new Redis(port, '127.0.0.1', { maxRetriesPerRequest: 1 }) }));
    // The first check reads the hashing profile once and caches it: not part of either answer.
    await request(service.app).post('/api/v1/check').send({ email: 'warm.up@example.com' });
    await service.runtime.stats.service.flush();
  }, 60_000);
  afterAll(async () => {
    await service.close();
    for (const { observer } of masters) observer.disconnect();
    await cluster.stop();
  });

  /** Per master, the work of one check of `email` through the API. */
  async function workOf(email: string): Promise<Record<string, NodeWork>> {
    service.runtime.catalog.service.invalidate();
    await service.runtime.stats.service.flush();
    await Promise.all(masters.map(({ observer }) => observer.config('RESETSTAT')));
    const response = await request(service.app).post('/api/v1/check').send({ email });
    expect(response.status).toBe(200);
    const work: Record<string, NodeWork> = {};
    for (const { address, observer } of masters) {
      const stats = await observer.info('stats');
      const commandStats = await observer.info('commandstats');
      const commands: Record<string, number> = {};
      for (const [, name, calls] of commandStats.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
        if (name === 'info' || name?.startsWith('config')) continue;
        commands[name as string] = Number(calls);
      }
      const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(stats)?.[1]);
      work[address] = { commands, netInputBytes: field('total_net_input_bytes'), netOutputBytes: field('total_net_output_bytes') };
    }
    return work;
  }

  /** The master serving the stored bucket of an address, by the slot of its bucket key's hash tag. */
  async function masterOfBucket(email: string): Promise<string> {
    const a = await argon2idOf(normalizeEmail(email), service.runtime.hashing.profile);
    const tag = (a.readUInt16BE(0) >>> 4).toString(16).padStart(3, '0');
    const slot = calculateSlot(`{${tag}}`);
    for (const { address, observer } of masters) {
      const ranges = await observer.cluster('SLOTS');
      if (ranges.some(([from, to, master]) => slot >= from && slot <= to && `${master?.[0]}:${master?.[1]}` === address)) return address;
    }
    throw new Error(`no master serves slot ${slot}`);
  }

  it('then each master serves the same commands and bytes for the hit and for a miss in a bucket on the same master', async () => {
    const hit = 'taro.yamada@example.jp';
    const hitMaster = await masterOfBucket(hit);
    let miss: string | undefined;
    for (let index = 0; miss === undefined; index += 1) {
      const candidate = `not.listed.${index}@example.com`;
      if ((await masterOfBucket(candidate)) === hitMaster) miss = candidate;
    }
    // Unmeasured first: the first probe on a node finds the search script not yet loaded there
    // (EVALSHA, NOSCRIPT, then EVAL), once per node and connection, whatever the address.
    await workOf(hit);
    await workOf(miss);
    const hitWork = await workOf(hit);
    const missWork = await workOf(miss);

    expect(hitWork).toEqual(missWork);
    // The probes went to the bucket's master and the pointers' reads to the {lists} tag's: real work was counted.
    const total = Object.values(missWork).reduce((sum, node) => sum + Object.values(node.commands).reduce((a, b) => a + b, 0), 0);
    expect(total).toBeGreaterThan(0);
    expect(missWork[hitMaster]?.commands.evalsha ?? 0).toBeGreaterThan(0);
    expect((await request(service.app).post('/api/v1/check').send({ email: hit })).body.affected).toBe(true);
    expect((await request(service.app).post('/api/v1/check').send({ email: miss })).body.affected).toBe(false);
  });
});

/** The ports of the cluster's masters, as CLUSTER NODES of its first node reports them. */
async function mastersOf(cluster: RedisCluster): Promise<number[]> {
  const [first] = cluster.ports;
  const probe = new Redis(first as number, '127.0.0.1', { maxRetriesPerRequest: 1 });
  try {
    const nodes = (await probe.cluster('NODES')) as string;
    return nodes
      .split('\n')
      .filter((line) => / master /.test(` ${line.split(' ')[2]?.replace(/,/g, ' ')} `) && !line.includes('fail'))
      .map((line) => Number(/:(\d+)@/.exec(line)?.[1]));
  } finally {
    probe.disconnect();
  }
}
