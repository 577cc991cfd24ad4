import { BoundedWorkQueue, QueueFullError } from '../../src/shared/bounded-work-queue';

/** A task that runs until the test lets it end. */
function gate(): { task: () => Promise<string>; started: Promise<void>; finish: (value: string) => void } {
  let finish: (value: string) => void = () => undefined;
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const result = new Promise<string>((resolve) => (finish = resolve));
  return {
    task: () => {
      markStarted();
      return result;
    },
    started,
    finish,
  };
}

describe('a bounded work queue', () => {
  it('when running and waiting slots are all taken, then a further task is refused at once and never started', async () => {
    const queue = new BoundedWorkQueue({ maxRunning: 1, maxWaiting: 1 });
    const first = gate();
    const second = gate();
    const running = queue.run(first.task);
    const waiting = queue.run(second.task);
    let called = false;

    await expect(
      queue.run(async () => {
        called = true;
      }),
    ).rejects.toBeInstanceOf(QueueFullError);

    expect(called).toBe(false);
    expect(queue.stats()).toEqual({ maxRunning: 1, maxWaiting: 1, running: 1, waiting: 1, finished: 0, shed: 1 });
    first.finish('a');
    second.finish('b');
    await expect(Promise.all([running, waiting])).resolves.toEqual(['a', 'b']);
    expect(queue.stats()).toMatchObject({ running: 0, waiting: 0, finished: 2, shed: 1 });
  });

  it('when a slot frees, then the oldest waiting task starts, and only then', async () => {
    const queue = new BoundedWorkQueue({ maxRunning: 1, maxWaiting: 2 });
    const order: string[] = [];
    const first = gate();
    const second = gate();
    const third = gate();
    const all = [first, second, third].map((item, index) =>
      queue.run(async () => {
        order.push(`start ${index}`);
        return item.task();
      }),
    );
    await first.started;
    expect(order).toEqual(['start 0']);
    expect(queue.stats()).toMatchObject({ running: 1, waiting: 2 });

    first.finish('0');
    await second.started;
    second.finish('1');
    await third.started;
    third.finish('2');

    await expect(Promise.all(all)).resolves.toEqual(['0', '1', '2']);
    expect(order).toEqual(['start 0', 'start 1', 'start 2']);
  });

  it('when a task fails, then its error reaches its caller and its slot is freed', async () => {
    const queue = new BoundedWorkQueue({ maxRunning: 1, maxWaiting: 0 });
    await expect(queue.run(() => Promise.reject(new Error('hash failed')))).rejects.toThrow('hash failed');
    await expect(queue.run(async () => 'next')).resolves.toBe('next');
    expect(queue.stats()).toMatchObject({ running: 0, waiting: 0, finished: 2, shed: 0 });
  });

  it('when no waiting is allowed, then only the running slots are accepted', async () => {
    const queue = new BoundedWorkQueue({ maxRunning: 2, maxWaiting: 0 });
    const first = gate();
    const second = gate();
    const accepted = [queue.run(first.task), queue.run(second.task)];
    await expect(queue.run(async () => 'third')).rejects.toBeInstanceOf(QueueFullError);
    first.finish('1');
    second.finish('2');
    await Promise.all(accepted);
    await expect(queue.run(async () => 'after')).resolves.toBe('after');
  });

  it('when asked ahead whether a task would be refused, then it refuses, counted as shed, only when full', async () => {
    const queue = new BoundedWorkQueue({ maxRunning: 1, maxWaiting: 1 });
    expect(() => queue.refuseIfFull()).not.toThrow();
    const first = gate();
    const second = gate();
    const accepted = [queue.run(first.task), queue.run(second.task)];
    expect(() => queue.refuseIfFull()).toThrow(QueueFullError);
    expect(queue.stats().shed).toBe(1);
    first.finish('1');
    second.finish('2');
    await Promise.all(accepted);
    expect(() => queue.refuseIfFull()).not.toThrow();
  });

  it.each([
    [{ maxRunning: 0, maxWaiting: 1 }],
    [{ maxRunning: 1.5, maxWaiting: 1 }],
    [{ maxRunning: 1, maxWaiting: -1 }],
  ])('when built with impossible limits %j, then it refuses to', (limits) => {
    expect(() => new BoundedWorkQueue(limits)).toThrow(RangeError);
  });
});
