import { maskAddress, normalizeEmailV1 } from '../email';
import { exposuresFound, type PendingCheck, prepareQueries, warmUpArgon2id } from '../private-check-client';
import type { WorkerReply, WorkerRequest } from './worker-messages';

/**
 * The worker of the check page: argon2id takes tens of milliseconds and megabytes, so it runs here
 * and the page stays responsive. It holds the one check in progress.
 */

// The DOM library types `self` as a Window; a dedicated worker's scope has just these two.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(reply: WorkerReply): void;
};

let pending: PendingCheck | undefined;

// While the customer types. A failure here shows again, where it counts, in the check itself.
void warmUpArgon2id().catch(() => undefined);

scope.onmessage = (event) => {
  void handle(event.data).then(
    (reply) => scope.postMessage(reply),
    // What failed stays here (it may hold the address in its message): the page only learns that it did.
    () => scope.postMessage({ id: event.data.id, ok: false }),
  );
};

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  if (request.step === 'prepare') {
    pending = undefined;
    const prepared = await prepareQueries(request.address, request.parameters);
    if (!prepared.ok) return { id: request.id, ok: true, step: 'invalid', problem: prepared.problem };
    pending = prepared.pending;
    const normalized = normalizeEmailV1(request.address);
    const masked = normalized.ok ? maskAddress(normalized.normalized) : '';
    return { id: request.id, ok: true, step: 'prepare', queries: prepared.queries, masked };
  }
  const check = pending;
  pending = undefined;
  if (check === undefined) throw new Error('no check in progress');
  return { id: request.id, ok: true, step: 'finish', found: exposuresFound(check, request.answer) };
}
