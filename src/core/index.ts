/** core: identifiers, errors, canonical JSON, hashing and signing, configuration. Imports nothing of ours. */
export * from './cang-error.js';
export * from './canonical-json.js';
export * from './config.js';
export * from './date-time-schemas.js';
export * from './error-codes.js';
export * from './hai-phong-merged-city.js';
export * from './hai-phong-units.js';
export * from './hashing.js';
export * from './identifiers.js';
export * from './module-worker.js';
export * from './page-cursor.js';
export * from './path-pattern.js';
export * from './problem-document.js';
export * from './signing.js';
export * from './uuid-v7.js';
export * from './validate-input.js';
export * from './vietnamese-folding.js';
