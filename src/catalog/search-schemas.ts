import { type Static, Type } from '@sinclair/typebox';
import { OrganisationIdSchema } from '../registry/index.js';
import { CANDIDATES } from './search-candidates.js';
import { ClassificationSchema, EntryKindSchema, EntryStateSchema, ThemeSchema } from './entry-schemas.js';

/** Query of the catalog search: full text, facet filters and a page. */
export const SearchQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        maxLength: 200,
        description:
          'Words to find, with or without Vietnamese diacritics; the last word matches as a prefix',
        examples: ['ho tich'],
      }),
    ),
    kind: Type.Optional(EntryKindSchema),
    publisher: Type.Optional(OrganisationIdSchema),
    theme: Type.Optional(ThemeSchema),
    classification: Type.Optional(ClassificationSchema),
    format: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9.+-]{1,20}$', examples: ['CSV'] })),
    state: Type.Optional(EntryStateSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: 'nextCursor of the previous page' }),
    ),
  },
  { additionalProperties: false },
);
/** Query of the catalog search. */
export type SearchQuery = Static<typeof SearchQuery>;

/** An entry as a search result lists it. */
export const EntrySummary = Type.Object({
  id: Type.String(),
  kind: EntryKindSchema,
  title: Type.String(),
  description: Type.String({ description: 'The first 300 characters' }),
  publisher: Type.String(),
  publisherName: Type.String(),
  classification: ClassificationSchema,
  themes: Type.Array(Type.String()),
  state: EntryStateSchema,
  updatedAt: Type.String(),
});
/** An entry as a search result lists it. */
export type EntrySummary = Static<typeof EntrySummary>;

const FacetCounts = Type.Array(
  Type.Object({ value: Type.String(), label: Type.Optional(Type.String()), count: Type.Integer() }),
);

/**
 * Search results: a page of entries, the total and the counts per facet value over the matches, or over
 * the `CANDIDATES` most recently changed of them when more match the words.
 */
export const SearchResult = Type.Object({
  items: Type.Array(EntrySummary),
  total: Type.Integer({ description: 'Entries matching the query and filters' }),
  facetsCounted: Type.Integer({
    description:
      `Matches the facet counts cover: all of them (\`total\`), or, when more than ${CANDIDATES} entries ` +
      `match the words, the ${CANDIDATES} most recently changed. Results come ranked by relevance in ` +
      `blocks of ${CANDIDATES} matches, the most recently changed block first`,
  }),
  facets: Type.Object({
    kind: FacetCounts,
    publisher: FacetCounts,
    classification: FacetCounts,
    theme: FacetCounts,
    format: FacetCounts,
  }),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
/** Search results. */
export type SearchResult = Static<typeof SearchResult>;
