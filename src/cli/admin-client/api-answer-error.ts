import { z } from 'zod';
import { AdminClientError } from './admin-client-error';
import type { AdminResponse } from './admin-request';

const errorAnswer = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export interface ApiErrorContext {
  exposureId: string;
  /** Rewrites the server's message for the operator, e.g. to name files and lines. */
  explain?: (code: string, message: string) => string;
}

/** An error answer of the admin API as one line: what it means here, then the server's status, code and message. */
export function apiAnswerError(response: AdminResponse, context: ApiErrorContext): AdminClientError {
  const parsed = errorAnswer.safeParse(response.json);
  if (!parsed.success) {
    const text = response.textStart.replace(/\s+/g, ' ').trim();
    return new AdminClientError(
      'bad_response',
      `unexpected answer HTTP ${response.status}${text === '' ? '' : ` "${text}"`}: is --server the Exposure Check service's base URL?`,
      { status: response.status },
    );
  }
  const { code } = parsed.data.error;
  const message = context.explain ? context.explain(code, parsed.data.error.message) : parsed.data.error.message;
  const answer = `(${response.status} ${code}: ${message})`;
  return new AdminClientError('api_error', `${meaning(response.status, code, context.exposureId)} ${answer}`, {
    status: response.status,
    code,
  });
}

function meaning(status: number, code: string, exposureId: string): string {
  if (status === 401) return 'the server refused the admin token';
  if (status === 404) return `the server has no exposure "${exposureId}"`;
  if (code === 'invalid_list' || code === 'empty_list' || code === 'unknown_profile') return 'the server refused the list';
  if (status >= 500) return 'the server failed';
  return 'the server refused the request';
}
