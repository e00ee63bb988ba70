import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Facet, type FacetSelection, facetedSearch, type SearchResult } from '../../api/catalog';
import { EmptyState, type EmptyStateProps, NoMatch } from '../../components/empty-state';
import { Field } from '../../components/field';
import { Link } from '../../components/link';
import { ProblemAlert } from '../../components/problem';
import { formatDate, formatNumber } from '../../lib/format';
import { navigate, useLocation } from '../../lib/router';
import { useLoad } from '../../lib/use-load';
import { facetValueLabel } from './catalog-labels';
import './catalog.css';

interface FacetSearchProps {
  /** `/catalog/entries` (signed in) or `/catalog/open/entries` (public). */
  readonly apiPath: string;
  readonly facets: readonly Facet[];
  /** The console path of an entry's page. */
  readonly entryPath: (id: string) => string;
  /** Filters every query carries (e.g. a lifecycle state). */
  readonly base?: Readonly<Record<string, string>>;
  /** What the search says when the catalog holds no entry at all (no words, no facet, no base filter). */
  readonly empty: EmptyStateProps;
  /** Clears the parent's filters in `base`, given while some are set. */
  readonly clearBase?: () => void;
}

/**
 * The catalog search: words with or without diacritics (the API folds them), checkbox facets with the
 * number of entries each value would show, and the matching entries. The words live in the URL (`?q=`).
 */
export function FacetSearch({ apiPath, facets, entryPath, base = {}, empty, clearBase }: FacetSearchProps) {
  const { t } = useTranslation();
  const { path, search } = useLocation();
  const q = search.get('q') ?? '';
  const [text, setText] = useState(q);
  const [selection, setSelection] = useState<FacetSelection>({});
  const resultsId = useId();
  useEffect(() => setText(q), [q]);
  const baseKey = JSON.stringify(base);
  const loaded = useLoad<SearchResult>(
    () => facetedSearch(apiPath, { ...base, ...(q ? { q } : {}) }, selection),
    [apiPath, q, JSON.stringify(selection), baseKey],
  );
  const send = (event: FormEvent) => {
    event.preventDefault();
    const words = text.trim();
    navigate(words ? `${path}?q=${encodeURIComponent(words)}` : path, { replace: true });
  };
  const toggle = (facet: Facet, value: string, on: boolean) =>
    setSelection((old) => {
      const values = old[facet] ?? [];
      return { ...old, [facet]: on ? [...values, value] : values.filter((v) => v !== value) };
    });
  const result = loaded.data;
  const anySelected = Object.values(selection).some((v) => v.length > 0);
  const filtered = q !== '' || anySelected || clearBase !== undefined;
  const clearAll = () => {
    setSelection({});
    clearBase?.();
    if (q) navigate(path, { replace: true });
  };
  return (
    <div className="catalog-search">
      <aside className="facets" aria-label={t('catalog.facets')}>
        {facets.map((facet) => {
          const counts = result?.facets[facet] ?? [];
          const chosen = selection[facet] ?? [];
          // A chosen value stays listed (with 0) so it can be unchecked.
          const shown = [
            ...counts,
            ...chosen.filter((v) => !counts.some((c) => c.value === v)).map((value) => ({ value, count: 0 })),
          ];
          if (shown.length === 0) return null;
          return (
            <fieldset key={facet} data-facet={facet}>
              <legend>{t(`catalog.facet.${facet}`)}</legend>
              <div className="checks">
                {shown.map((count) => (
                  <label key={count.value}>
                    <input
                      type="checkbox"
                      name={facet}
                      value={count.value}
                      checked={chosen.includes(count.value)}
                      onChange={(e) => toggle(facet, count.value, e.target.checked)}
                    />{' '}
                    {facetValueLabel(t, facet, count)}{' '}
                    <span className="count">({formatNumber(count.count)})</span>
                  </label>
                ))}
              </div>
            </fieldset>
          );
        })}
        {result !== undefined && result.facetsCounted < result.total && (
          <p className="muted small" data-facets-partial>
            {t('catalog.facetsPartial', {
              counted: formatNumber(result.facetsCounted),
              total: formatNumber(result.total),
            })}
          </p>
        )}
        {anySelected && (
          <button type="button" className="secondary small" onClick={() => setSelection({})}>
            {t('common.clear')}
          </button>
        )}
      </aside>
      <div>
        <search>
          <form className="search-box" onSubmit={send}>
            <Field label={t('catalog.searchLabel')} hint={t('catalog.searchHint')}>
              {(c) => (
                <input {...c} type="search" name="q" value={text} onChange={(e) => setText(e.target.value)} />
              )}
            </Field>
            <button type="submit">{t('catalog.searchSubmit')}</button>
          </form>
        </search>
        <ProblemAlert problem={loaded.problem} />
        <p className="muted" aria-live="polite" id={resultsId}>
          {loaded.loading && !result
            ? t('common.loading')
            : t('catalog.resultCount', {
                count: result?.total ?? 0,
                formatted: formatNumber(result?.total ?? 0),
              })}
        </p>
        {result?.total === 0 && (filtered ? <NoMatch onClear={clearAll} /> : <EmptyState {...empty} />)}
        {result && result.total > 0 && (
          <ul className="results" aria-labelledby={resultsId}>
            {result.items.map((entry) => (
              <li key={entry.id}>
                <h2>
                  <Link to={entryPath(entry.id)}>{entry.title}</Link>
                </h2>
                <div className="badges">
                  <span className="badge neutral">{t(`catalog.kind.${entry.kind}`)}</span>
                  <span className="badge neutral">{t(`catalog.classification.${entry.classification}`)}</span>
                  {entry.state !== 'published' && (
                    <span className="badge warn">{t(`catalog.state.${entry.state}`)}</span>
                  )}
                  {entry.themes.map((theme) => (
                    <span key={theme} className="badge ok">
                      {facetValueLabel(t, 'theme', theme)}
                    </span>
                  ))}
                </div>
                <p className="muted small">
                  {entry.publisherName} · {t('catalog.updated')} {formatDate(entry.updatedAt)}
                </p>
                <p>{entry.description}</p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
