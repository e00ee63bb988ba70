import { CangError, type WorkingCalendarSource } from '../core/index.js';
import type { Registry } from '../registry/index.js';
import type { AuditActor, Store } from '../store/index.js';
import { createCatalogContext } from './catalog-context.js';
import { type EntryCommands, entryCommands } from './entry-commands.js';
import { type OpenData, openData } from './open-data.js';
import {
  type CatalogSampleRemoval,
  holdsCatalogSample,
  removeCatalogSample,
} from './remove-catalog-sample.js';
import { type SearchScope, searchEntries } from './search-entries.js';
import type { SearchResult } from './search-schemas.js';
import { type SharingRequestCommands, sharingRequestCommands } from './sharing-request-commands.js';
import { type SubjectAccess, subjectAccess } from './subject-access.js';

/** What the catalog is built from. */
export interface CatalogOptions {
  readonly store: Store;
  /** The registry: approvals create grants through it, revocations delete them. */
  readonly registry: Registry;
  /**
   * Keys of the transaction log's subject hash (`X-Cang-Subject`), current first, then previous ones
   * still present in the log; the subject view looks a person up under every one of them.
   */
  readonly subjectHashKeys: readonly string[];
  /** Clock in Unix ms; tests pass a fixed one. */
  readonly now?: () => number;
  /**
   * The working calendar that the 2-working-day decision deadline is counted in: the official schedules
   * the steering secretariat enters, handed over by the composition root (the catalog never imports
   * steering). Without it, every year follows the law's proposal.
   */
  readonly workingCalendar?: WorkingCalendarSource;
}

/**
 * The shared data catalog: datasets and data services, search, open data, sharing requests and the
 * data subject's view. Every write takes an audit actor and runs in one transaction with its audit
 * entry; authorization is the caller's (the API's).
 */
export interface Catalog {
  readonly entries: EntryCommands;
  /** Full-text, faceted search of the catalog. */
  search(query: unknown, scope?: SearchScope): Promise<SearchResult>;
  readonly openData: OpenData;
  readonly sharingRequests: SharingRequestCommands;
  readonly subjectAccess: SubjectAccess;
  /** Deletes the catalog's sample entries and requests in one write (`cang sample remove`). */
  removeSample(actor: AuditActor): Promise<CatalogSampleRemoval>;
  /** Whether any sample entry or sharing request is left. */
  holdsSample(): Promise<boolean>;
}

/**
 * Builds the catalog over an open, migrated store.
 *
 * @example
 * const catalog = createCatalog({ store, registry, subjectHashKeys: [platform.subjectHashKey] });
 * const found = await catalog.search({ q: 'ho tich' });
 */
export function createCatalog(options: CatalogOptions): Catalog {
  if (options.subjectHashKeys.length === 0 || options.subjectHashKeys.some((key) => key.length === 0)) {
    throw new CangError('internal', 'The catalog needs at least one subject hash key, current first');
  }
  const context = createCatalogContext(options);
  return Object.freeze({
    entries: entryCommands(context),
    search: (query: unknown, scope?: SearchScope) => searchEntries(context.db, context.dialect, query, scope),
    openData: openData(context),
    sharingRequests: sharingRequestCommands(context),
    subjectAccess: subjectAccess(context, [...options.subjectHashKeys]),
    removeSample: (actor: AuditActor) => removeCatalogSample(context, actor),
    holdsSample: () => holdsCatalogSample(context),
  });
}
