import calculateSlot from 'cluster-key-slot';
import Redis from 'ioredis';
import request from 'supertest';
import { type ClusterWithList, startClusterWithList } from './cluster-list-fixture';

/*
 * A master of the cluster is killed (SIGKILL) while checks stream in and a new version of a list
 * is being uploaded. The one promise: no check answers "not affected" for a listed address, nor the
 * wrong verdict for any; during the failover they answer correctly or 503. Once the replica is
 * promoted the service answers again by itself, and the upload either completed (the new version
 * live) or failed cleanly (the previous version still live and answering).
 *
 * The master killed serves the `{lists}` tag, where the live pointers are: every check reads it, so
 * every check meets the failover, and so does every step of the upload's bookkeeping.
 */
const FIRST = ['kenji.tanaka@example.jp', 'yuki.sato@example.jp'];
const SECOND_ONLY = 'new.in.version2@example.jp';
const UNLISTED = 'not.listed@example.org';
const RANDOM_ROWS = 40_000;

describe('when a master is killed during checks and a list upload', () => {
  let fixture: ClusterWithList;

  beforeAll(async () => {
    fixture = await startClusterWithList(FIRST);
  }, 60_000);
  afterAll(async () => {
    await fixture.close();
  });

  /** The port of the master serving a slot, from the cluster's own view. */
  async function masterOfSlot(slot: number): Promise<number> {
    const probe = new Redis(fixture.cluster.ports[0] as number, '127.0.0.1', { maxRetriesPerRequest: 1 });
    try {
      const ranges = await probe.cluster('SLOTS');
      const range = ranges.find(([from, to]) => slot >= from && slot <= to);
      return Number(range?.[2]?.[1]);
    } finally {
      probe.disconnect();
    }
  }

  it('then every check answers right or 503, the service recovers by itself, and the upload completes or leaves the old version live', async () => {
    const { cluster, service, exposureId, upload, check } = fixture;
    const victim = await masterOfSlot(calculateSlot('{lists}'));
    const outcomes: { address: string; listed: boolean; status: number; affected?: boolean; at: number }[] = [];
    let streaming = true;
    const stream = (async () => {
      for (let index = 0; streaming; index += 1) {
        const address = [FIRST[0] as string, UNLISTED, FIRST[1] as string][index % 3] as string;
        outcomes.push({ address, listed: address !== UNLISTED, ...(await check(address)), at: Date.now() });
      }
    })();
    const replacement = upload([...FIRST, SECOND_ONLY], RANDOM_ROWS).catch(() => 0);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const killedAt = Date.now();
    await cluster.kill(victim);
    const uploadStatus = await replacement;

    // Recovery without help: checks answer 200 again once a replica has taken over.
    const deadline = Date.now() + 30_000;
    let recoveredAt: number | undefined;
    while (recoveredAt === undefined && Date.now() < deadline) {
      const last = outcomes.at(-1);
      if (last !== undefined && last.at > killedAt && last.status === 200) recoveredAt = last.at;
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
    streaming = false;
    await stream;

    expect(recoveredAt).toBeDefined();
    // Some checks met the failover (it was not too quick to notice), and each answered right or 503.
    expect(outcomes.filter((outcome) => outcome.at > killedAt && outcome.status === 503).length).toBeGreaterThan(0);
    for (const outcome of outcomes) {
      expect([200, 503]).toContain(outcome.status);
      if (outcome.status === 200) expect({ address: outcome.address, affected: outcome.affected }).toEqual({ address: outcome.address, affected: outcome.listed });
    }
    // The upload either went live or failed with the previous version still live.
    const live = (await service.runtime.stores.lists.liveLists()).find((list) => list.exposureId === exposureId);
    if (uploadStatus === 200) {
      expect(live?.version).toBe(2);
      expect(await check(SECOND_ONLY)).toEqual({ status: 200, affected: true });
    } else {
      expect(uploadStatus).toBe(503);
      expect(live?.version).toBe(1);
      expect(await check(SECOND_ONLY)).toEqual({ status: 200, affected: false });
    }
    for (const address of FIRST) expect(await check(address)).toEqual({ status: 200, affected: true });
    expect(await check(UNLISTED)).toEqual({ status: 200, affected: false });
    // Readiness agrees once the replica serves.
    expect((await request(service.app).get('/readyz')).status).toBe(200);
  }, 90_000);
});
