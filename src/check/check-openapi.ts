import { z } from 'zod';
import { publicCatalogSchemas } from '../catalog';
import { PUBLIC, errorResponse, jsonRequest, jsonResponse, type ApiPaths } from '../openapi';
import { checkRequestSchema } from './check-request';
import type { CheckResult } from './check-result';

/** POST /api/v1/check (check-api-routes.ts). */
export const checkApiPaths: ApiPaths = (registry) => {
  const { exposure, incident } = publicCatalogSchemas(registry);
  // The incident comes without its exposures: the answer lists those itself.
  const exposureWithIncident = registry.schema(
    'ExposureWithIncident',
    z.intersection(exposure, z.object({ incident: incident.omit({ exposures: true }) })),
  );
  const checkResult = registry.schema(
    'CheckResult',
    z.object({
      affected: z.boolean(),
      exposures: z.array(exposureWithIncident),
      checked: z.array(exposureWithIncident),
      notCheckableByEmail: z.array(exposureWithIncident),
    }) satisfies z.ZodType<CheckResult>,
  );

  registry.path('/api/v1/check', {
    post: {
      operationId: 'checkEmail',
      summary: 'Check one email address against every published list',
      security: PUBLIC,
      requestBody: jsonRequest(checkRequestSchema),
      responses: {
        '200': jsonResponse(
          'The answer. `affected: false` means "not in the lists held here", not "safe". The JSON text is ' +
            'followed by spaces, so that every answer has the same length whatever it says.',
          checkResult,
        ),
        '400': errorResponse('invalid_email, invalid_request or malformed_json'),
        '413': errorResponse('payload_too_large'),
        '415': errorResponse('unsupported_media_type'),
        '503': errorResponse('unavailable: the check could not be done; never a "not affected"'),
      },
    },
  });
};
