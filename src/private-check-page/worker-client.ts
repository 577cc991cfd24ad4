import type { WorkerReply, WorkerRequest } from './worker-messages';

type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

// argon2id takes well under a second even on a slow phone; a worker silent for this long is stuck.
const WORKER_TIMEOUT_MS = 30_000;

/** The page's side of the worker: one request at a time, answered or failed, never left hanging. */
export class CheckWorker {
  readonly #worker: Worker;
  #next = 1;
  readonly #waiting = new Map<number, { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }>();
  // Once it has failed to load or crashed, a worker answers nothing more: refuse at once instead of timing out.
  #broken = false;

  constructor(url: string) {
    this.#worker = new Worker(url);
    this.#worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const waiting = this.#waiting.get(event.data.id);
      this.#waiting.delete(event.data.id);
      if (event.data.ok) waiting?.resolve(event.data);
      else waiting?.reject(new Error('the check failed in the worker'));
    };
    // A worker that cannot load (blocked, no WebAssembly) fails every request waiting on it.
    this.#worker.onerror = () => this.#failAll();
    this.#worker.onmessageerror = () => this.#failAll();
  }

  ask(request: Request): Promise<WorkerReply> {
    if (this.#broken) return Promise.reject(new Error('the worker failed'));
    const id = this.#next;
    this.#next += 1;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(id);
        reject(new Error('the worker did not answer'));
      }, WORKER_TIMEOUT_MS);
      this.#waiting.set(id, {
        resolve: (reply) => {
          clearTimeout(timer);
          resolve(reply);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.#worker.postMessage({ ...request, id } as WorkerRequest);
    });
  }

  #failAll(): void {
    this.#broken = true;
    for (const waiting of this.#waiting.values()) waiting.reject(new Error('the worker failed'));
    this.#waiting.clear();
  }
}
