import { PUBLIC, type ApiPaths } from './openapi-registry';

/** The document's own address (src/app.ts serves it). */
export const openApiDocumentPaths: ApiPaths = (registry) => {
  registry.path('/api/v1/openapi.json', {
    get: {
      operationId: 'getOpenApiDocument',
      summary: 'This document',
      security: PUBLIC,
      responses: { '200': { description: 'OpenAPI 3.1' } },
    },
  });
};
