import { DATA_CLASSES } from '../catalog/data-classes';

/** The HTTP contract (DESIGN section 5), served at /api/v1/openapi.json. */
const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const localizedText = {
  type: 'object',
  properties: { ja: { type: 'string' }, en: { type: 'string' } },
  description: 'Text in Japanese and/or English; readers fall back to the other language.',
};

const dateWindow = {
  type: 'object',
  properties: { from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' } },
};

// Admin input: a text is a plain string or {ja, en}. Shared by the admin paths below.
const localizedTextInput = (maxLength: number) => ({
  description:
    `Either {"ja": "...", "en": "..."} (at least one non-empty) or a plain string, which is filed under ` +
    '"ja" when it contains Japanese script (hiragana, katakana, kanji) and under "en" otherwise. Trimmed; ' +
    `at most ${maxLength} characters per language. An optional text left blank means none. In a PATCH ` +
    'an object updates only the languages it names (null or "" removes one) and a plain string replaces ' +
    'the whole text.',
  oneOf: [
    { type: 'string', maxLength },
    {
      type: 'object',
      properties: { ja: { type: 'string', maxLength }, en: { type: 'string', maxLength } },
    },
  ],
});

const dateWindowInput = {
  ...dateWindow,
  description: 'Either end may be left out; "to" must not be before "from". In a PATCH the ends merge.',
};

// From the vocabulary itself, so the document never lists a code the API would refuse.
const dataClassCodes = { type: 'array', items: { enum: Object.keys(DATA_CLASSES) } };

const adminSecurity = [{ adminToken: [] }];

const adminErrors = {
  '401': errorResponse('unauthorized: missing, unknown or revoked token, or its owner is disabled'),
  '403': errorResponse("forbidden: the token's owner is not an admin"),
};

// A change is made first and audited after; if the audit log then fails, the admin must hear it.
const adminChangeErrors = {
  ...adminErrors,
  '503': errorResponse('audit_unavailable: the change was saved, but the audit log could not record it'),
};

const jsonBody = (ref: string, description?: string) => ({
  required: true,
  ...(description && { description }),
  content: { 'application/json': { schema: { $ref: ref } } },
});

const jsonResponse = (description: string, ref: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: ref } } },
});

const PATCH_DESCRIPTION =
  'JSON Merge Patch semantics (RFC 7396), sent as application/json: fields left out stay; null removes ' +
  'an optional field; objects (texts, windows) merge; arrays replace. The result is validated like a new ' +
  'resource. Server fields (id, incidentId, published) may be sent back unchanged; changing them is a ' +
  '400. createdAt, updatedAt and list are ignored.';

const catalogId = { type: 'string', pattern: '^[a-z0-9-]+$', maxLength: 100 };
const incidentIdParameter = { name: 'incidentId', in: 'path', required: true, schema: catalogId };
const exposureIdParameter = { name: 'exposureId', in: 'path', required: true, schema: catalogId };

