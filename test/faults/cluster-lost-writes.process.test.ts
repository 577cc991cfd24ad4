import { spawnSync } from 'node:child_process';
import calculateSlot from 'cluster-key-slot';
import request from 'supertest';
import { FAST_ARGON2 } from '../admin/admin-fixtures';
import { until } from '../support/eventually';
import { NO_RATE_LIMITS, startTestService, type TestService } from '../support/test-app';
import { type ClusterWithList, startClusterWithList } from './cluster-list-fixture';

/*
 * Replication is asynchronous: a master acknowledges a write before its replica has it. Here the
 * replica of the master holding the live pointers is stopped (SIGSTOP) and its link cut,
 * a new version of a list goes live, the master is killed and the stale replica takes over: the
 * pointer goes back to the version before, whose keys the upload deleted. What the service must
 * not do is answer from that older version, telling the address only the new version holds that
 * it is "not affected". It notices that the live version went back and answers 503 until the list
 * is uploaded again.
 */
const FIRST = ['kenji.tanaka@example.jp', 'yuki.sato@example.jp'];
const SECOND_ONLY = 'new.in.version2@example.jp';
const UNLISTED = 'not.listed@example.org';
// Enough addresses that some fall in buckets on each master, the rolled-back one included.
const MANY_UNLISTED = Array.from({ length: 24 }, (_, index) => `someone.${index}@example.org`);

async function checkOn(service: TestService, email: string): Promise<number> {
  return (await request(service.app).post('/api/v1/check').send({ email })).status;
}

describe('when a replica that missed the newest version of a list takes over', () => {
  let fixture: ClusterWithList;

  beforeAll(async () => {
    fixture = await startClusterWithList(FIRST);
  }, 60_000);
  afterAll(async () => {
    await fixture.close();
  });

  /** CLUSTER NODES as seen by a node: id, port, flags and master id of each. */
  function clusterNodes(port: number): { id: string; port: number; flags: string; masterId: string; slots: string }[] {
    const text = spawnSync('redis-cli', ['-p', String(port), 'CLUSTER', 'NODES'], { encoding: 'utf8' }).stdout;
    return text
      .trim()
      .split('\n')
      .map((line) => {
        const [id, address, flags, masterId, , , , , ...slots] = line.split(' ');
        return { id: id ?? '', port: Number(/:(\d+)@/.exec(address ?? '')?.[1]), flags: flags ?? '', masterId: masterId ?? '', slots: slots.join(' ') };
      });
  }

  function servesSlot(slots: string, slot: number): boolean {
    return slots.split(' ').some((range) => {
      const [from, to] = range.split('-').map(Number);
      return from !== undefined && slot >= from && slot <= (to ?? from);
    });
  }

  it('then the checks answer 503, never the older version\'s "not affected", until the list is uploaded again', async () => {
    const { cluster, service, upload, check } = fixture;
    const slot = calculateSlot('{lists}');
    const nodes = clusterNodes(cluster.ports[0] as number);
    const master = nodes.find((node) => node.flags.includes('master') && servesSlot(node.slots, slot));
    const replica = nodes.find((node) => node.masterId === master?.id);
    expect(master).toBeDefined();
    expect(replica).toBeDefined();
    const witness = cluster.ports.find((port) => port !== master?.port && port !== replica?.port) as number;

    cluster.pause(replica!.port);
    // And its link cut: what the master writes from now on reaches no replica (a stopped one would
    // still find the master's writes in its socket's buffer when it wakes).
    spawnSync('redis-cli', ['-p', String(master!.port), 'CLIENT', 'KILL', 'TYPE', 'replica']);
    try {
      expect(await upload([...FIRST, SECOND_ONLY])).toBe(200);
      expect(await check(SECOND_ONLY)).toEqual({ status: 200, affected: true });
      await cluster.kill(master!.port);
    } finally {
      cluster.resume(replica!.port);
    }
    // The stale replica is promoted.
    const deadline = Date.now() + 30_000;
    while (!clusterNodes(witness).some((node) => node.id === replica!.id && node.flags.includes('master') && servesSlot(node.slots, slot))) {
      if (Date.now() > deadline) throw new Error('the replica was not promoted');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Once the client has followed the failover, the pointer it reads is the older one: refused.
    const answers: { status: number; affected?: boolean }[] = [];
    const watchUntil = Date.now() + 10_000;
    while (Date.now() < watchUntil) {
      for (const address of [SECOND_ONLY, ...FIRST, UNLISTED]) answers.push(await check(address));
    }
    expect([...new Set(answers.map((answer) => JSON.stringify(answer)))]).toEqual([JSON.stringify({ status: 503 })]);
    const ready = await request(service.app).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.error.code).toBe('store_lost_data');

    // A server started only now never saw the newer version: the marks written away from the
    // pointers' node tell it. Without them, the addresses whose buckets sit on the rolled-back
    // node would be read from the older version's keys there, and answer "not affected".
    const late = await startTestService({
      store: 'cluster',
      prefix: service.config.redisKeyPrefix,
      key: Buffer.from(service.config.oprfSecretKey as Uint8Array).toString('hex'),
      env: { REDIS_CLUSTER_NODES: cluster.nodes, ...FAST_ARGON2, ...NO_RATE_LIMITS },
    });
    try {
      const lateAnswers = await Promise.all([SECOND_ONLY, ...FIRST, UNLISTED, ...MANY_UNLISTED].map((email) => checkOn(late, email)));
      expect(new Set(lateAnswers)).toEqual(new Set([503]));
      expect((await request(late.app).get('/readyz')).status).toBe(503);

      // Uploading the list again mends it, for both servers.
      expect(await upload([...FIRST, SECOND_ONLY])).toBe(200);
      expect(await check(SECOND_ONLY)).toEqual({ status: 200, affected: true });
      expect(await check(UNLISTED)).toEqual({ status: 200, affected: false });
      await until('the late server sees the new version', async () => ((await checkOn(late, SECOND_ONLY)) === 200 ? true : undefined));
      expect((await request(late.app).get('/readyz')).status).toBe(200);
    } finally {
      await late.close();
    }
  }, 90_000);
});
