import { ENTRY_STATES } from './entry-schemas.js';

/** A filter of the search and the letter that marks its tokens. */
const MARKS = {
  state: 's',
  kind: 'k',
  classification: 'c',
  publisher: 'p',
  theme: 't',
  format: 'f',
} as const;

/** A facet a search filters on. */
export type FilterFacet = keyof typeof MARKS;

/**
 * The FTS5 token of one filter value (SQLite only): its mark and the hex of its UTF-8 bytes, so any value
 * (`VN-HP/GOV/STP`, `CSV`) is one [a-z0-9] token that no other value and no folded word can equal,
 * whatever the tokenizer splits on or folds.
 */
export function filterToken(facet: FilterFacet, value: string): string {
  return `${MARKS[facet]}${Buffer.from(value, 'utf8').toString('hex')}`;
}

/** The filter tokens of an entry, from its state and its compact facets (see `searchFacetsOf`). */
export function filterTokensOf(state: string, searchFacets: string): string {
  const [kind = '', classification = '', publisher = '', ...values] = searchFacets.trim().split(' ');
  return [
    filterToken('state', state),
    filterToken('kind', kind),
    filterToken('classification', classification),
    filterToken('publisher', publisher),
    ...values.map((v) => filterToken(v.startsWith('#') ? 'theme' : 'format', v.slice(1))),
  ].join(' ');
}

/**
 * The FTS5 condition of a state list: the one state's token, or else no state of the others, since an
 * AND NOT over the few draft and retired entries costs far less than an OR over every listed one.
 */
export function stateCondition(states: readonly string[]): { readonly all?: string; readonly none?: string } {
  if (states.length === 1) return { all: filterToken('state', states[0]!) };
  const others = ENTRY_STATES.filter((s) => !states.includes(s));
  return others.length === 0 ? {} : { none: others.map((s) => filterToken('state', s)).join(' OR ') };
}
