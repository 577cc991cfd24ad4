import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { newHashingProfile } from '../../src/hashing/hashing-profile';
import type { ListEntry } from '../../src/hashing/list-entry';
import { ListEntryPool } from '../../src/hashing/list-entry-pool';
import { generateOprfSecretKey, OprfKey } from '../../src/hashing/oprf-key';
import type { StagedList } from '../../src/lists/list-store';
import { ListService } from '../../src/lists/list-service';
import { MemoryListStore } from '../../src/lists/memory-list-store';

const BATCHES = 40;
const ROWS_PER_BATCH = 8;
const profile = newHashingProfile({ memoryKiB: 8192, iterations: 1, parallelism: 1 }, new Date());

/** A real memory store that writes a turn of the event loop late, and can be told to fail one write. */
class SlowListStore extends MemoryListStore {
  written = 0;
  failOnWrite: number | undefined;
  #calls = 0;

  override async addEntries(staged: StagedList, entries: readonly ListEntry[]): Promise<number> {
    this.#calls += 1;
    const call = this.#calls;
    await new Promise((resolve) => setImmediate(resolve));
    if (call === this.failOnWrite) throw new Error('the store failed');
    const added = await super.addEntries(staged, entries);
    this.written += 1;
    return added;
  }
}

/** A source of batches that records how far it was read ahead of the store's completed writes. */
function source(store: SlowListStore) {
  const read = { batches: 0, mostAhead: 0 };
  async function* batches(): AsyncGenerator<Buffer[]> {
    for (let i = 0; i < BATCHES; i += 1) {
      read.batches += 1;
      read.mostAhead = Math.max(read.mostAhead, read.batches - store.written);
      yield Array.from({ length: ROWS_PER_BATCH }, () => randomBytes(32));
    }
  }
  return { read, batches: batches() };
}

describe.each([
  ['on this thread', false],
  ['on the worker pool', true],
])('replacing a list with entries computed %s', (_where, pooled) => {
  const secretKey = generateOprfSecretKey();
  const pool = pooled ? new ListEntryPool(secretKey, { threads: 2 }) : undefined;
  // One batch per worker running, one waiting, one being written: see ListService.
  const mostInFlight = (pool?.capacity ?? 1) + 1;

  afterAll(async () => {
    await pool?.close();
  });

  async function serviceOver(store: SlowListStore): Promise<ListService> {
    const key = await OprfKey.load(secretKey);
    return new ListService({ lists: store, key, entryPool: pool, clock: () => new Date(), logger: pino({ level: 'silent' }) });
  }

  it('when the store writes slower than the source yields, then the source is read only a bounded number of batches ahead', async () => {
    const store = new SlowListStore();
    const { read, batches } = source(store);

    const summary = await (await serviceOver(store)).replaceList('exposure-a', profile, batches);

    expect(summary).toEqual({ records: BATCHES * ROWS_PER_BATCH, duplicates: 0, version: 1 });
    expect(read.batches).toBe(BATCHES);
    expect(read.mostAhead).toBeLessThanOrEqual(mostInFlight);
    expect(store.written).toBe(BATCHES);
  });

  it('when one write fails, then the upload fails with it, stops reading, and no version is left', async () => {
    const store = new SlowListStore();
    store.failOnWrite = 3;
    const { read, batches } = source(store);

    await expect((await serviceOver(store)).replaceList('exposure-a', profile, batches)).rejects.toThrow('the store failed');

    expect(read.batches).toBeLessThan(BATCHES);
    expect(await store.unusedVersions()).toEqual([]);
    expect(await store.liveLists()).toEqual([]);
  });
});
