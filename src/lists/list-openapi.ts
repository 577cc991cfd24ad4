import { z } from 'zod';
import { auditedChangeErrors } from '../audit';
import { errorResponse, jsonResponse, type ApiPaths, type Parameter } from '../openapi';
import type { ListWriteSummary } from './list-service';

const listWriteSummary = z.object({
  records: z.int().meta({ description: 'Distinct rows now in the live list' }),
  duplicates: z.int().meta({ description: 'Rows that repeated an earlier row' }),
  version: z.int().min(1).meta({
    description:
      "The new live version's number, counting only versions of this exposure's list that went live (1, 2, 3...): " +
      'a refused or failed upload uses up none. The same number as list.version of GET /api/v1/admin/exposures/{exposureId}.',
  }),
}) satisfies z.ZodType<ListWriteSummary>;

/**
 * PUT and DELETE /api/v1/admin/exposures/{exposureId}/list (admin-list-routes.ts). The exposure
 * parameter is the catalogue's, which sits above the lists and gives it in.
 */
export function listApiPaths(exposureIdParameter: Parameter): ApiPaths {
  return (registry) => {
      registry.path('/api/v1/admin/exposures/{exposureId}/list', {
      parameters: [exposureIdParameter],
      put: {
        operationId: 'uploadList',
        summary:
          "Load a new version of the exposure's hashed list from a list file; it replaces the live one in one step",
        description:
          'The body is the list file, streamed as text/plain (never held whole in memory). Format: UTF-8; ' +
          'optional header lines starting with "#" before the first row, among them "# profile: <id>", which ' +
          'must name a hashing profile this server knows (without it, the current profile of ' +
          'GET /api/v1/hashing-profile is assumed); then one argon2id output per line as 64 hexadecimal ' +
          'characters, either case. Blank lines are ignored; CRLF line ends and a UTF-8 BOM are accepted. ' +
          'Any other line, a "#" line after the first row included, rejects the whole upload. The old version ' +
          'answers checks until the new one is complete; a rejected, failed or interrupted upload never ' +
          'becomes live and its rows are deleted. A file without rows is refused: to take a list offline, ' +
          'DELETE it. Publication is separate (POST .../publish).',
        requestBody: {
          required: true,
          content: {
            'text/plain': {
              schema: z.string(),
              example: '# profile: hp-0123456789ab\n9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n',
            },
          },
        },
        responses: {
          '200': jsonResponse('The new version is live', listWriteSummary),
          '400': errorResponse(
            'invalid_list (the message gives the first bad line numbers, at most 10, never their content), ' +
              'unknown_profile, empty_list, or upload_incomplete (the body ended early)',
          ),
          '404': errorResponse('not_found: no such exposure'),
          '408': errorResponse(
            'upload_stalled: nothing of the body arrived for LIST_UPLOAD_IDLE_SECONDS; nothing was loaded, the connection is closed',
          ),
          '409': errorResponse(
            'list_upload_cancelled: the list was deleted, or a server start cleaned unfinished uploads, meanwhile',
          ),
          '415': errorResponse('unsupported_media_type: the body must be text/plain'),
          // Its own 503: the audited change's, and the store's losing part of the list.
          '503': errorResponse(
            'audit_unavailable: the list was loaded, but the audit log could not record it; ' +
              'list_upload_incomplete: the store lost part of the list while it was loaded, nothing of it went live',
          ),
        },
      },
      delete: {
        operationId: 'deleteList',
        summary: "Erase the exposure's hashed list: it stops answering checks and no key of any version remains",
        description: 'The exposure stays and shows as not checkable by email. Idempotent.',
        responses: {
          '204': { description: 'Erased' },
          ...auditedChangeErrors,
          '404': errorResponse('not_found: no such exposure'),
        },
      },
    });
  };
}
