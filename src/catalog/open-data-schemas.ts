import { type Static, Type } from '@sinclair/typebox';
import { OrganisationIdSchema } from '../registry/index.js';
import { SearchQuery } from './search-schemas.js';

/** Query of the public open-data listing: the search without classification or state. */
export const OpenListQuery = Type.Object(
  {
    q: SearchQuery.properties.q,
    kind: SearchQuery.properties.kind,
    publisher: SearchQuery.properties.publisher,
    theme: SearchQuery.properties.theme,
    format: SearchQuery.properties.format,
    limit: SearchQuery.properties.limit,
    cursor: SearchQuery.properties.cursor,
  },
  { additionalProperties: false },
);
/** Query of the public open-data listing. */
export type OpenListQuery = Static<typeof OpenListQuery>;

/** Filter of the overdue review list. */
export const OverdueQuery = Type.Object(
  { publisher: Type.Optional(OrganisationIdSchema) },
  { additionalProperties: false },
);

/** An open dataset whose review is overdue. */
export const OverdueReview = Type.Object({
  id: Type.String(),
  title: Type.String(),
  publisher: Type.String(),
  publisherName: Type.String(),
  lastReviewedAt: Type.Union([Type.String(), Type.Null()]),
  reviewDueAt: Type.String(),
  daysOverdue: Type.Integer(),
});
/** An open dataset whose review is overdue. */
export type OverdueReview = Static<typeof OverdueReview>;

/** A DCAT-AP catalog as JSON-LD (kept open: the vocabulary is DCAT-AP's, not ours). */
export const DcatDocument = Type.Object(
  { '@context': Type.Unknown(), '@type': Type.Literal('dcat:Catalog') },
  { additionalProperties: true, description: 'DCAT-AP 3 catalog of the open published entries, JSON-LD' },
);
