import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { loadAllSystems, loadServicesOf, systemApiPath } from '../api/registry';
import type { Service, System } from '../api/types';
import { type Column, DataTable } from '../components/data-table';
import { Field } from '../components/field';
import { Link } from '../components/link';
import { Page } from '../components/page';
import { ProblemAlert } from '../components/problem';
import { formatDate } from '../lib/format';
import { pathOf } from '../lib/router';
import { useSession } from '../lib/session';
import { useLoad } from '../lib/use-load';
import { useDraftForm } from '../lib/use-draft-form';
import { FIELD_PATTERNS } from '../api/generated/field-patterns';
import { Credentials } from './system-credentials';

const SEGMENT = new RegExp(FIELD_PATTERNS.createService['/code']);

function SystemList() {
  const { t } = useTranslation();
  const session = useSession();
  const loaded = useLoad(loadAllSystems, []);
  const columns = useMemo<Column<System>[]>(
    () => [
      {
        id: 'name',
        header: t('system.name'),
        value: (s) => s.name,
        cell: (s) => <Link to={pathOf('/systems', s.id)}>{s.name}</Link>,
      },
      { id: 'id', header: t('system.id'), value: (s) => s.id, cell: (s) => <code>{s.id}</code> },
      {
        id: 'organisation',
        header: t('system.organisation'),
        value: (s) => s.organisation,
        cell: (s) => <Link to={pathOf('/organisations', s.organisation)}>{s.organisation}</Link>,
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
    <Page title={t('nav.systems')}>
      <p className="muted">{t('system.listHelp')}</p>
      <ProblemAlert problem={loaded.problem} />
      {loaded.data ? (
        <DataTable
          caption={t('nav.systems')}
          rows={loaded.data}
          columns={columns}
          rowKey={(s) => s.id}
          exportName="he-thong"
          empty={{
            what: t('empty.systems'),
            action: { label: t('empty.chooseOrganisation'), to: '/organisations' },
            command: 'npx cang system create VN-HP/GOV/STP HTTT-LLTP "Hệ thống lý lịch tư pháp"',
            allowed: session.may('system.create'),
            who: t('empty.whoOrgAdmin'),
          }}
        />
      ) : (
        !loaded.problem && <p className="muted">{t('common.loading')}</p>
      )}
    </Page>
  );
}

const EMPTY_SERVICE = { code: '', name: '', baseUrl: '', openapi: '' };

function AddService({ system, onAdded }: { readonly system: string; readonly onAdded: () => void }) {
  const { t } = useTranslation();
  const { draft, bind, errors, problem, busy, onSubmit } = useDraftForm(`service:${system}`, EMPTY_SERVICE);
  const send = onSubmit(
    () => {
      const found: Record<string, string> = {};
      if (!SEGMENT.test(draft.code)) found['/code'] = t('validation.segment');
      if (!draft.name.trim()) found['/name'] = t('validation.required');
      if (!/^https?:\/\/[^\s?#]+$/.test(draft.baseUrl.trim())) found['/baseUrl'] = t('validation.url');
      if (draft.openapi.trim()) {
        try {
          JSON.parse(draft.openapi);
        } catch {
          found['/openapi'] = t('validation.json');
        }
      }
      return found;
    },
    () =>
      api<Service>(`${systemApiPath(system)}/services`, {
        method: 'POST',
        body: {
          code: draft.code,
          name: draft.name.trim(),
          baseUrl: draft.baseUrl.trim(),
          ...(draft.openapi.trim() ? { openapi: draft.openapi } : {}),
        },
      }),
    onAdded,
  );
  return (
    <form className="panel" onSubmit={send} noValidate aria-labelledby="add-service-title">
      <h2 id="add-service-title">{t('service.add')}</h2>
      <ProblemAlert problem={problem} />
      <div className="form-row">
        <Field label={t('service.code')} error={errors['/code']} hint={t('system.codeHint')} required>
          {(c) => <input {...c} {...bind('code')} />}
        </Field>
        <Field label={t('service.name')} error={errors['/name']} required>
          {(c) => <input {...c} {...bind('name')} />}
        </Field>
      </div>
      <Field label={t('service.baseUrl')} error={errors['/baseUrl']} hint={t('service.baseUrlHint')} required>
        {(c) => <input {...c} {...bind('baseUrl')} type="url" />}
      </Field>
      <Field label={t('service.openapi')} error={errors['/openapi']} hint={t('service.openapiHint')}>
        {(c) => <textarea {...c} {...bind('openapi')} rows={4} />}
      </Field>
      <button type="submit" disabled={busy}>
        {t('service.addSubmit')}
      </button>
    </form>
  );
}

function SystemDetail({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const system = useLoad(() => api<System>(systemApiPath(id)), [id]);
  const services = useLoad(() => loadServicesOf(id), [id]);
  const columns = useMemo<Column<Service>[]>(
    () => [
      {
        id: 'name',
        header: t('service.name'),
        value: (s) => s.name,
        cell: (s) => <Link to={pathOf('/services', s.id)}>{s.name}</Link>,
      },
      { id: 'id', header: t('service.id'), value: (s) => s.id, cell: (s) => <code>{s.id}</code> },
      { id: 'baseUrl', header: t('service.baseUrl'), value: (s) => s.baseUrl },
      {
        id: 'enabled',
        header: t('service.enabled'),
        value: (s) => (s.enabled ? t('common.yes') : t('common.no')),
      },
    ],
    [t],
  );
  const manage = session.may('service.create', id);
  return (
    <Page title={system.data?.name ?? id}>
      <p>
        <Link to={pathOf('/organisations', id.split('/').slice(0, 3).join('/'))}>
          ← {t('system.organisation')}
        </Link>
      </p>
      <ProblemAlert problem={system.problem ?? services.problem} />
      {system.data && (
        <dl className="facts">
          <dt>{t('system.id')}</dt>
          <dd>
            <code>{system.data.id}</code>
          </dd>
          <dt>{t('common.createdAt')}</dt>
          <dd>{formatDate(system.data.createdAt)}</dd>
        </dl>
      )}
      <h2>{t('nav.services')}</h2>
      {services.data && (
        <DataTable
          caption={t('nav.services')}
          rows={services.data}
          columns={columns}
          rowKey={(s) => s.id}
          exportName="dich-vu"
          empty={{
            what: t('empty.services'),
            action: { label: t('service.add'), form: 'add-service-title' },
            command: `npx cang service create ${id} tra-cuu "Tra cứu hồ sơ" https://dich-vu.example.vn`,
            allowed: manage,
            who: t('empty.whoOrgAdmin'),
          }}
        />
      )}
      {manage && <AddService system={id} onAdded={services.reload} />}
      {manage && <Credentials system={id} />}
    </Page>
  );
}

/** Information systems: all of them, and one with its services and credentials. */
export default function Systems({ rest }: { readonly rest: string }) {
  return rest ? <SystemDetail id={rest} /> : <SystemList />;
}
