/**
 * Email addresses as every hashing profile reads them: email-v1 normalization and the masked form
 * a result shows, with nothing that ties them to Node, so that the browser's private check runs
 * the very same code as the server.
 */
export { MAX_EMAIL_LENGTH, normalizeEmailV1, unicodeDomainOf } from './email-v1';
export type { EmailV1Problem, EmailV1Result } from './email-v1';
export { EMAIL_MASK, maskAddress } from './mask';
