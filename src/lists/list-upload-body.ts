import type { Request, Response } from 'express';
import { AppError } from '../errors';
import { exemptFromRequestDeadline } from '../http';

/**
 * The body of an authenticated list upload, as the list service reads it. A 3.1M-row list streams
 * for minutes, so it is exempt from the server's request deadline and bounded by idleness instead:
 * whenever the service waits for more of the body and nothing arrives for `idleMs`, the upload
 * fails with 408 `upload_stalled` (its staged version is deleted, as for any failed upload) and
 * the connection is closed once that is answered. Only the client's silence counts: while the
 * service is busy writing (the body paused by backpressure) no clock runs.
 */
export function listUploadBody(req: Request, res: Response, idleMs: number): AsyncIterable<Buffer> {
  exemptFromRequestDeadline(req);
  return {
    [Symbol.asyncIterator]: (): AsyncIterator<Buffer> => {
      const chunks = req[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
      return {
        next: () =>
          new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
              // The rest of the body is never read: the connection must not wait for it.
              res.set('Connection', 'close');
              reject(stalled(idleMs));
            }, idleMs);
            // Settling after the timer has rejected changes nothing (the connection is closing).
            chunks.next().then(
              (result) => {
                clearTimeout(timer);
                resolve(result);
              },
              (error: unknown) => {
                clearTimeout(timer);
                reject(error);
              },
            );
          }),
        return: async (value?: unknown) => (await chunks.return?.(value)) ?? { done: true, value: undefined },
      };
    },
  };
}

function stalled(idleMs: number): AppError {
  const seconds = idleMs / 1000;
  return new AppError(
    'upload_stalled',
    408,
    `Nothing of the list file arrived for ${seconds} second${seconds === 1 ? '' : 's'}, so the upload was stopped. ` +
      'Nothing of it was loaded; upload it again.',
    { params: { seconds } },
  );
}
