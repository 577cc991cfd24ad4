import { z } from 'zod';
import { AdminClientError } from './admin-client-error';
import { apiAnswerError } from './api-answer-error';
import { sendAdminRequest, type AdminResponse } from './admin-request';
import { exposurePath, type AdminTarget } from './admin-target';
import { withFileLines } from './invalid-list-lines';
import { ListBody, type UploadProgress } from './list-body';
import { megabytes } from './megabytes';
import { planShardedList } from './sharded-list';

const listSummary = z.object({ records: z.number().int(), duplicates: z.number().int(), version: z.number().int() });

/** The server's summary of a loaded list. */
export type ListUploadSummary = z.infer<typeof listSummary>;

export interface UploadListOptions {
  target: AdminTarget;
  exposureId: string;
  /** One list file, or the shards of one list in order. */
  files: readonly string[];
  onProgress?: (progress: UploadProgress) => void;
}

/**
 * `PUT /api/v1/admin/exposures/{id}/list` with the list files streamed as one text/plain body.
 * The files are checked to belong together before anything is sent. The server makes the list
 * live only once all of it arrived valid; any failure leaves the previous list answering.
 */
export async function uploadList(options: UploadListOptions): Promise<ListUploadSummary> {
  const list = await planShardedList(options.files);
  const body = new ListBody(list, options.onProgress);
  let response: AdminResponse;
  try {
    response = await sendAdminRequest(options.target, {
      method: 'PUT',
      path: exposurePath(options.exposureId, '/list'),
      body,
      contentType: 'text/plain; charset=utf-8',
    });
  } catch (error) {
    throw error instanceof AdminClientError && error.failure === 'connection_lost' ? interrupted(error, body, options.exposureId) : error;
  }
  if (response.status !== 200) {
    throw apiAnswerError(response, {
      exposureId: options.exposureId,
      explain: (code, message) => (code === 'invalid_list' ? withFileLines(message, body.lines, list.parts.length) : message),
    });
  }
  const summary = listSummary.safeParse(response.json);
  if (!summary.success) {
    throw new AdminClientError('bad_response', 'the server answered 200 without a list summary: is --server the Exposure Check service?');
  }
  return summary.data;
}

/** What a broken connection means for the list: it depends on whether all of it had been sent. */
function interrupted(error: AdminClientError, body: ListBody, exposureId: string): AdminClientError {
  const details = { phase: error.phase, reason: error.reason, cause: error };
  if (error.phase === 'sending') {
    return new AdminClientError(
      'connection_lost',
      `the connection to the server broke during the upload, after ${megabytes(body.sentBytes)} of ` +
        `${megabytes(body.totalBytes)} MB were sent: ${error.reason}. Nothing of this upload goes live; the ` +
        'previous list, if any, keeps answering. Upload again.',
      details,
    );
  }
  return new AdminClientError(
    'connection_lost',
    `the connection to the server broke after the whole list was sent, before the server answered: ${error.reason}. ` +
      `The list may or may not have gone live: GET ${exposurePath(exposureId, '')} shows the live version.`,
    details,
  );
}
