import { z } from 'zod';
import { auditedChangeErrors } from '../audit';
import { errorResponse, jsonRequest, jsonResponse, type ApiPaths, type Parameter } from '../openapi';
import { exposureSchema, incidentSchema } from './admin-catalog-input';
import type { AdminExposure } from './admin-catalog-service';
import { catalogId, exposureFields, incidentFields, localizedText, timestamp } from './catalog-openapi';
import type { Incident } from './catalog-model';

const adminIncident = z.object({
  id: catalogId,
  ...incidentFields,
  createdAt: timestamp,
  updatedAt: timestamp,
}) satisfies z.ZodType<Incident>;

const adminExposure = z.object({
  id: catalogId,
  ...exposureFields,
  talkingPoints: localizedText
    .meta({ description: 'Staff only: what support staff say to a caller found in this exposure.' })
    .optional(),
  sensitive: z.boolean(),
  published: z.boolean(),
  list: z
    .object({
      version: z.int().min(1).meta({
        description:
          "Which version of the exposure's list this is, counting only versions that went live: 1 for the first, " +
          'then 2, 3... A refused or failed upload uses up no number; numbers go on after the list is erased and loaded again.',
      }),
      profileId: z.string(),
      records: z.int(),
      activatedAt: timestamp,
    })
    .nullable()
    .meta({ description: 'The live hashed list, or null when the exposure cannot be checked by email' }),
  createdAt: timestamp,
  updatedAt: timestamp,
}) satisfies z.ZodType<AdminExposure>;

const incidentIdParameter: Parameter = { name: 'incidentId', in: 'path', required: true, schema: catalogId };

/** The exposure an admin path names; the lists' paths (src/lists/list-openapi.ts) are given it too. */
export const exposureIdParameter: Parameter = { name: 'exposureId', in: 'path', required: true, schema: catalogId };

const PATCH_DESCRIPTION =
  'JSON Merge Patch semantics (RFC 7396), sent as application/json: fields left out stay; null removes ' +
  'an optional field; objects (texts, windows) merge; arrays replace. The result is validated like a new ' +
  'resource. Server fields (id, incidentId, published) may be sent back unchanged; changing them is a ' +
  '400. createdAt, updatedAt and list are ignored.';

