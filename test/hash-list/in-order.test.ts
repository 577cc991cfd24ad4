import { inOrder } from '../../src/cli/hash-list/in-order';

async function* numbers(count: number, taken: number[] = []): AsyncGenerator<number> {
  for (let i = 0; i < count; i += 1) {
    taken.push(i);
    yield i;
  }
}

/** Work that finishes in the reverse order it started within each group of four, tracking concurrency. */
function uneven() {
  let running = 0;
  let mostRunning = 0;
  const work = async (n: number): Promise<string> => {
    running += 1;
    mostRunning = Math.max(mostRunning, running);
    await new Promise((resolve) => setTimeout(resolve, 4 - (n % 4)));
    running -= 1;
    return `r${n}`;
  };
  return { work, mostRunning: () => mostRunning };
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}

describe('inOrder', () => {
  it('when work finishes out of order, then results still come in source order and concurrency is never exceeded', async () => {
    const { work, mostRunning } = uneven();

    const results = await collect(inOrder(numbers(50), work, { concurrency: 3, window: 6 }));

    expect(results).toEqual(Array.from({ length: 50 }, (_, i) => `r${i}`));
    expect(mostRunning()).toBe(3);
  });

  it('when the first item is slow, then the others run on but no more than the window is started ahead of it', async () => {
    const taken: number[] = [];
    const started: number[] = [];
    let openGate = (): void => undefined;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const work = async (n: number): Promise<string> => {
      started.push(n);
      if (n === 0) await gate;
      return `r${n}`;
    };
    const results = inOrder(numbers(100, taken), work, { concurrency: 2, window: 5 });

    const first = results.next();
    // Let it run as far as it will while item 0 is held.
    for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));

    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(taken).toHaveLength(6);
    openGate();
    expect((await first).value).toBe('r0');
    await results.return(undefined);
  });

  it('when the signal aborts, then no further item is started and every started one is still yielded in order', async () => {
    const controller = new AbortController();
    const taken: number[] = [];
    const { work } = uneven();
    const results: string[] = [];

    for await (const result of inOrder(numbers(100, taken), work, { concurrency: 2, window: 4, signal: controller.signal })) {
      results.push(result);
      if (results.length === 10) controller.abort();
    }

    expect(results.length).toBeGreaterThanOrEqual(10);
    expect(results.length).toBeLessThan(100);
    expect(results).toEqual(Array.from({ length: results.length }, (_, i) => `r${i}`));
    // Only the item taken at the moment of the abort was left unstarted.
    expect(taken.length).toBe(results.length + 1);
  });

  it('when a work item fails, then the failure surfaces at its place and nothing runs on afterwards', async () => {
    let running = 0;
    const work = async (n: number): Promise<number> => {
      running += 1;
      await new Promise((resolve) => setTimeout(resolve, 2));
      running -= 1;
      if (n === 5) throw new Error('item 5 failed');
      return n;
    };
    const results: number[] = [];

    await expect(
      (async () => {
        for await (const result of inOrder(numbers(20), work, { concurrency: 3, window: 6 })) results.push(result);
      })(),
    ).rejects.toThrow('item 5 failed');

    expect(results).toEqual([0, 1, 2, 3, 4]);
    expect(running).toBe(0);
  });
});
