export interface InOrderOptions {
  /** Most `work` calls running at once. */
  concurrency: number;
  /**
   * Most items started but not yet yielded. Larger than `concurrency`, so that a
   * slow item or a slow consumer (a checkpoint being synced) does not idle the others; bounded,
   * so that memory stays flat whatever the input's length.
   */
  window: number;
  /** Once aborted, no further item is taken from the source; those started are still yielded. */
  signal?: AbortSignal;
}

/**
 * Runs `work` on each item of `source` concurrently and yields the results in source order,
 * which is what lets a list file keep its rows in input order while every core hashes. Work is
 * started by a pump of its own, not by the consumer's pulls: a slot that frees up while the
 * consumer is busy is refilled at once.
 */
export async function* inOrder<I, O>(
  source: AsyncIterable<I>,
  work: (item: I) => Promise<O>,
  options: InOrderOptions,
): AsyncGenerator<O, void, undefined> {
  if (options.window < options.concurrency) throw new RangeError('window must be at least concurrency');
  const slots = new Slots(options.concurrency);
  /** Results of started work, in source order. */
  const started: Promise<O>[] = [];
  const consumerWake = new Wake();
  const pumpWake = new Wake();
  let stopped = false;
  let pumpDone = false;
  let pumpFailure: { error: unknown } | null = null;

  const start = (item: I): Promise<O> => {
    const result = work(item).finally(() => slots.release());
    // Awaited in order by the consumer; until then a failure must not count as unhandled.
    result.catch(() => undefined);
    return result;
  };
  const pump = async (): Promise<void> => {
    try {
      for await (const item of source) {
        if (stopped || options.signal?.aborted) break;
        while (started.length >= options.window && !stopped) await pumpWake.wait();
        await slots.acquire();
        if (stopped || options.signal?.aborted) {
          slots.release();
          break;
        }
        started.push(start(item));
        consumerWake.notify();
      }
    } catch (error) {
      pumpFailure = { error };
    } finally {
      pumpDone = true;
      consumerWake.notify();
    }
  };
  const pumping = pump();

  try {
    for (;;) {
      const head = started[0];
      if (head !== undefined) {
        // Counted against the window until its result is out, so the window bounds what is held.
        const result = await head;
        started.shift();
        pumpWake.notify();
        yield result;
      } else if (pumpDone) {
        if (pumpFailure !== null) throw (pumpFailure as { error: unknown }).error;
        return;
      } else {
        await consumerWake.wait();
      }
    }
  } finally {
    // If the consumer stops early, nothing keeps running behind its back.
    stopped = true;
    pumpWake.notify();
    await pumping;
    await Promise.allSettled(started);
  }
}

/** A counting semaphore. */
class Slots {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError('concurrency must be a positive integer');
    this.#free = size;
  }

  async acquire(): Promise<void> {
    if (this.#free > 0) {
      this.#free -= 1;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next === undefined) this.#free += 1;
    else next();
  }
}

/** One party waits until the other notifies; a notification with nobody waiting is remembered. */
class Wake {
  #resolve: (() => void) | null = null;
  #pending = false;

  wait(): Promise<void> {
    if (this.#pending) {
      this.#pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => (this.#resolve = resolve));
  }

  notify(): void {
    const resolve = this.#resolve;
    this.#resolve = null;
    if (resolve === null) this.#pending = true;
    else resolve();
  }
}
