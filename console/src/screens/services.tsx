import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { loadAllServices, serviceApiPath } from '../api/registry';
import type { Service } from '../api/types';
import { type Column, DataTable } from '../components/data-table';
import { Link } from '../components/link';
import { OpenApiView } from '../components/openapi-view';
import { Page } from '../components/page';
import { ProblemAlert } from '../components/problem';
import { formatDate, formatNumber } from '../lib/format';
import { pathOf } from '../lib/router';
import { useSession } from '../lib/session';
import { useLoad } from '../lib/use-load';

function ServiceList() {
  const { t } = useTranslation();
  const session = useSession();
  const loaded = useLoad(() => loadAllServices(), []);
  const columns = useMemo<Column<Service>[]>(
    () => [
      {
        id: 'name',
        header: t('service.name'),
        value: (s) => s.name,
        cell: (s) => <Link to={pathOf('/services', s.id)}>{s.name}</Link>,
      },
      { id: 'id', header: t('service.id'), value: (s) => s.id, cell: (s) => <code>{s.id}</code> },
      {
        id: 'enabled',
        header: t('service.enabled'),
        value: (s) => (s.enabled ? t('common.yes') : t('common.no')),
      },
      {
        id: 'openapi',
        header: t('service.openapiShort'),
        value: (s) => (s.hasOpenapi ? t('common.yes') : t('common.no')),
      },
      {
        id: 'createdAt',
        header: t('common.createdAt'),
        value: (s) => s.createdAt,
        cell: (s) => formatDate(s.createdAt),
      },
    ],
    [t],
  );
  return (
    <Page title={t('nav.services')}>
      <ProblemAlert problem={loaded.problem} />
      {loaded.data ? (
        <DataTable
          caption={t('nav.services')}
          rows={loaded.data}
          columns={columns}
          rowKey={(s) => s.id}
          exportName="dich-vu"
          empty={{
            what: t('empty.services'),
            action: { label: t('empty.chooseSystem'), to: '/systems' },
            command:
              'npx cang service create VN-HP/GOV/STP/HTTT-HOTICH tra-cuu-ho-tich "Tra cứu hộ tịch" https://hotich.example.vn',
            allowed: session.may('service.create'),
            who: t('empty.whoOrgAdmin'),
          }}
        />
      ) : (
        !loaded.problem && <p className="muted">{t('common.loading')}</p>
      )}
    </Page>
  );
}

function ServiceDetail({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const service = useLoad(() => api<Service>(serviceApiPath(id)), [id]);
  const s = service.data;
  const openapi = useLoad(
    () => (s?.hasOpenapi ? api<unknown>(`${serviceApiPath(id)}/openapi`) : Promise.resolve(null)),
    [id, s?.hasOpenapi],
  );
  return (
    <Page title={s?.name ?? id}>
      <p>
        <Link to={pathOf('/systems', id.split('/').slice(0, 4).join('/'))}>← {t('service.system')}</Link>
      </p>
      <ProblemAlert problem={service.problem} />
      {s && (
        <dl className="facts">
          <dt>{t('service.id')}</dt>
          <dd>
            <code>{s.id}</code>
          </dd>
          <dt>{t('service.baseUrl')}</dt>
          <dd>
            <code>{s.baseUrl}</code>
          </dd>
          <dt>{t('service.enabled')}</dt>
          <dd>{s.enabled ? t('common.yes') : t('common.no')}</dd>
          <dt>{t('service.timeout')}</dt>
          <dd>{formatNumber(s.timeoutMs)} ms</dd>
          <dt>{t('service.maxBody')}</dt>
          <dd>{formatNumber(s.maxBodyBytes)} B</dd>
          <dt>{t('common.createdAt')}</dt>
          <dd>{formatDate(s.createdAt)}</dd>
        </dl>
      )}
      <h2>{t('service.openapi')}</h2>
      {s && !s.hasOpenapi && <p className="muted">{t('service.noOpenapi')}</p>}
      <ProblemAlert problem={openapi.problem} />
      {openapi.data !== null && openapi.data !== undefined && <OpenApiView document={openapi.data} />}
    </Page>
  );
}

/** Services: all of them, and one with its OpenAPI document rendered. */
export default function Services({ rest }: { readonly rest: string }) {
  return rest ? <ServiceDetail id={rest} /> : <ServiceList />;
}
