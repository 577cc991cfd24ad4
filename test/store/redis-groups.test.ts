import calculateSlot from 'cluster-key-slot';
import { Cluster } from 'ioredis';
import { execKeyed, execPhases, type KeyedCommand } from '../../src/store';
import { deleteKeys, newTestCluster, testClusterNodes, uniquePrefix } from '../support/test-redis';

/*
 * execKeyed and execPhases on the test cluster: keys of many slots (spread over the three masters)
 * in one call, answered in the order given, including from a client that has not yet learnt which
 * node serves which slot.
 */

function setCommands(prefix: string, count: number): { keys: string[]; commands: KeyedCommand[] } {
  const keys = Array.from({ length: count }, (_, index) => `${prefix}key-${index}`);
  return { keys, commands: keys.map((key, index) => ({ key, add: (pipeline) => pipeline.set(key, String(index)) })) };
}

const gets = (keys: readonly string[]): KeyedCommand[] => keys.map((key) => ({ key, add: (pipeline) => pipeline.get(key) }));

describe('commands over keys of many slots, on a Redis Cluster', () => {
  const prefix = uniquePrefix('groups');
  const cleanup = newTestCluster();
  let written: string[] = [];

  afterAll(async () => {
    await deleteKeys(cleanup, written);
    await cleanup.quit();
  });

  it('when a client that is still connecting sends them, then every command is answered, in the order given', async () => {
    const fresh = new Cluster(testClusterNodes(), { redisOptions: { maxRetriesPerRequest: 1 } });
    try {
      expect(fresh.status).not.toBe('ready');
      const { keys, commands } = setCommands(prefix, 40);
      written = keys;

      expect(await execKeyed(fresh, commands)).toEqual(keys.map(() => 'OK'));
      expect(await execKeyed(fresh, gets(keys))).toEqual(keys.map((_, index) => String(index)));
    } finally {
      await fresh.quit();
    }
  });

  it('when phases are given, then each phase reads what the one before wrote, on every master', async () => {
    const { keys, commands } = setCommands(`${prefix}phases:`, 30);
    written = [...written, ...keys];

    const [sets, read] = await execPhases(cleanup, [commands, gets(keys)]);

    expect(sets).toEqual(keys.map(() => 'OK'));
    expect(read).toEqual(keys.map((_, index) => String(index)));
    expect(new Set(keys.map((key) => cleanup.slots[calculateSlot(key)]?.[0])).size).toBe(3);
  });
});
