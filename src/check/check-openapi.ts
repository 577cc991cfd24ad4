import { z } from 'zod';
import { publicCatalogSchemas } from '../catalog';
import { LIMIT_SCOPES } from '../errors';
import { PUBLIC, errorResponse, jsonRequest, jsonResponse, type ApiPaths, type ApiRegistry } from '../openapi';
import { checkRequestSchema } from './check-request';
import type { CheckResult } from './check-result';

function buildExposureWithIncident(registry: ApiRegistry) {
  const { exposure, incident } = publicCatalogSchemas(registry);
  // The incident comes without its exposures: the answer lists those itself.
  return z.intersection(exposure, z.object({ incident: incident.omit({ exposures: true }) }));
}

// Built once: every document names this one schema object (the private check's answer uses it too).
let exposureWithIncidentSchema: ReturnType<typeof buildExposureWithIncident> | undefined;

/** An exposure with its incident, as check answers list them; named ExposureWithIncident. */
export function exposureWithIncident(registry: ApiRegistry): ReturnType<typeof buildExposureWithIncident> {
  exposureWithIncidentSchema ??= buildExposureWithIncident(registry);
  return registry.schema('ExposureWithIncident', exposureWithIncidentSchema);
}

/** POST /api/v1/check (check-api-routes.ts). */
export const checkApiPaths: ApiPaths = (registry) => {
  const exposureWithIncidentRef = exposureWithIncident(registry);
  const checkResult = registry.schema(
    'CheckResult',
    z.object({
      affected: z.boolean(),
      exposures: z.array(exposureWithIncidentRef),
      checked: z.array(exposureWithIncidentRef),
      notCheckableByEmail: z.array(exposureWithIncidentRef),
    }) satisfies z.ZodType<CheckResult>,
  );
  // The error answer of src/http/error-renderer.ts, with the scope a 429 carries.
  const rateLimitedError = registry.schema(
    'RateLimitedError',
    z.object({
      error: z.object({
        code: z.literal('rate_limited'),
        message: z.string(),
        scope: z.enum(LIMIT_SCOPES).meta({
          description:
            "Which budget refused: `network`, the checks from the client's address or IPv6 /64 (shared by " +
            "everyone behind it, such as a carrier's or an office's address); `global`, the checks of everybody.",
        }),
      }),
    }),
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
        '429': jsonResponse(
          "rate_limited: too many checks, from the client's network or from everybody (`scope` says which); " +
            'Retry-After gives the seconds to wait. Never a "not affected": the address was not checked.',
          rateLimitedError,
        ),
        '503': errorResponse('unavailable: the check could not be done; never a "not affected"'),
      },
    },
  });
};
