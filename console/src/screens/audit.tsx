import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { listAll } from '../api/client';
import type { AuditEvent } from '../api/types';
import { type Column, DataTable } from '../components/data-table';
import { Page } from '../components/page';
import { ProblemAlert } from '../components/problem';
import { formatDateTime } from '../lib/format';
import { useLoad } from '../lib/use-load';

/** The audit trail: who changed what, when and from where (newest 1 000 events). */
export default function Audit() {
  const { t } = useTranslation();
  const events = useLoad(() => listAll<AuditEvent>('/audit', {}, 1_000), []);
  const columns = useMemo<Column<AuditEvent>[]>(
    () => [
      { id: 'at', header: t('audit.at'), value: (e) => e.at, cell: (e) => formatDateTime(e.at) },
      { id: 'actor', header: t('audit.actor'), value: (e) => e.actorName ?? e.actor },
      {
        id: 'action',
        header: t('audit.action'),
        value: (e) => e.action,
        cell: (e) => <code>{e.action}</code>,
      },
      {
        id: 'resource',
        header: t('audit.resource'),
        value: (e) => e.resource,
        cell: (e) => <code>{e.resource}</code>,
      },
      { id: 'from', header: t('audit.from'), value: (e) => e.remoteAddress },
      {
        id: 'details',
        header: t('audit.details'),
        value: (e) => (e.details === null || e.details === undefined ? '' : JSON.stringify(e.details)),
        cell: (e) => (e.details ? <code className="small wrap">{JSON.stringify(e.details)}</code> : null),
      },
    ],
    [t],
  );
  return (
    <Page title={t('nav.audit')}>
      <ProblemAlert problem={events.problem} />
      {events.data ? (
        <DataTable
          caption={t('nav.audit')}
          rows={events.data}
          columns={columns}
          rowKey={(e) => e.id}
          exportName="nhat-ky-thao-tac"
          empty={{
            what: t('empty.audit'),
            action: { label: t('empty.organisationsFirst'), to: '/organisations' },
          }}
        />
      ) : (
        !events.problem && <p className="muted">{t('common.loading')}</p>
      )}
    </Page>
  );
}
