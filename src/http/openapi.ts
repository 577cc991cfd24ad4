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
            description: 'The answer. `affected: false` means "not in the lists held here", not "safe".',
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
        summary: 'The store is reachable',
        responses: { '200': { description: 'ready' }, '503': errorResponse('unavailable') },
      },
    },
  },
  components: {
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
          organization: localizedText,
          title: localizedText,
          summary: localizedText,
          attackWindow: dateWindow,
          announcedOn: { type: 'string', format: 'date' },
          sources: { type: 'array', items: { type: 'string', format: 'uri' } },
          status: { enum: ['investigating', 'announced', 'resolved'] },
          exposures: { type: 'array', items: { $ref: '#/components/schemas/Exposure' } },
        },
      },
      ExposureWithIncident: {
        allOf: [
          { $ref: '#/components/schemas/Exposure' },
          { type: 'object', properties: { incident: { $ref: '#/components/schemas/Incident' } } },
        ],
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
