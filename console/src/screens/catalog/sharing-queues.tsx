import { useTranslation } from 'react-i18next';
import { loadQueue, type SharingRequest } from '../../api/catalog';
import { type Column, DataTable } from '../../components/data-table';
import { Link } from '../../components/link';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem';
import { formatDate } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useLoad } from '../../lib/use-load';
import { RequestState } from './request-state';
import './catalog.css';

function Queue({ party: role }: { readonly party: 'requester' | 'owner' }) {
  const { t } = useTranslation();
  const session = useSession();
  const loaded = useLoad(
    async () =>
      // Overdue first: they are what the owner must act on now.
      (await loadQueue(role)).sort((a, b) => Number(b.overdue) - Number(a.overdue)),
    [role],
  );
  const title = role === 'owner' ? t('sharing.queueOwner') : t('sharing.queueRequester');
  const columns: Column<SharingRequest>[] = [
    {
      id: 'entry',
      header: t('sharing.entry'),
      value: (r) => r.entryTitle,
      cell: (r) => (
        <Link
          to={`/sharing-requests/${encodeURIComponent(r.id)}`}
          className={r.overdue ? 'due-row' : undefined}
        >
          {r.entryTitle}
        </Link>
      ),
    },
    {
      id: 'party',
      header: role === 'owner' ? t('sharing.requester') : t('sharing.owner'),
      value: (r) => (role === 'owner' ? r.requester : r.owner),
      cell: (r) => <code>{role === 'owner' ? r.requester : r.owner}</code>,
    },
    { id: 'system', header: t('sharing.clientSystem'), value: (r) => r.clientSystem },
    {
      id: 'state',
      header: t('sharing.stateLabel'),
      value: (r) => `${t(`sharing.state.${r.state}`)}${r.overdue ? ` ${t('sharing.overdue')}` : ''}`,
      cell: (r) => <RequestState request={r} />,
    },
    {
      id: 'submittedAt',
      header: t('sharing.submittedAt'),
      value: (r) => r.submittedAt,
      cell: (r) => formatDate(r.submittedAt),
    },
    {
      id: 'dueDate',
      header: t('sharing.dueDate'),
      value: (r) => r.dueDate,
      cell: (r) => <span data-testid="due-date">{formatDate(r.dueDate)}</span>,
    },
  ];
  const overdue = loaded.data?.filter((r) => r.overdue).length ?? 0;
  return (
    <section aria-labelledby={`queue-${role}`} data-queue={role}>
      <h2 id={`queue-${role}`}>{title}</h2>
      {overdue > 0 && (
        <p className="alert warning" role="status">
          {t('sharing.overdueCount', { count: overdue })}
        </p>
      )}
      <ProblemAlert problem={loaded.problem} />
      {loaded.data ? (
        <DataTable
          caption={title}
          rows={loaded.data}
          columns={columns}
          rowKey={(r) => r.id}
          exportName={role === 'owner' ? 'yeu-cau-can-xu-ly' : 'yeu-cau-cua-toi'}
          empty={
            role === 'owner'
              ? {
                  what: t('empty.sharingOwner'),
                  action: { label: t('catalog.newEntry'), to: '/catalog/new' },
                  allowed: session.may('catalog.write'),
                  who: t('empty.whoOrgAdmin'),
                }
              : {
                  what: t('empty.sharingRequester'),
                  action: { label: t('sharing.findInCatalog'), to: '/catalog' },
                  allowed: session.may('sharing-request.create'),
                  who: t('empty.whoOrgAdmin'),
                }
          }
        />
      ) : (
        !loaded.problem && <p className="muted">{t('common.loading')}</p>
      )}
    </section>
  );
}

/** `/sharing-requests`: my requests (as requester) and my queue (as owner), overdue ones marked first. */
export default function SharingQueues() {
  const { t } = useTranslation();
  return (
    <Page
      title={t('nav.sharingRequests')}
      actions={
        <Link to="/catalog" className="button">
          {t('sharing.findInCatalog')}
        </Link>
      }
    >
      <Queue party="owner" />
      <Queue party="requester" />
    </Page>
  );
}
