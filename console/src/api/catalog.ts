import { api, type CallOptions } from './client';

import type { Answer, ItemOf } from './contract';

/** The catalog's shapes, taken from the generated contract (src/catalog/*-schemas.ts on the server). */

export type Entry = Answer<'getCatalogEntry'>;
export type EntryKind = Entry['kind'];
export type Classification = Entry['classification'];
export type EntryState = Entry['state'];
export type FocalOfficer = Entry['focalOfficer'];
export type Distribution = Entry['distributions'][number];
export type SearchResult = Answer<'searchCatalogEntries'>;
export type EntrySummary = SearchResult['items'][number];
export type Facet = keyof SearchResult['facets'];
export type FacetCount = SearchResult['facets'][Facet][number];
export type Revision = ItemOf<'listCatalogEntryRevisions'>;
export type SharingRequest = Answer<'getSharingRequest'>;
export type RequestState = SharingRequest['state'];
export type RequestMessage = NonNullable<SharingRequest['messages']>[number];
export type SubjectAccessReport = Answer<'searchSubjectAccess'>;
export type SubjectAccessItem = SubjectAccessReport['items'][number];

// The lists a form offers, each checked against the contract's values.
export const CLASSIFICATIONS = [
  'open',
  'shared',
  'restricted',
  'personal',
] as const satisfies readonly Classification[];
export const THEMES = [
  'AGRI',
  'ECON',
  'EDUC',
  'ENER',
  'ENVI',
  'GOVE',
  'HEAL',
  'INTR',
  'JUST',
  'REGI',
  'SOCI',
  'TECH',
  'TRAN',
] as const satisfies readonly Entry['themes'][number][];
export const UPDATE_FREQUENCIES = [
  'continuous',
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'annual',
  'irregular',
  'never',
] as const satisfies readonly NonNullable<Entry['updateFrequency']>[];
export const FACETS = [
  'kind',
  'publisher',
  'theme',
  'classification',
  'format',
] as const satisfies readonly Facet[];

/** Selected facet values: each facet may hold several (they are OR-ed within a facet). */
export type FacetSelection = Partial<Record<Facet, readonly string[]>>;

function combinations(selection: FacetSelection): Record<string, string>[] {
  let combos: Record<string, string>[] = [{}];
  for (const facet of FACETS) {
    const values = selection[facet] ?? [];
    if (values.length === 0) continue;
    combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [facet]: value })));
  }
  return combos;
}

/** Most queries one search may fan out into (the API filters one value per facet). */
const MAX_COMBINATIONS = 16;

/**
 * Searches with several values per facet: the API takes one value per facet, so the search runs once
 * per combination of selected values and the answers are merged (items by id, counts added). Counts
 * are exact for kind, publisher and classification (an entry has one of each) and may count an entry
 * twice under theme or format when two selected themes or formats share it.
 */
async function searchUnion(
  path: string,
  base: Readonly<Record<string, string>>,
  selection: FacetSelection,
  signal?: AbortSignal,
): Promise<SearchResult> {
  const combos = combinations(selection).slice(0, MAX_COMBINATIONS);
  const results = await Promise.all(
    combos.map((combo) =>
      api<SearchResult>(path, {
        query: { ...base, ...combo, limit: 100 },
        ...(signal ? { signal } : {}),
      } satisfies CallOptions),
    ),
  );
  if (results.length === 1) return results[0]!;
  const items = new Map<string, EntrySummary>();
  const facets: Record<Facet, FacetCount[]> = {
    kind: [],
    publisher: [],
    theme: [],
    classification: [],
    format: [],
  };
  for (const result of results) {
    for (const item of result.items) items.set(item.id, item);
    for (const facet of FACETS) {
      for (const count of result.facets[facet]) {
        const found = facets[facet].findIndex((f) => f.value === count.value);
        if (found < 0) facets[facet].push({ ...count });
        else
          facets[facet][found] = {
            ...facets[facet][found]!,
            count: facets[facet][found]!.count + count.count,
          };
      }
    }
  }
  // Every page fetched: the merged count is exact; else the sum of totals bounds it from above.
  const complete = results.every((r) => r.nextCursor === null);
  return {
    items: [...items.values()],
    total: complete ? items.size : results.reduce((sum, r) => sum + r.total, 0),
    // The facet counts are summed over the searches, so are the matches they cover.
    facetsCounted: results.reduce((sum, r) => sum + r.facetsCounted, 0),
    facets,
    nextCursor: null,
  };
}

/**
 * A faceted search: the entries match the text and every facet's selection; the counts shown beside a
 * facet's values leave that facet's own selection out (so checking a second value shows what it adds).
 */
export async function facetedSearch(
  path: string,
  base: Readonly<Record<string, string>>,
  selection: FacetSelection,
  signal?: AbortSignal,
): Promise<SearchResult> {
  const main = searchUnion(path, base, selection, signal);
  const selected = FACETS.filter((f) => (selection[f]?.length ?? 0) > 0);
  const others = await Promise.all(
    selected.map((facet) => searchUnion(path, base, { ...selection, [facet]: [] }, signal)),
  );
  const result = await main;
  const facets = { ...result.facets };
  selected.forEach((facet, i) => {
    facets[facet] = others[i]!.facets[facet];
  });
  return { ...result, facets };
}

/** One entry. */
export function loadEntry(id: string): Promise<Entry> {
  return api<Entry>(`/catalog/entries/${encodeURIComponent(id)}`);
}

/** An entry's history. */
export async function loadRevisions(id: string): Promise<Revision[]> {
  const page = await api<{ items: Revision[] }>(`/catalog/entries/${encodeURIComponent(id)}/revisions`);
  return page.items;
}

/** One sharing request with its messages. */
export function loadRequest(id: string): Promise<SharingRequest> {
  return api<SharingRequest>(`/catalog/sharing-requests/${encodeURIComponent(id)}`);
}

/** A queue: the requests my organisations made, or those I must decide. */
export async function loadQueue(role: 'requester' | 'owner'): Promise<SharingRequest[]> {
  const items: SharingRequest[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: SharingRequest[]; nextCursor: string | null } = await api(
      '/catalog/sharing-requests',
      { query: { role, limit: 200, cursor } },
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && items.length < 2_000);
  return items;
}

/** The organisations a session administers (org-admin scopes). */
export function administeredOrganisations(roles: readonly { role: string; scope?: string }[]): string[] {
  return roles.filter((r) => r.role === 'org-admin' && r.scope).map((r) => r.scope!);
}
