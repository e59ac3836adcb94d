/** Metadata library surface: one code path for validate-metadata, patch, lint and init. */
export { validateMetadata, validateMetadataBytes, parseMetadata } from './validate-metadata.js';
export { METADATA_CODES, VIEW_METADATA_HINT, type MetadataCode } from './codes.js';
export type * from './types.js';
