import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, idPath } from '../api/client';
import { loadOrganisations, loadSystemsOf } from '../api/registry';
import type { Organisation, System } from '../api/types';
import { type Column, DataTable } from '../components/data-table';
import { Field } from '../components/field';
import { Link } from '../components/link';
import { Page } from '../components/page';
import { ProblemAlert } from '../components/problem';
import { formatDate } from '../lib/format';
import { pathOf, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { useLoad } from '../lib/use-load';
import { useDraftForm } from '../lib/use-draft-form';
import { FIELD_PATTERNS } from '../api/generated/field-patterns';

const SEGMENT = new RegExp(FIELD_PATTERNS.createSystem['/code']);

function OrganisationList() {
  const { t } = useTranslation();
  const session = useSession();
  const { search } = useLocation();
  const loaded = useLoad(loadOrganisations, []);
  const columns = useMemo<Column<Organisation>[]>(
    () => [
      {
        id: 'name',
        header: t('organisation.name'),
        value: (o) => o.name,
        cell: (o) => <Link to={pathOf('/organisations', o.id)}>{o.name}</Link>,
      },
      { id: 'id', header: t('organisation.id'), value: (o) => o.id, cell: (o) => <code>{o.id}</code> },
      { id: 'class', header: t('organisation.class'), value: (o) => o.memberClass },
      { id: 'agencyCode', header: t('organisation.agencyCode'), value: (o) => o.agencyCode },
      {
        id: 'createdAt',
        header: t('common.createdAt'),
        value: (o) => o.createdAt,
        cell: (o) => formatDate(o.createdAt),
      },
    ],
    [t],
  );
  return (
    <Page title={t('nav.organisations')}>
      <ProblemAlert problem={loaded.problem} />
      {loaded.data ? (
        <DataTable
          caption={t('nav.organisations')}
          rows={loaded.data}
          columns={columns}
          rowKey={(o) => o.id}
          exportName="to-chuc"
          empty={{
            what: t('empty.organisations'),
            command: 'npx cang org create GOV STP "Sở Tư pháp"',
            allowed: session.may('organisation.create'),
          }}
          initialQuery={search.get('q') ?? ''}
        />
      ) : (
        !loaded.problem && <p className="muted">{t('common.loading')}</p>
      )}
    </Page>
  );
}

const EMPTY_SYSTEM = { code: '', name: '' };

function AddSystem({
  organisation,
  onAdded,
}: {
  readonly organisation: string;
  readonly onAdded: () => void;
}) {
  const { t } = useTranslation();
  const { draft, bind, errors, problem, busy, onSubmit } = useDraftForm(
    `system:${organisation}`,
    EMPTY_SYSTEM,
  );
  const send = onSubmit(
    () => {
      const found: Record<string, string> = {};
      if (!SEGMENT.test(draft.code)) found['/code'] = t('validation.segment');
      if (!draft.name.trim()) found['/name'] = t('validation.required');
      return found;
    },
    () =>
      api<System>(`/organisations/${idPath(organisation)}/systems`, {
        method: 'POST',
        body: { code: draft.code, name: draft.name.trim() },
      }),
    onAdded,
  );
  return (
    <form className="panel" onSubmit={send} noValidate aria-labelledby="add-system-title">
      <h2 id="add-system-title">{t('system.add')}</h2>
      <ProblemAlert problem={problem} />
      <div className="form-row">
        <Field label={t('system.code')} error={errors['/code']} hint={t('system.codeHint')} required>
          {(c) => <input {...c} {...bind('code')} />}
        </Field>
        <Field label={t('system.name')} error={errors['/name']} required>
          {(c) => <input {...c} {...bind('name')} />}
        </Field>
      </div>
      <button type="submit" disabled={busy}>
        {t('system.addSubmit')}
      </button>
    </form>
  );
}

function OrganisationDetail({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const organisation = useLoad(() => api<Organisation>(`/organisations/${idPath(id)}`), [id]);
  const systems = useLoad(() => loadSystemsOf(id), [id]);
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
        id: 'createdAt',
        header: t('common.createdAt'),
        value: (s) => s.createdAt,
        cell: (s) => formatDate(s.createdAt),
      },
    ],
    [t],
  );
  const o = organisation.data;
  return (
    <Page title={o?.name ?? id}>
      <p>
        <Link to="/organisations">← {t('nav.organisations')}</Link>
      </p>
      <ProblemAlert problem={organisation.problem ?? systems.problem} />
      {o && (
        <dl className="facts">
          <dt>{t('organisation.id')}</dt>
          <dd>
            <code>{o.id}</code>
          </dd>
          <dt>{t('organisation.class')}</dt>
          <dd>{t(`memberClass.${o.memberClass}`)}</dd>
          <dt>{t('organisation.agencyCode')}</dt>
          <dd>{o.agencyCode ?? '—'}</dd>
          <dt>{t('organisation.adminCode')}</dt>
          <dd>{o.adminCode ?? '—'}</dd>
          <dt>{t('common.createdAt')}</dt>
          <dd>{formatDate(o.createdAt)}</dd>
        </dl>
      )}
      <h2>{t('nav.systems')}</h2>
      {systems.data && (
        <DataTable
          caption={t('nav.systems')}
          rows={systems.data}
          columns={columns}
          rowKey={(s) => s.id}
          exportName="he-thong"
          empty={{
            what: t('empty.systems'),
            action: { label: t('system.add'), form: 'add-system-title' },
            command: `npx cang system create ${id} HTTT-MOTCUA "Hệ thống một cửa"`,
            allowed: session.may('system.create', id),
          }}
        />
      )}
      {session.may('system.create', id) && <AddSystem organisation={id} onAdded={systems.reload} />}
    </Page>
  );
}

/** Organisations: the list, and one organisation with its information systems. */
export default function Organisations({ rest }: { readonly rest: string }) {
  return rest ? <OrganisationDetail id={rest} /> : <OrganisationList />;
}
