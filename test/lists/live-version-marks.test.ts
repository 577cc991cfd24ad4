import { LiveVersionMarks } from '../../src/lists/live-version-marks';
import { isCluster, type RedisClient } from '../../src/store';
import { connectTestCluster, deleteKeys, keysWithPrefix, uniquePrefix } from '../support/test-redis';

/*
 * The marks of the highest live versions (src/lists/live-version-marks.ts) on the test cluster:
 * spread so that every master holds one, only ever raised. What they are for, a server started
 * after a failover lost the newest swap, is test/faults/cluster-lost-writes.process.test.ts.
 */
describe('live version marks on a Redis Cluster', () => {
  const prefix = uniquePrefix('marks');
  let cluster: RedisClient;
  let marks: LiveVersionMarks;

  beforeAll(async () => {
    cluster = await connectTestCluster();
    marks = new LiveVersionMarks(cluster, prefix);
  });
  afterAll(async () => {
    await deleteKeys(cluster, await keysWithPrefix(cluster, prefix));
    await cluster.quit();
  });

  it('when a version is marked, then every master holds a mark of it', async () => {
    expect(await marks.raise('exp-a', 3)).toBe(8);

    const masters = isCluster(cluster) ? cluster.nodes('master') : [];
    const holding = await Promise.all(masters.map(async (node) => (await keysWithPrefix(node, prefix)).length));
    expect(masters).toHaveLength(3);
    expect(holding.every((count) => count > 0)).toBe(true);
    expect(await marks.highest()).toEqual(new Map([['exp-a', 3]]));
  });

  it('when a lower version is marked after a higher one, then the higher stays; exposures are apart', async () => {
    await marks.raise('exp-b', 7);
    await marks.raise('exp-b', 5);
    await marks.raise('exp-a', 4);

    expect(await marks.highest()).toEqual(new Map([['exp-a', 4], ['exp-b', 7]]));
  });

  it('when some marks are gone (their node went back in time), then the ones left still tell the highest version', async () => {
    const keys = await keysWithPrefix(cluster, prefix);
    await deleteKeys(cluster, keys.slice(0, keys.length - 1));

    expect((await marks.highest()).get('exp-b')).toBe(7);
  });
});