/** What the public and the admin view of an incident share. */
const incidentFields = {
  organization: localizedText,
  title: localizedText,
  summary: localizedText,
  attackWindow: dateWindow,
  announcedOn: { type: 'string', format: 'date' },
  sources: { type: 'array', items: { type: 'string', format: 'uri' } },
  status: { enum: ['investigating', 'announced', 'resolved'] },
};

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Exposure Check',
    version: '1',
    description:
      'Tells a customer whether their email address appears in an announced data breach, checked ' +
      'against keyed hashes of the exposed lists only. Addresses are never stored or logged.',
  },
  paths: {
    '/api/v1/check': {
      post: {
        summary: 'Check one email address against every published list',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { type: 'object', required: ['email'], properties: { email: { type: 'string' } } },
            },
          },
        },
        responses: {
          '200': {
            description:
              'The answer. `affected: false` means "not in the lists held here", not "safe". The JSON text is ' +
              'followed by spaces, so that every answer has the same length whatever it says.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/CheckResult' } } },
          },
          '400': errorResponse('invalid_email, invalid_request or malformed_json'),
          '413': errorResponse('payload_too_large'),
          '415': errorResponse('unsupported_media_type'),
          '503': errorResponse('unavailable: the check could not be done; never a "not affected"'),
        },
      },
    },
    '/api/v1/incidents': {
      get: {
        summary: 'Published incidents with their public exposures, checkable by email or not',
        responses: {
          '200': {
            description: 'The public catalogue',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { incidents: { type: 'array', items: { $ref: '#/components/schemas/Incident' } } },
                },
              },
            },
          },
          '503': errorResponse('unavailable'),
        },
      },
    },
    '/api/v1/hashing-profile': {
      get: {
        summary: 'The public hashing parameters list producers hash with',
        responses: {
          '200': {
            description: 'The current profile',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/HashingProfile' } } },
          },
        },
      },
    },
    '/api/v1/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } } },
    '/healthz': { get: { summary: 'The process is up', responses: { '200': { description: 'ok' } } } },
    '/readyz': {
      get: {
        summary: 'This instance can answer checks',
        responses: {
          '200': { description: 'ready' },
          '503': errorResponse(
            'unavailable: the store is not reachable; store_lost_data: the store lost data it held at start ' +
              '(wiped, restarted empty, a bucket key gone), restore it or restart against an empty store and ' +
              'reload the lists; store_evicts: Redis may delete keys (maxmemory-policy is not noeviction); ' +
              'draining: shutting down',
          ),
        },
      },
    },
    '/api/v1/admin/incidents': {
      get: {
        summary: 'Every incident, published or not',
        security: adminSecurity,
        responses: {
          '200': {
            description: 'All incidents, oldest first',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { incidents: { type: 'array', items: { $ref: '#/components/schemas/AdminIncident' } } },
                },
              },
            },
          },
          ...adminErrors,
        },
      },
      post: {
        summary: 'Describe a new incident',
        description:
          'Unknown fields are ignored. The id is generated: a slug of the English organization (or title) and ' +
          'year plus a random suffix, e.g. porsche-japan-2018-k3xq7a.',
        security: adminSecurity,
        requestBody: jsonBody('#/components/schemas/IncidentInput'),
        responses: {
          '201': jsonResponse('Created; Location names it', '#/components/schemas/AdminIncident'),
          '400': errorResponse(
            'invalid_request (the message names each bad field, e.g. "attackWindow.to: ...") or malformed_json',
          ),
          ...adminChangeErrors,
          '413': errorResponse('payload_too_large'),
          '415': errorResponse('unsupported_media_type'),
        },
      },
    },
    '/api/v1/admin/incidents/{incidentId}': {
      parameters: [incidentIdParameter],
      get: {
        summary: 'One incident',
        security: adminSecurity,
        responses: {
          '200': jsonResponse('The incident', '#/components/schemas/AdminIncident'),
          ...adminErrors,
          '404': errorResponse('not_found'),
        },
      },
      patch: {
        summary: 'Change some fields of an incident',
        description: PATCH_DESCRIPTION,
        security: adminSecurity,
        requestBody: jsonBody('#/components/schemas/IncidentInput', 'Any subset of the fields'),
        responses: {
          '200': jsonResponse('The incident after the change', '#/components/schemas/AdminIncident'),
          '400': errorResponse('invalid_request, naming the field'),
          ...adminChangeErrors,
          '404': errorResponse('not_found'),
          '415': errorResponse('unsupported_media_type'),
        },
      },
      delete: {
        summary: 'Delete an incident that has no exposures left',
        security: adminSecurity,
        responses: {
          '204': { description: 'Deleted' },
          ...adminChangeErrors,
          '404': errorResponse('not_found'),
          '409': errorResponse('incident_has_exposures: delete its exposures first, so nothing is orphaned'),
        },
      },
    },
    '/api/v1/admin/incidents/{incidentId}/exposures': {
      parameters: [incidentIdParameter],
      get: {
        summary: "The incident's exposures, published or not",
        security: adminSecurity,
        responses: {
          '200': {
            description: 'Its exposures, oldest first',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { exposures: { type: 'array', items: { $ref: '#/components/schemas/AdminExposure' } } },
                },
              },
            },
          },
          ...adminErrors,
          '404': errorResponse('not_found'),
        },
      },
      post: {
        summary: 'Describe a new exposure of the incident; it starts unpublished',
        security: adminSecurity,
        requestBody: jsonBody('#/components/schemas/ExposureInput'),
        responses: {
          '201': jsonResponse('Created, unpublished; Location names it', '#/components/schemas/AdminExposure'),
          '400': errorResponse(
            'invalid_request, naming the field (e.g. `dataExposed[1]: unknown data class "salary"; known: ...`)',
          ),
          ...adminChangeErrors,
          '404': errorResponse('not_found: no such incident'),
          '413': errorResponse('payload_too_large'),
          '415': errorResponse('unsupported_media_type'),
        },
      },
    },
    '/api/v1/admin/exposures/{exposureId}': {
      parameters: [exposureIdParameter],
      get: {
        summary: 'One exposure, with its live list if any',
        security: adminSecurity,
        responses: {
          '200': jsonResponse('The exposure', '#/components/schemas/AdminExposure'),
          ...adminErrors,
          '404': errorResponse('not_found'),
        },
      },
      patch: {
        summary: 'Change some fields of an exposure (a published one changes publicly at once)',
        description: PATCH_DESCRIPTION,
        security: adminSecurity,
        requestBody: jsonBody('#/components/schemas/ExposureInput', 'Any subset of the fields'),
        responses: {
          '200': jsonResponse('The exposure after the change', '#/components/schemas/AdminExposure'),
          '400': errorResponse('invalid_request, naming the field'),
          ...adminChangeErrors,
          '404': errorResponse('not_found'),
          '415': errorResponse('unsupported_media_type'),
        },
      },
      delete: {
        summary: 'Delete an exposure and every version of its hashed list',
        security: adminSecurity,
        responses: {
          '204': { description: 'Deleted; none of its list remains' },
          ...adminChangeErrors,
          '404': errorResponse('not_found'),
        },
      },
    },
    '/api/v1/admin/exposures/{exposureId}/list': {
      parameters: [exposureIdParameter],
      put: {
        summary: "Load a new version of the exposure's hashed list from a list file; it replaces the live one in one step",
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
        security: adminSecurity,
        requestBody: {
          required: true,
          content: {
            'text/plain': {
              schema: { type: 'string' },
              example: '# profile: hp-0123456789ab\n9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n',
            },
          },
        },
        responses: {
          '200': {
            description: 'The new version is live',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['records', 'duplicates', 'version'],
                  properties: {
                    records: { type: 'integer', description: 'Distinct rows now in the live list' },
                    duplicates: { type: 'integer', description: 'Rows that repeated an earlier row' },
                    version: { type: 'integer' },
                  },
                },
              },
            },
          },
          '400': errorResponse(
            'invalid_list (the message gives the first bad line numbers, at most 10, never their content), ' +
              'unknown_profile, empty_list, or upload_incomplete (the body ended early)',
          ),
          ...adminChangeErrors,
          '404': errorResponse('not_found: no such exposure'),
          '408': errorResponse(
            'upload_stalled: nothing of the body arrived for LIST_UPLOAD_IDLE_SECONDS; nothing was loaded, the connection is closed',
          ),
          '409': errorResponse(
            'list_upload_cancelled: the list was deleted, or a server start cleaned unfinished uploads, meanwhile',
          ),
          '415': errorResponse('unsupported_media_type: the body must be text/plain'),
          '503': errorResponse(
            'audit_unavailable: the list was loaded, but the audit log could not record it; ' +
              'list_upload_incomplete: the store lost part of the list while it was loaded, nothing of it went live',
          ),
        },
      },
      delete: {
        summary: "Erase the exposure's hashed list: it stops answering checks and no key of any version remains",
        description: 'The exposure stays and shows as not checkable by email. Idempotent.',
        security: adminSecurity,
        responses: {
          '204': { description: 'Erased' },
          ...adminChangeErrors,
          '404': errorResponse('not_found: no such exposure'),
        },
      },
    },
    '/api/v1/admin/exposures/{exposureId}/publish': {
      parameters: [exposureIdParameter],
      post: {
        summary: 'Let the exposure answer public checks and appear in the public catalogue (unless sensitive)',
        description:
          'An incident is public once one of its exposures is published and not sensitive. Idempotent; no body.',
        security: adminSecurity,
        responses: {
          '200': jsonResponse('The exposure, published', '#/components/schemas/AdminExposure'),
          ...adminChangeErrors,
          '404': errorResponse('not_found'),
        },
      },
    },
    '/api/v1/admin/exposures/{exposureId}/unpublish': {
      parameters: [exposureIdParameter],
      post: {
        summary: 'Withdraw the exposure from public checks and the public catalogue; its list is kept',
        description: 'Idempotent; no body.',
        security: adminSecurity,
        responses: {
          '200': jsonResponse('The exposure, unpublished', '#/components/schemas/AdminExposure'),
          ...adminChangeErrors,
          '404': errorResponse('not_found'),
        },
      },
    },
  },
  components: {
    securitySchemes: {
      adminToken: {
        type: 'http',
        scheme: 'bearer',
        description:
          "An admin's own API token (xct_..., made on the admin console's API tokens page), or the break-glass ADMIN_API_TOKEN.",
      },
    },
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: { code: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
      HashingProfile: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          algorithm: { const: 'argon2id' },
          version: { const: 19 },
          memoryKiB: { type: 'integer' },
          iterations: { type: 'integer' },
          parallelism: { type: 'integer' },
          hashLength: { const: 32 },
          salt: { type: 'string', contentEncoding: 'base64' },
          normalization: { const: 'email-v1' },
          bucketBits: { type: 'integer' },
          createdAt: { type: 'string', format: 'date-time' },
        },
      },
      Exposure: {
        type: 'object',
        required: ['id', 'incidentId', 'title', 'dataExposed', 'dataNotExposed', 'checkableByEmail'],
        properties: {
          id: { type: 'string' },
          incidentId: { type: 'string' },
          title: localizedText,
          description: localizedText,
          window: dateWindow,
          dataExposed: { type: 'array', items: { type: 'string' } },
          dataNotExposed: { type: 'array', items: { type: 'string' } },
          affectedCount: { type: 'integer' },
          advice: localizedText,
          checkableByEmail: { type: 'boolean' },
        },
      },
      Incident: {
        type: 'object',
        required: ['id', 'organization', 'title', 'status', 'sources'],
        properties: {
          id: { type: 'string' },
          ...incidentFields,
          exposures: { type: 'array', items: { $ref: '#/components/schemas/Exposure' } },
        },
      },
      ExposureWithIncident: {
        allOf: [
          { $ref: '#/components/schemas/Exposure' },
          { type: 'object', properties: { incident: { $ref: '#/components/schemas/Incident' } } },
        ],
      },
      IncidentInput: {
        type: 'object',
        required: ['organization', 'title'],
        properties: {
          organization: localizedTextInput(200),
          title: localizedTextInput(200),
          summary: localizedTextInput(4000),
          attackWindow: dateWindowInput,
          announcedOn: { type: 'string', format: 'date' },
          sources: {
            type: 'array',
            maxItems: 20,
            items: { type: 'string', format: 'uri', description: 'http or https' },
          },
          status: { enum: ['investigating', 'announced', 'resolved'], default: 'announced' },
        },
      },
      AdminIncident: {
        type: 'object',
        required: ['id', 'organization', 'title', 'sources', 'status', 'createdAt', 'updatedAt'],
        properties: {
          id: catalogId,
          ...incidentFields,
          createdAt: { type: 'string', format: 'date-time' },
          updatedAt: { type: 'string', format: 'date-time' },
        },
      },
      ExposureInput: {
        type: 'object',
        required: ['title', 'dataExposed'],
        properties: {
          title: localizedTextInput(200),
          description: localizedTextInput(4000),
          window: dateWindowInput,
          dataExposed: { ...dataClassCodes, minItems: 1, description: 'Repeated codes are kept once.' },
          dataNotExposed: {
            ...dataClassCodes,
            description: 'Confirmed not exposed; must not repeat a dataExposed code.',
          },
          affectedCount: { type: 'integer', minimum: 0 },
          advice: localizedTextInput(4000),
          talkingPoints: {
            ...localizedTextInput(4000),
            description:
              'What support staff say to a caller found in this exposure. Staff only: never in the public API or pages. ' +
              localizedTextInput(4000).description,
          },
          sensitive: {
            type: 'boolean',
            default: false,
            description: 'Sensitive exposures never answer public checks nor appear in the public catalogue.',
          },
        },
      },
      AdminExposure: {
        type: 'object',
        required: [
          'id',
          'incidentId',
          'title',
          'dataExposed',
          'dataNotExposed',
          'sensitive',
          'published',
          'list',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          id: catalogId,
          incidentId: { type: 'string' },
          title: localizedText,
          description: localizedText,
          window: dateWindow,
          dataExposed: dataClassCodes,
          dataNotExposed: dataClassCodes,
          affectedCount: { type: 'integer' },
          advice: localizedText,
          talkingPoints: { ...localizedText, description: 'Staff only: what support staff say to a caller found in this exposure.' },
          sensitive: { type: 'boolean' },
          published: { type: 'boolean' },
          list: {
            description: 'The live hashed list, or null when the exposure cannot be checked by email',
            oneOf: [
              { type: 'null' },
              {
                type: 'object',
                properties: {
                  version: { type: 'integer' },
                  profileId: { type: 'string' },
                  records: { type: 'integer' },
                  activatedAt: { type: 'string', format: 'date-time' },
                },
              },
            ],
          },
          createdAt: { type: 'string', format: 'date-time' },
          updatedAt: { type: 'string', format: 'date-time' },
        },
      },
      CheckResult: {
        type: 'object',
        required: ['affected', 'exposures', 'checked', 'notCheckableByEmail'],
        properties: {
          affected: { type: 'boolean' },
          exposures: { type: 'array', items: { $ref: '#/components/schemas/ExposureWithIncident' } },
          checked: { type: 'array', items: { $ref: '#/components/schemas/ExposureWithIncident' } },
          notCheckableByEmail: { type: 'array', items: { $ref: '#/components/schemas/ExposureWithIncident' } },
        },
      },
    },
  },
} as const;
