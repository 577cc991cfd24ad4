/** How much work may be under way, and how much may wait for it. */
export interface WorkQueueLimits {
  /** Tasks running at once; each argon2 hash keeps one core (one libuv thread) busy. */
  maxRunning: number;
  /** Tasks waiting for a slot; beyond this a task is refused at once. */
  maxWaiting: number;
}

/** Figures for /metrics and the tests: nothing in them depends on what a task works on. */
export interface WorkQueueStats extends WorkQueueLimits {
  running: number;
  waiting: number;
  /** Tasks that ran to an end, successful or not, since the start. */
  finished: number;
  /** Tasks refused because the queue was full, since the start. */
  shed: number;
}

/** The queue was full: the task was not started and will not be. */
export class QueueFullError extends Error {
  constructor() {
    super('the work queue is full');
    this.name = 'QueueFullError';
  }
}

/**
 * A FIFO with a hard bound on both running and waiting tasks. Refusing at once when full keeps the
 * wait of every accepted task below (maxWaiting / maxRunning + 1) task-times, however great the
 * load: an unbounded queue would instead make every caller wait longer and longer, then time out.
 */
export class BoundedWorkQueue {
  readonly #limits: WorkQueueLimits;
  readonly #waiting: (() => void)[] = [];
  #running = 0;
  #finished = 0;
  #shed = 0;

  constructor(limits: WorkQueueLimits) {
    if (!Number.isInteger(limits.maxRunning) || limits.maxRunning < 1) throw new RangeError('maxRunning must be a whole number >= 1');
    if (!Number.isInteger(limits.maxWaiting) || limits.maxWaiting < 0) throw new RangeError('maxWaiting must be a whole number >= 0');
    this.#limits = { ...limits };
  }

  /** Runs `task` when a slot is free; rejects with QueueFullError, without calling it, when none will be soon. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running < this.#limits.maxRunning) {
      this.#running += 1;
    } else if (this.#waiting.length < this.#limits.maxWaiting) {
      // The finishing task hands its slot over directly (see #release), so #running stays counted.
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#shed += 1;
      throw new QueueFullError();
    }
    try {
      return await task();
    } finally {
      this.#finished += 1;
      this.#release();
    }
  }

  /**
   * Refuses now, counted as shed, what run() would refuse now: lets a caller shed before doing the
   * work that leads up to the task. run() still decides; a slot may fill in between.
   */
  refuseIfFull(): void {
    if (this.#running >= this.#limits.maxRunning && this.#waiting.length >= this.#limits.maxWaiting) {
      this.#shed += 1;
      throw new QueueFullError();
    }
  }

  stats(): WorkQueueStats {
    return {
      ...this.#limits,
      running: this.#running,
      waiting: this.#waiting.length,
      finished: this.#finished,
      shed: this.#shed,
    };
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next === undefined) this.#running -= 1;
    else next();
  }
}
