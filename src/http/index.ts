/** This folder's face: what the rest of src/ may import from it. */
export { ERROR_CODE_LOCAL, errorMiddleware, notFoundHandler } from './error-middleware';
export { errorRenderer, startErrorAnswer } from './error-renderer';
export type { ErrorPage, FailureLog } from './error-renderer';
export type { Feature } from './feature';
export { createHttpServer, exemptFromRequestDeadline } from './http-server';
export { jsonBody } from './json-body';
export { isVerifiableHttpsUrl } from './operator-identity';
export type { OperatorIdentity } from './operator-identity';
export { operatorViews } from './operator-view';
export { renderView } from './render-view';
export type { RenderView } from './render-view';
export { requireContentType, requireJson } from './require-content-type';
export { securityHeaders } from './security-headers';
export { ASSET_MANIFEST, ASSETS_DIR, ASSETS_PATH, PRIVATE_CHECK_SCRIPT, PRIVATE_CHECK_WORKER, WORKER_CONTENT_SECURITY_POLICY, assetRoutes, readPageAssets } from './page-assets';
export type { PageAssets } from './page-assets';
