/** This folder's face: what the rest of src/ may import from it. */
export { seedDemo } from './seed-demo';
