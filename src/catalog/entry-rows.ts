import { foldText } from '../core/index.js';
import type { CatalogEntryTable } from '../store/index.js';
import type { Distribution, EntryView, FocalOfficer, SCHEMA_KINDS } from './entry-schemas.js';

/** Formats optional Unix milliseconds as RFC 3339 UTC, or null. */
export function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** The metadata fields of an entry as plain values: what revisions compare and the search indexes. */
export interface EntryContent {
  exchangeService: string | null;
  title: string;
  description: string;
  focalOfficer: FocalOfficer;
  themes: string[];
  keywords: string[];
  classification: CatalogEntryTable['classification'];
  updateFrequency: string | null;
  temporalStart: string | null;
  temporalEnd: string | null;
  spatial: string | null;
  licence: string | null;
  distributions: Distribution[];
  schema: { kind: (typeof SCHEMA_KINDS)[number]; document: string } | null;
  services: string[];
}

/** Reads an entry row's content; `services` are the linked data-service entries. */
export function contentOf(row: CatalogEntryTable, services: readonly string[]): EntryContent {
  return {
    exchangeService: row.exchange_service_id,
    title: row.title,
    description: row.description,
    focalOfficer: JSON.parse(row.focal_officer) as FocalOfficer,
    themes: JSON.parse(row.themes) as string[],
    keywords: JSON.parse(row.keywords) as string[],
    classification: row.classification,
    updateFrequency: row.update_frequency,
    temporalStart: row.temporal_start,
    temporalEnd: row.temporal_end,
    spatial: row.spatial,
    licence: row.licence,
    distributions: JSON.parse(row.distributions) as Distribution[],
    schema: row.schema_document === null ? null : (JSON.parse(row.schema_document) as EntryContent['schema']),
    services: [...services],
  };
}

/** The folded text the search indexes: title, keywords, description, publisher name, formats. */
export function searchTextOf(content: EntryContent, publisherName: string): string {
  return foldText(
    [
      content.title,
      content.keywords.join(' '),
      content.description,
      publisherName,
      content.distributions.map((d) => d.format).join(' '),
    ].join(' '),
  );
}

/** The row columns that hold an entry's content. */
export function contentColumns(
  content: EntryContent,
): Pick<
  CatalogEntryTable,
  | 'exchange_service_id'
  | 'title'
  | 'description'
  | 'focal_officer'
  | 'themes'
  | 'keywords'
  | 'classification'
  | 'update_frequency'
  | 'temporal_start'
  | 'temporal_end'
  | 'spatial'
  | 'licence'
  | 'distributions'
  | 'schema_document'
> {
  return {
    exchange_service_id: content.exchangeService,
    title: content.title,
    description: content.description,
    focal_officer: JSON.stringify(content.focalOfficer),
    themes: JSON.stringify(content.themes),
    keywords: JSON.stringify(content.keywords),
    classification: content.classification,
    update_frequency: content.updateFrequency,
    temporal_start: content.temporalStart,
    temporal_end: content.temporalEnd,
    spatial: content.spatial,
    licence: content.licence,
    distributions: JSON.stringify(content.distributions),
    schema_document: content.schema === null ? null : JSON.stringify(content.schema),
  };
}

/** Field-by-field differences `{field: {from, to}}` between two versions of an entry's content. */
export function diffContent(
  before: Partial<EntryContent> | null,
  after: Partial<EntryContent>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, to] of Object.entries(after)) {
    const from = before === null ? null : (before as Record<string, unknown>)[field];
    if (JSON.stringify(from ?? null) !== JSON.stringify(to ?? null)) {
      changes[field] = { from: from ?? null, to: to ?? null };
    }
  }
  return changes;
}

/** Presents an entry row with its links and its publisher's name. */
export function presentEntry(
  row: CatalogEntryTable,
  links: { services: readonly string[]; datasets: readonly string[] },
  publisherName: string,
): EntryView {
  const content = contentOf(row, links.services);
  return {
    id: row.id,
    kind: row.kind,
    publisher: row.publisher_id,
    publisherName,
    sample: row.sample === 1,
    ...content,
    datasets: [...links.datasets],
    state: row.state,
    revision: row.revision,
    publishedAt: isoOrNull(row.published_at),
    lastReviewedAt: isoOrNull(row.last_reviewed_at),
    reviewDueAt: isoOrNull(row.review_due_at),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
