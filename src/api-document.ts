import type { Feature } from './http';
import { buildOpenApiDocument, openApiDocumentPaths, type DocumentHead, type OpenApiDocument } from './openapi';

const HEAD: DocumentHead = {
    info: {
      title: 'Exposure Check',
      version: '1',
      description:
        'Tells a customer whether their email address appears in an announced data breach, checked ' +
        'against keyed hashes of the exposed lists only. Addresses are never stored or logged.',
    },
    servers: [{ url: '/', description: 'The server that serves this document' }],
  };

/**
 * The HTTP contract clients may rely on (public check, catalogue, hashing profile, health, admin
 * API), served at /api/v1/openapi.json: built from each feature's description of its routes
 * (Feature.api), whose request schemas are the ones the routes validate with. A mounted JSON
 * route missing from it fails test/openapi/openapi-routes.test.ts.
 */
export function apiDocumentOf(features: readonly Feature[]): OpenApiDocument {
  return buildOpenApiDocument(HEAD, [openApiDocumentPaths, ...features.flatMap((feature) => feature.api ?? [])]);
}
