/** sample: the sample installation of every part, and the sample exchange with its provider and traffic. */
export * from './remove-sample.js';
export * from './sample-clients.js';
export * from './sample-presence.js';
export * from './sample-provider.js';
export * from './sample-removed-mark.js';
export * from './sample-records.js';
export * from './sample-services.js';
export * from './sample-tokens-file.js';
export type { SampleCallResult } from './sample-traffic.js';
export * from './seed-sample.js';
export * from './seed-sample-catalog.js';
export * from './start-sample-exchange.js';
