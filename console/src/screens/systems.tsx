import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, listAll } from '../api/client';
import { loadAllSystems, loadServicesOf, systemApiPath } from '../api/registry';
import type { Credential, IssuedToken, Service, System } from '../api/types';
import { type Column, DataTable } from '../components/data-table';
import { Field } from '../components/field';
import { Link } from '../components/link';
import { Page } from '../components/page';
import { ProblemAlert } from '../components/problem';
import { formatDate, formatDateTime, localInputToIso } from '../lib/format';
import { pathOf } from '../lib/router';
import { useSession } from '../lib/session';
import { problemOf, useLoad } from '../lib/use-load';
import { useDraftForm } from '../lib/use-draft-form';
import { FIELD_PATTERNS } from '../api/generated/field-patterns';

const SEGMENT = new RegExp(FIELD_PATTERNS.createService['/code']);

function SystemList() {
  const { t } = useTranslation();
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

const EMPTY_TOKEN = { label: '', expiresAt: '' };

function Credentials({ system }: { readonly system: string }) {
  const { t } = useTranslation();
  const path = `${systemApiPath(system)}/credentials`;
  const loaded = useLoad(() => listAll<Credential>(path), [path]);
  const { draft, bind, errors, problem, busy, onSubmit } = useDraftForm(`token:${system}`, EMPTY_TOKEN);
  const [issued, setIssued] = useState<IssuedToken>();
  const [copied, setCopied] = useState(false);
  const [revokeProblem, setRevokeProblem] = useState<ReturnType<typeof problemOf>>();

  const expiresAt = localInputToIso(draft.expiresAt);
  const issue = onSubmit(
    () => {
      const found: Record<string, string> = {};
      if (draft.expiresAt && (!expiresAt || Date.parse(expiresAt) <= Date.now()))
        found['/expiresAt'] = t('validation.future');
      return found;
    },
    () =>
      api<IssuedToken>(path, {
        method: 'POST',
        body: {
          ...(draft.label.trim() ? { label: draft.label.trim() } : {}),
          ...(expiresAt ? { expiresAt } : {}),
        },
      }),
    (result) => {
      setIssued(result);
      setCopied(false);
      loaded.reload();
    },
  );
  const revoke = async (credential: Credential) => {
    if (!window.confirm(t('credential.revokeConfirm', { label: credential.label || credential.id }))) return;
    try {
      await api(`${path}/${encodeURIComponent(credential.id)}`, { method: 'DELETE' });
      setRevokeProblem(undefined);
      loaded.reload();
    } catch (error) {
      setRevokeProblem(problemOf(error));
    }
  };
  const copy = async () => {
    if (!issued) return;
    try {
      await navigator.clipboard.writeText(issued.token);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  const columns: Column<Credential>[] = [
    { id: 'label', header: t('credential.label'), value: (c) => c.label },
    { id: 'kind', header: t('credential.kind'), value: (c) => t(`credential.kinds.${c.kind}`) },
    { id: 'hint', header: t('credential.hint'), value: (c) => c.tokenHint ?? c.certificateFingerprint },
    { id: 'status', header: t('credential.status'), value: (c) => t(`credential.statuses.${c.status}`) },
    {
      id: 'createdAt',
      header: t('common.createdAt'),
      value: (c) => c.createdAt,
      cell: (c) => formatDateTime(c.createdAt),
    },
    {
      id: 'expiresAt',
      header: t('common.expiresAt'),
      value: (c) => c.expiresAt,
      cell: (c) => formatDateTime(c.expiresAt),
    },
    {
      id: 'actions',
      header: t('common.actions'),
      value: () => null,
      cell: (c) =>
        c.status === 'active' ? (
          <button type="button" className="danger small" onClick={() => revoke(c)}>
            {t('credential.revoke')}
            <span className="visually-hidden"> {c.label || c.id}</span>
          </button>
        ) : null,
    },
  ];
  return (
    <section aria-labelledby="credentials-title">
      <h2 id="credentials-title">{t('credential.title')}</h2>
      <ProblemAlert problem={loaded.problem ?? revokeProblem} />
      {issued && (
        <div className="alert warning token-box" role="status">
          <p>
            <strong>{t('credential.issuedTitle')}</strong> {t('credential.issuedWarning')}
          </p>
          <label htmlFor="issued-token">{t('credential.token')}</label>
          <div className="copy-row">
            <input id="issued-token" readOnly value={issued.token} onFocus={(e) => e.target.select()} />
            <button type="button" onClick={copy}>
              {copied ? t('credential.copied') : t('credential.copy')}
            </button>
            <button type="button" className="secondary" onClick={() => setIssued(undefined)}>
              {t('credential.done')}
            </button>
          </div>
        </div>
      )}
      {loaded.data && (
        <DataTable
          caption={t('credential.title')}
          rows={loaded.data}
          columns={columns}
          rowKey={(c) => c.id}
          exportName="chung-thu"
          pageSize={10}
        />
      )}
      <form className="panel" onSubmit={issue} noValidate aria-labelledby="issue-token-title">
        <h3 id="issue-token-title">{t('credential.issue')}</h3>
        <ProblemAlert problem={problem} />
        <div className="form-row">
          <Field label={t('credential.label')} error={errors['/label']}>
            {(c) => <input {...c} {...bind('label')} />}
          </Field>
          <Field
            label={t('common.expiresAt')}
            error={errors['/expiresAt']}
            hint={t('credential.expiresHint')}
          >
            {(c) => <input {...c} {...bind('expiresAt')} type="datetime-local" />}
          </Field>
        </div>
        <button type="submit" disabled={busy}>
          {t('credential.issueSubmit')}
        </button>
      </form>
    </section>
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
