import { api, type CallOptions } from './client';

/** The catalog's shapes as the API presents them (src/catalog/*-schemas.ts). */

export type EntryKind = 'dataset' | 'service';
export type Classification = 'open' | 'shared' | 'restricted' | 'personal';
export type EntryState = 'draft' | 'published' | 'deprecated' | 'retired';

export const CLASSIFICATIONS: readonly Classification[] = ['open', 'shared', 'restricted', 'personal'];
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
] as const;
export const UPDATE_FREQUENCIES = [
  'continuous',
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'annual',
  'irregular',
  'never',
] as const;

export interface FocalOfficer {
  readonly name: string;
  readonly position: string;
  readonly phone: string;
  readonly email: string;
}

export interface Distribution {
  readonly format: string;
  readonly url: string;
  readonly mediaType?: string;
  readonly title?: string;
}

export interface Entry {
  readonly id: string;
  readonly kind: EntryKind;
  readonly publisher: string;
  readonly publisherName: string;
  readonly title: string;
  readonly description: string;
  readonly focalOfficer: FocalOfficer;
  readonly themes: readonly string[];
  readonly keywords: readonly string[];
  readonly classification: Classification;
  readonly updateFrequency: string | null;
  readonly temporalStart: string | null;
  readonly temporalEnd: string | null;
  readonly spatial: string | null;
  readonly licence: string | null;
  readonly distributions: readonly Distribution[];
  readonly exchangeService: string | null;
  readonly services: readonly string[];
  readonly datasets: readonly string[];
  readonly state: EntryState;
  readonly revision: number;
  readonly publishedAt: string | null;
  readonly lastReviewedAt: string | null;
  readonly reviewDueAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface EntrySummary {
  readonly id: string;
  readonly kind: EntryKind;
  readonly title: string;
  readonly description: string;
  readonly publisher: string;
  readonly publisherName: string;
  readonly classification: Classification;
  readonly themes: readonly string[];
  readonly state: EntryState;
  readonly updatedAt: string;
}

export interface FacetCount {
  readonly value: string;
  readonly label?: string;
  readonly count: number;
}

export const FACETS = ['kind', 'publisher', 'theme', 'classification', 'format'] as const;
export type Facet = (typeof FACETS)[number];

export interface SearchResult {
  readonly items: readonly EntrySummary[];
  readonly total: number;
  readonly facets: Readonly<Record<Facet, readonly FacetCount[]>>;
  readonly nextCursor: string | null;
}

export interface Revision {
  readonly revision: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly changes: Readonly<Record<string, { from: unknown; to: unknown }>>;
}

export type RequestState =
  | 'draft'
  | 'submitted'
  | 'changes-requested'
  | 'resubmitted'
  | 'approved'
  | 'refused'
  | 'revoked'
  | 'expired';

export interface RequestMessage {
  readonly id: string;
  readonly at: string;
  readonly author: string;
  readonly kind: string;
  readonly body: string;
}

export interface SharingRequest {
  readonly id: string;
  readonly entry: string;
  readonly entryTitle: string;
  readonly owner: string;
  readonly requester: string;
  readonly clientSystem: string | null;
  readonly purpose: string;
  readonly legalBasis: string;
  readonly fieldsNeeded: readonly string[];
  readonly durationDays: number;
  readonly state: RequestState;
  readonly submittedAt: string | null;
  readonly dueAt: string | null;
  readonly due: boolean;
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
  readonly decisionReason: string | null;
  readonly grants: readonly string[];
  readonly expiresAt: string | null;
  readonly endedAt: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly messages?: readonly RequestMessage[];
}

export interface SubjectAccessItem {
  readonly transactionId: string;
  readonly at: string;
  readonly clientOrganisation: string | null;
  readonly clientOrganisationName: string | null;
  readonly clientSystem: string | null;
  readonly clientSystemName: string | null;
  readonly service: string | null;
  readonly serviceName: string | null;
  readonly providerOrganisation: string | null;
  readonly providerOrganisationName: string | null;
  readonly purpose: string | null;
  readonly status: number;
}

export interface SubjectAccessReport {
  readonly subjectHash: string;
  readonly generatedAt: string;
  readonly total: number;
  readonly truncated: boolean;
  readonly items: readonly SubjectAccessItem[];
}

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
