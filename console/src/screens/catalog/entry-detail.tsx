import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  administeredOrganisations,
  type Entry,
  type EntryState,
  loadEntry,
  loadRevisions,
  type Revision,
} from '../../api/catalog';
import { api, type Problem } from '../../api/client';
import { type Column, DataTable } from '../../components/data-table';
import { Link } from '../../components/link';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../lib/session';
import { problemOf, useLoad } from '../../lib/use-load';
import { actorLabel } from './catalog-labels';
import { EntryFacts } from './entry-facts';

/** The lifecycle steps an entry's state allows (src/catalog/entry-checks.ts), as buttons. */
const NEXT: Readonly<Record<EntryState, readonly Exclude<EntryState, 'draft'>[]>> = {
  draft: ['published'],
  published: ['deprecated', 'retired'],
  deprecated: ['published', 'retired'],
  retired: [],
};

/** The titles of linked entries (datasets ↔ data services); an entry hidden from the reader keeps its id. */
async function loadLinked(entry: Entry): Promise<{ id: string; title: string }[]> {
  const ids = [...entry.services, ...entry.datasets];
  return Promise.all(
    ids.map((id) =>
      loadEntry(id)
        .then((e) => ({ id, title: e.title }))
        .catch(() => ({ id, title: id })),
    ),
  );
}

/** `/catalog/entries/{id}`: metadata, focal officer, distributions, linked services, history and actions. */
export default function EntryDetail({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const loaded = useLoad(async () => {
    const entry = await loadEntry(id);
    const [revisions, linked] = await Promise.all([loadRevisions(id), loadLinked(entry)]);
    return { entry, revisions, linked };
  }, [id]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [done, setDone] = useState('');
  const entry = loaded.data?.entry;
  const act = async (path: string, body: unknown, message: string) => {
    setBusy(true);
    setProblem(undefined);
    setDone('');
    try {
      await api(`/catalog/entries/${encodeURIComponent(id)}/${path}`, { method: 'POST', body });
      setDone(message);
      loaded.reload();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };
  const columns: Column<Revision>[] = [
    { id: 'revision', header: t('catalog.revision'), value: (r) => r.revision, numeric: true },
    { id: 'at', header: t('catalog.at'), value: (r) => r.at, cell: (r) => formatDateTime(r.at) },
    { id: 'actor', header: t('catalog.actor'), value: (r) => actorLabel(t, r.actor, session.user.id) },
    {
      id: 'action',
      header: t('catalog.action'),
      value: (r) => t(`catalog.revisionAction.${r.action}`, r.action),
    },
    { id: 'changes', header: t('catalog.changedFields'), value: (r) => Object.keys(r.changes).join(', ') },
  ];
  if (!entry)
    return (
      <Page title={t('nav.catalog')}>
        <ProblemAlert problem={loaded.problem} />
        {!loaded.problem && <p className="muted">{t('common.loading')}</p>}
      </Page>
    );
  const writer = session.may('catalog.write', entry.publisher);
  const requesterOrgs = administeredOrganisations(session.user.roles).filter((o) => o !== entry.publisher);
  const listed = entry.state === 'published' || entry.state === 'deprecated';
  const mayRequest = listed && (requesterOrgs.length > 0 || session.mayEverywhere('sharing-request.create'));
  return (
    <Page
      title={entry.title}
      actions={
        <div className="buttons">
          {mayRequest && (
            <Link to={`/sharing-requests/new?entry=${encodeURIComponent(entry.id)}`} className="button">
              {t('sharing.requestAccess')}
            </Link>
          )}
          {writer && entry.state !== 'retired' && (
            <Link to={`/catalog/entries/${encodeURIComponent(entry.id)}/edit`} className="button">
              {t('catalog.edit')}
            </Link>
          )}
        </div>
      }
    >
      <p>
        <Link to="/catalog">{t('catalog.backToSearch')}</Link>
      </p>
      {done && (
        <p className="alert success" role="status">
          {done}
        </p>
      )}
      <ProblemAlert problem={problem ?? loaded.problem} />
      {writer && (NEXT[entry.state].length > 0 || entry.state === 'published') && (
        <section className="panel" aria-labelledby="lifecycle-title">
          <h2 id="lifecycle-title">{t('catalog.lifecycle')}</h2>
          <p className="muted">{t('catalog.lifecycleHint', { state: t(`catalog.state.${entry.state}`) })}</p>
          <div className="buttons">
            {NEXT[entry.state].map((state) => (
              <button
                key={state}
                type="button"
                className={state === 'retired' ? 'danger' : undefined}
                disabled={busy}
                onClick={() => {
                  if (
                    state === 'retired' &&
                    !window.confirm(t('catalog.retireConfirm', { title: entry.title }))
                  )
                    return;
                  void act('state', { state }, t(`catalog.moved.${state}`));
                }}
              >
                {t(`catalog.transition.${state}`)}
              </button>
            ))}
            {entry.state === 'published' && (
              <button
                type="button"
                className="secondary"
                disabled={busy}
                onClick={() => void act('review', undefined, t('catalog.reviewed'))}
              >
                {t('catalog.review')}
              </button>
            )}
          </div>
        </section>
      )}
      <EntryFacts entry={entry} />
      <section aria-labelledby="linked-title">
        <h2 id="linked-title">
          {entry.kind === 'dataset' ? t('catalog.linkedServices') : t('catalog.linkedDatasets')}
        </h2>
        {loaded.data!.linked.length > 0 ? (
          <ul>
            {loaded.data!.linked.map((l) => (
              <li key={l.id}>
                <Link to={`/catalog/entries/${encodeURIComponent(l.id)}`}>{l.title}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('catalog.noLinked')}</p>
        )}
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('catalog.history')}</h2>
        <DataTable
          caption={t('catalog.history')}
          rows={loaded.data!.revisions}
          columns={columns}
          rowKey={(r) => String(r.revision)}
          exportName="lich-su-muc-du-lieu"
        />
      </section>
    </Page>
  );
}
