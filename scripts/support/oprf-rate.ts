import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../../src/shared/package-root';

/** What each thread of oprfBlindEvaluateRate receives. */
export interface OprfRateWorkerData {
  secretKey: Uint8Array;
  elements: Uint8Array[];
  /** Date.now() at which every thread begins counting. */
  startAt: number;
  seconds: number;
}

// Worker threads run JavaScript: the compiled worker under dist/, as ListEntryPool finds its own.
const WORKER = ['dist', 'scripts', 'support', 'oprf-rate-worker.js'];
// Long enough for every thread to load libsodium before the common start.
const START_DELAY_MS = 500;

/**
 * RFC 9497 BlindEvaluate through the service's OprfKey on `threads` worker threads at once for
 * `seconds`: the rate the cores reach with nothing but the scalar multiplications (and the
 * element checks) to do, the ceiling of any private check server on them.
 */
export async function oprfBlindEvaluateRate(options: {
  secretKey: Uint8Array;
  elements: readonly Uint8Array[];
  threads: number;
  seconds: number;
}): Promise<{ perSecond: number; perThread: number[] }> {
  const workerData: OprfRateWorkerData = {
    secretKey: options.secretKey,
    elements: [...options.elements],
    startAt: Date.now() + START_DELAY_MS,
    seconds: options.seconds,
  };
  const file = path.join(packageRoot(), ...WORKER);
  const runs = await Promise.all(
    Array.from(
      { length: options.threads },
      () =>
        new Promise<{ evaluations: number; seconds: number }>((resolve, reject) => {
          const worker = new Worker(file, { workerData });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`an OPRF rate thread exited with ${code}`)));
        }),
    ),
  );
  const perThread = runs.map((run) => run.evaluations / run.seconds);
  return { perSecond: perThread.reduce((sum, rate) => sum + rate, 0), perThread };
}
