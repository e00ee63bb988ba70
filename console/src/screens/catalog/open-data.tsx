import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Entry } from '../../api/catalog';
import { api } from '../../api/client';
import { Link } from '../../components/link';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem';
import { useLocation } from '../../lib/router';
import { useLoad } from '../../lib/use-load';
import { EntryFacts } from './entry-facts';
import { FacetSearch } from './facet-search';
import './catalog.css';

const BASE = '/open-data';

function OpenEntry({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const loaded = useLoad(
    () => api<Entry>(`/catalog/open/entries/${encodeURIComponent(id)}`, { quiet401: true }),
    [id],
  );
  return (
    <Page title={loaded.data?.title ?? t('nav.openData')}>
      <p>
        <Link to={BASE}>{t('catalog.backToSearch')}</Link>
      </p>
      <ProblemAlert problem={loaded.problem} />
      {loaded.data && <EntryFacts entry={loaded.data} />}
    </Page>
  );
}

/**
 * `/open-data[/{id}]`: the open published datasets and services, for anyone, without logging in
 * (the API's `/catalog/open/…`). Shown outside the signed-in shell.
 */
export default function OpenData({ languageSwitch }: { readonly languageSwitch: ReactNode }) {
  const { t } = useTranslation();
  const { path } = useLocation();
  const id = path.startsWith(`${BASE}/`) ? path.slice(BASE.length + 1) : '';
  return (
    <div className="public-page">
      <header className="public-head">
        <Link to={BASE} className="brand">
          Cảng
        </Link>
        <span className="muted">{t('openData.tagline')}</span>
        <span className="spacer" />
        {languageSwitch}
        <Link to="/">{t('openData.login')}</Link>
      </header>
      <main id="main" tabIndex={-1}>
        {id ? (
          <OpenEntry id={id} />
        ) : (
          <Page title={t('nav.openData')}>
            <p className="muted">
              {t('openData.intro')} <a href="/api/v1/catalog/open/dcat.jsonld">{t('openData.dcat')}</a>
            </p>
            <FacetSearch
              apiPath="/catalog/open/entries"
              facets={['kind', 'publisher', 'theme', 'format']}
              entryPath={(entryId) => `${BASE}/${encodeURIComponent(entryId)}`}
              empty={{ what: t('empty.openData') }}
            />
          </Page>
        )}
      </main>
    </div>
  );
}