/** Incidents and exposures for admins (admin-catalog-routes.ts). */
export const adminCatalogApiPaths: ApiPaths = (registry) => {
  const incidentInput = registry.schema('IncidentInput', incidentSchema, 'input');
  const exposureInput = registry.schema('ExposureInput', exposureSchema, 'input');
  const incident = registry.schema('AdminIncident', adminIncident);
  const exposure = registry.schema('AdminExposure', adminExposure);

  registry.path('/api/v1/admin/incidents', {
    get: {
      operationId: 'listIncidents',
      summary: 'Every incident, published or not',
      responses: {
        '200': jsonResponse('All incidents, oldest first', z.object({ incidents: z.array(incident) })),
      },
    },
    post: {
      operationId: 'createIncident',
      summary: 'Describe a new incident',
      description:
        'Unknown fields are ignored. The id is generated: a slug of the English organization (or title) and ' +
        'year plus a random suffix, e.g. porsche-japan-2018-k3xq7a.',
      requestBody: jsonRequest(incidentInput),
      responses: {
        '201': jsonResponse('Created; Location names it', incident),
        '400': errorResponse(
          'invalid_request (the message names each bad field, e.g. "attackWindow.to: ...") or malformed_json',
        ),
        ...auditedChangeErrors,
        '413': errorResponse('payload_too_large'),
        '415': errorResponse('unsupported_media_type'),
      },
    },
  });

  registry.path('/api/v1/admin/incidents/{incidentId}', {
    parameters: [incidentIdParameter],
    get: {
      operationId: 'getIncident',
      summary: 'One incident',
      responses: {
        '200': jsonResponse('The incident', incident),
        '404': errorResponse('not_found'),
      },
    },
    patch: {
      operationId: 'updateIncident',
      summary: 'Change some fields of an incident',
      description: PATCH_DESCRIPTION,
      requestBody: jsonRequest(incidentInput, 'Any subset of the fields'),
      responses: {
        '200': jsonResponse('The incident after the change', incident),
        '400': errorResponse('invalid_request, naming the field'),
        ...auditedChangeErrors,
        '404': errorResponse('not_found'),
        '415': errorResponse('unsupported_media_type'),
      },
    },
    delete: {
      operationId: 'deleteIncident',
      summary: 'Delete an incident that has no exposures left',
      responses: {
        '204': { description: 'Deleted' },
        ...auditedChangeErrors,
        '404': errorResponse('not_found'),
        '409': errorResponse('incident_has_exposures: delete its exposures first, so nothing is orphaned'),
      },
    },
  });

  registry.path('/api/v1/admin/incidents/{incidentId}/exposures', {
    parameters: [incidentIdParameter],
    get: {
      operationId: 'listExposures',
      summary: "The incident's exposures, published or not",
      responses: {
        '200': jsonResponse('Its exposures, oldest first', z.object({ exposures: z.array(exposure) })),
        '404': errorResponse('not_found'),
      },
    },
    post: {
      operationId: 'createExposure',
      summary: 'Describe a new exposure of the incident; it starts unpublished',
      requestBody: jsonRequest(exposureInput),
      responses: {
        '201': jsonResponse('Created, unpublished; Location names it', exposure),
        '400': errorResponse(
          'invalid_request, naming the field (e.g. `dataExposed[1]: unknown data class "salary"; known: ...`)',
        ),
        ...auditedChangeErrors,
        '404': errorResponse('not_found: no such incident'),
        '413': errorResponse('payload_too_large'),
        '415': errorResponse('unsupported_media_type'),
      },
    },
  });

  registry.path('/api/v1/admin/exposures/{exposureId}', {
    parameters: [exposureIdParameter],
    get: {
      operationId: 'getExposure',
      summary: 'One exposure, with its live list if any',
      responses: {
        '200': jsonResponse('The exposure', exposure),
        '404': errorResponse('not_found'),
      },
    },
    patch: {
      operationId: 'updateExposure',
      summary: 'Change some fields of an exposure (a published one changes publicly at once)',
      description: PATCH_DESCRIPTION,
      requestBody: jsonRequest(exposureInput, 'Any subset of the fields'),
      responses: {
        '200': jsonResponse('The exposure after the change', exposure),
        '400': errorResponse('invalid_request, naming the field'),
        ...auditedChangeErrors,
        '404': errorResponse('not_found'),
        '415': errorResponse('unsupported_media_type'),
      },
    },
    delete: {
      operationId: 'deleteExposure',
      summary: 'Delete an exposure and every version of its hashed list',
      responses: {
        '204': { description: 'Deleted; none of its list remains' },
        ...auditedChangeErrors,
        '404': errorResponse('not_found'),
      },
    },
  });

  registry.path('/api/v1/admin/exposures/{exposureId}/publish', {
    parameters: [exposureIdParameter],
    post: {
      operationId: 'publishExposure',
      summary: 'Let the exposure answer public checks and appear in the public catalogue (unless sensitive)',
      description:
        'An incident is public once one of its exposures is published and not sensitive. Idempotent; no body.',
      responses: {
        '200': jsonResponse('The exposure, published', exposure),
        ...auditedChangeErrors,
        '404': errorResponse('not_found'),
      },
    },
  });

  registry.path('/api/v1/admin/exposures/{exposureId}/unpublish', {
    parameters: [exposureIdParameter],
    post: {
      operationId: 'unpublishExposure',
      summary: 'Withdraw the exposure from public checks and the public catalogue; its list is kept',
      description: 'Idempotent; no body.',
      responses: {
        '200': jsonResponse('The exposure, unpublished', exposure),
        ...auditedChangeErrors,
        '404': errorResponse('not_found'),
      },
    },
  });
};
