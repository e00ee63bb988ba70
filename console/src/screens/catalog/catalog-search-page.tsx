import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { administeredOrganisations, type EntryState } from '../../api/catalog';
import { Link } from '../../components/link';
import { Page } from '../../components/page';
import { useSession } from '../../lib/session';
import { FacetSearch } from './facet-search';

const STATES: readonly ('' | EntryState)[] = ['', 'published', 'deprecated', 'draft', 'retired'];

/** `/catalog`: the catalog search; writers also see their unlisted (draft, retired) entries. */
export default function CatalogSearchPage() {
  const { t } = useTranslation();
  const session = useSession();
  const stateId = useId();
  const writes = administeredOrganisations(session.user.roles);
  const platform = session.mayEverywhere('catalog.write');
  const mayWrite = platform || writes.length > 0;
  const [state, setState] = useState<'' | EntryState>('');
  const unlisted = state === 'draft' || state === 'retired';
  // Unlisted entries are their publisher's business: the API wants the publisher named (or platform-admin).
  const base: Record<string, string> = {
    ...(state ? { state } : {}),
    ...(unlisted && !platform && writes[0] ? { publisher: writes[0] } : {}),
  };
  return (
    <Page
      title={t('nav.catalog')}
      actions={
        mayWrite ? (
          <div className="buttons">
            <Link to="/catalog/new" className="button">
              {t('catalog.newEntry')}
            </Link>
          </div>
        ) : undefined
      }
    >
      {mayWrite && (
        <div className="field inline">
          <label htmlFor={stateId}>{t('catalog.stateFilter')}</label>
          <select id={stateId} value={state} onChange={(e) => setState(e.target.value as '' | EntryState)}>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {s ? t(`catalog.state.${s}`) : t('catalog.listedStates')}
              </option>
            ))}
          </select>
        </div>
      )}
      <FacetSearch
        apiPath="/catalog/entries"
        facets={['kind', 'publisher', 'theme', 'classification', 'format']}
        entryPath={(id) => `/catalog/entries/${encodeURIComponent(id)}`}
        base={base}
        clearBase={state ? () => setState('') : undefined}
        empty={{
          what: t('empty.catalog'),
          action: { label: t('catalog.newEntry'), to: '/catalog/new' },
          allowed: mayWrite,
          who: t('empty.whoOrgAdmin'),
        }}
      />
    </Page>
  );
}
