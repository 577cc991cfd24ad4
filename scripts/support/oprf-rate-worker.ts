import { parentPort, workerData } from 'node:worker_threads';
import { OprfKey } from '../../src/hashing/oprf-key';
import type { OprfRateWorkerData } from './oprf-rate';

/**
 * A thread of oprfBlindEvaluateRate: BlindEvaluate as the service calls it (OprfKey, libsodium's
 * WebAssembly, loaded in this thread), round the given elements until the deadline, nothing else.
 */
async function main(): Promise<void> {
  const { secretKey, elements, startAt, seconds } = workerData as OprfRateWorkerData;
  const key = await OprfKey.load(secretKey);
  // Every thread starts at the same moment, once all have loaded, so that they overlap throughout.
  while (Date.now() < startAt) await new Promise((resolve) => setTimeout(resolve, 1));
  const startedAt = performance.now();
  const deadline = startedAt + seconds * 1000;
  let done = 0;
  while (performance.now() < deadline) {
    // A batch between clock reads: performance.now() would otherwise cost a visible share.
    for (let i = 0; i < 64; i += 1) {
      if (key.blindEvaluate(elements[(done + i) % elements.length] as Uint8Array) === null) throw new Error('an element was refused');
    }
    done += 64;
  }
  parentPort?.postMessage({ evaluations: done, seconds: (performance.now() - startedAt) / 1000 });
}

void main();
