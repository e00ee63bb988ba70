import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// Each page of the catalog is its own chunk, like the console's screens (routes.ts).
const CatalogSearchPage = lazy(() => import('./catalog-search-page'));
const EntryDetail = lazy(() => import('./entry-detail'));
const EntryForm = lazy(() => import('./entry-form'));

/** `/catalog[/…]`: search, `new`, `entries/{id}` and `entries/{id}/edit`. */
export default function CatalogWorkspace({ rest }: { readonly rest: string }) {
  const { t } = useTranslation();
  const [section = '', id = '', action = ''] = rest.split('/');
  let page: ReactNode;
  if (section === '') page = <CatalogSearchPage />;
  else if (section === 'new') page = <EntryForm />;
  else if (section === 'entries' && id && action === 'edit') page = <EntryForm id={id} />;
  else if (section === 'entries' && id && !action) page = <EntryDetail id={id} />;
  else
    page = (
      <>
        <h1>{t('app.notFoundTitle')}</h1>
        <p>{t('app.notFound')}</p>
      </>
    );
  return <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>{page}</Suspense>;
}
