/** catalog: datasets and data services, search, open data, sharing requests, the data subject's view. */
export * from './catalog-figures.js';
export { type CatalogMeasure, catalogMeasures, type MeasurePeriod } from './catalog-measures.js';
export * from './create-catalog.js';
export { buildDcatCatalog } from './dcat-export.js';
export type { EntryCommands } from './entry-commands.js';
export * from './entry-schemas.js';
export { searchTokens } from './search-tokens.js';
export type { OpenData } from './open-data.js';
export * from './open-data-schemas.js';
export type { CatalogSampleRemoval } from './remove-catalog-sample.js';
export { PERSONAL_DATA_LAWS, type PersonalDataLaw, personalDataLawOn } from './personal-data-law.js';
export { REVIEW_INTERVAL_MONTHS, reviewDueAfter } from './review-schedule.js';
export { LISTED_STATES, type SearchScope } from './search-entries.js';
export { postgresSearchRow, searchFacetsOf, sqliteSearchRow } from './search-index.js';
export * from './search-schemas.js';
export { type SharingExpiryLogger, scheduleSharingExpiry } from './sharing-expiry-schedule.js';
export type { OrganisationScope, SharingRequestCommands } from './sharing-request-commands.js';
export { DECISION_WORKING_DAYS } from './sharing-request-deadline.js';
export type { DecisionCommands } from './sharing-request-decisions.js';
export * from './sharing-request-schemas.js';
export {
  SUBJECT_ACCESS_MAX,
  type SubjectAccess,
  SubjectAccessInput,
  SubjectAccessItem,
  SubjectAccessReport,
  subjectAccessCsv,
} from './subject-access.js';
export type { CatalogSampleLinks, SampleClientName, SampleServiceName } from './seed/sample-links.js';
export {
  type CatalogSampleOptions,
  type CatalogSampleParts,
  type CatalogSeedResult,
  seedCatalogSample,
} from './seed/seed-catalog-sample.js';
