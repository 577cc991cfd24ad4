/** This folder's face: what the rest of src/ may import from it. */
export { loadConfig } from './config';
export type { Config } from './config';
