/**
 * The API document: features describe their routes (an ApiPaths each, beside their routes), and
 * the one place that lists them builds the document. This folder knows no feature.
 */
export { buildOpenApiDocument, type DocumentHead, type OpenApiDocument } from './build-openapi-document';
export { openApiDocumentPaths } from './document-openapi';
export {
  ApiRegistry,
  PUBLIC,
  type ApiPaths,
  type Gate,
  type JsonSchema,
  type Method,
  type Operation,
  type Parameter,
  type PathItem,
  type RequestBody,
  type Response,
  type SecurityRequirement,
} from './openapi-registry';
export { apiError, errorResponse, jsonRequest, jsonResponse } from './openapi-responses';
