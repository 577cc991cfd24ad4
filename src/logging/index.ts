/** This folder's face: what the rest of src/ may import from it. */
export { createLogger } from './create-logger';
export { requestLogger } from './request-logger';
