import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { attachmentUrl, type SteeringDocument } from '../../api/steering';
import { type Column, DataTable } from '../../components/data-table';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem';
import { SteeringTabs } from '../../components/steering-tabs';
import { formatDate, formatNumber } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useLoad } from '../../lib/use-load';
import { createdThroughApi } from './steering-empty';

/** `/steering/documents`: resolutions, decisions, plans, regulations and reports, with their files. */
export default function Documents() {
  const { t } = useTranslation();
  const session = useSession();
  const loaded = useLoad(
    () => api<{ items: SteeringDocument[] }>('/steering/documents').then((r) => r.items),
    [],
  );
  const columns = useMemo<Column<SteeringDocument>[]>(
    () => [
      {
        id: 'date',
        header: t('steering.document.date'),
        value: (d) => d.date,
        cell: (d) => formatDate(d.date),
      },
      { id: 'kind', header: t('steering.document.kind'), value: (d) => t(`steering.documentKind.${d.kind}`) },
      { id: 'number', header: t('steering.document.number'), value: (d) => d.number },
      { id: 'title', header: t('steering.document.title'), value: (d) => d.title },
      { id: 'issuer', header: t('steering.document.issuer'), value: (d) => d.issuer },
      { id: 'unit', header: t('steering.unit'), value: (d) => d.unitId },
      { id: 'replaces', header: t('steering.document.replaces'), value: (d) => d.replaces },
      {
        id: 'file',
        header: t('steering.document.file'),
        value: (d) => d.attachment?.fileName ?? null,
        cell: (d) =>
          d.attachment ? (
            <a href={attachmentUrl(d.attachment.id)} download={d.attachment.fileName}>
              {t('steering.document.download')}
              <span className="visually-hidden"> {d.number}</span> ({d.attachment.fileName},{' '}
              {formatNumber(Math.ceil(d.attachment.size / 1024))} KB)
            </a>
          ) : (
            <span className="muted">{t('steering.document.noFile')}</span>
          ),
      },
    ],
    [t],
  );
  return (
    <Page title={t('steering.document.listTitle')}>
      <SteeringTabs />
      <ProblemAlert problem={loaded.problem} />
      {loaded.data && (
        <DataTable
          caption={t('steering.document.listTitle')}
          rows={loaded.data}
          columns={columns}
          rowKey={(d) => d.id}
          exportName="van-ban"
          empty={createdThroughApi(t, session, t('empty.documents'), '/steering/documents', 'van-ban.json')}
        />
      )}
    </Page>
  );
}
