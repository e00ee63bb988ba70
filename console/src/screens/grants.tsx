import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, listAll, type Problem } from '../api/client';
import { loadAllServices, loadAllSystems, loadServicesOf, loadSystemsOf } from '../api/registry';
import type { Grant, Service, System } from '../api/types';
import { type Column, DataTable } from '../components/data-table';
import { Field } from '../components/field';
import { MethodsFieldset } from '../components/methods-fieldset';
import { Page } from '../components/page';
import { ProblemAlert } from '../components/problem';
import { formatDateTime, formatNumber, localInputToIso } from '../lib/format';
import { type Session, useSession } from '../lib/session';
import { problemOf, useLoad } from '../lib/use-load';
import { useDraftForm } from '../lib/use-draft-form';
import { FIELD_PATTERNS } from '../api/generated/field-patterns';

const SYSTEM_ID = new RegExp(FIELD_PATTERNS.createGrant['/client']);
const SERVICE_ID = new RegExp(FIELD_PATTERNS.createGrant['/service']);

/** Grants the session may read: all of them, or those touching its organisations' systems and services. */
async function loadGrants(session: Session): Promise<Grant[]> {
  if (session.mayEverywhere('grant.read')) return listAll<Grant>('/grants');
  const organisations = session.user.roles
    .filter((r) => r.role === 'org-admin' && r.scope)
    .map((r) => r.scope!);
  const systems = (await Promise.all(organisations.map(loadSystemsOf))).flat();
  const services = (await Promise.all(systems.map((s) => loadServicesOf(s.id)))).flat();
  const lists = await Promise.all([
    ...systems.map((s) => listAll<Grant>('/grants', { client: s.id })),
    ...services.map((s) => listAll<Grant>('/grants', { service: s.id })),
  ]);
  return [...new Map(lists.flat().map((g) => [g.id, g])).values()];
}

const EMPTY_GRANT = {
  client: '',
  service: '',
  methods: [] as string[],
  pathPatterns: '',
  quota: '',
  expiresAt: '',
};

function CreateGrant({
  systems,
  services,
  onCreated,
}: {
  readonly systems: readonly System[];
  readonly services: readonly Service[];
  readonly onCreated: () => void;
}) {
  const { t } = useTranslation();
  const { draft, update, bind, errors, problem, busy, onSubmit } = useDraftForm('grant', EMPTY_GRANT);
  const [created, setCreated] = useState<Grant>();
  const patterns = draft.pathPatterns
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
  const expiresAt = localInputToIso(draft.expiresAt);
  const quota = draft.quota.trim() ? Number(draft.quota) : undefined;
  const send = onSubmit(
    () => {
      const found: Record<string, string> = {};
      if (!SYSTEM_ID.test(draft.client.trim())) found['/client'] = t('validation.systemId');
      if (!SERVICE_ID.test(draft.service.trim())) found['/service'] = t('validation.serviceId');
      if (patterns.some((p) => !p.startsWith('/'))) found['/pathPatterns'] = t('validation.pathPattern');
      if (quota !== undefined && (!Number.isInteger(quota) || quota < 1 || quota > 1_000_000))
        found['/quotaPerMinute'] = t('validation.quota');
      if (draft.expiresAt && (!expiresAt || Date.parse(expiresAt) <= Date.now()))
        found['/expiresAt'] = t('validation.future');
      return found;
    },
    () =>
      api<Grant>('/grants', {
        method: 'POST',
        body: {
          client: draft.client.trim(),
          service: draft.service.trim(),
          ...(draft.methods.length ? { methods: draft.methods } : {}),
          ...(patterns.length ? { pathPatterns: patterns } : {}),
          ...(quota !== undefined ? { quotaPerMinute: quota } : {}),
          ...(expiresAt ? { expiresAt } : {}),
        },
      }),
    (grant) => {
      setCreated(grant);
      onCreated();
    },
  );
  return (
    <form className="panel" onSubmit={send} noValidate aria-labelledby="create-grant-title">
      <h2 id="create-grant-title">{t('grant.create')}</h2>
      {created && (
        <p className="alert success" role="status">
          {t('grant.created', { client: created.client, service: created.service })}
        </p>
      )}
      <ProblemAlert problem={problem} />
      <div className="form-row">
        <Field label={t('grant.client')} error={errors['/client']} hint={t('grant.clientHint')} required>
          {(c) => <input {...c} {...bind('client')} list="grant-systems" />}
        </Field>
        <Field label={t('grant.service')} error={errors['/service']} hint={t('grant.serviceHint')} required>
          {(c) => <input {...c} {...bind('service')} list="grant-services" />}
        </Field>
      </div>
      <datalist id="grant-systems">
        {systems.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </datalist>
      <datalist id="grant-services">
        {services.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </datalist>
      <MethodsFieldset
        methods={draft.methods}
        error={errors['/methods']}
        onChange={(methods) => update({ methods })}
      />
      <Field
        label={t('grant.pathPatterns')}
        error={errors['/pathPatterns']}
        hint={t('grant.pathPatternsHint')}
      >
        {(c) => <textarea {...c} {...bind('pathPatterns')} rows={3} />}
      </Field>
      <div className="form-row">
        <Field label={t('grant.quota')} error={errors['/quotaPerMinute']} hint={t('grant.quotaHint')}>
          {(c) => <input {...c} {...bind('quota')} type="number" min={1} inputMode="numeric" />}
        </Field>
        <Field label={t('common.expiresAt')} error={errors['/expiresAt']} hint={t('grant.expiresHint')}>
          {(c) => <input {...c} {...bind('expiresAt')} type="datetime-local" />}
        </Field>
      </div>
      <button type="submit" disabled={busy}>
        {t('grant.createSubmit')}
      </button>
    </form>
  );
}

/** Access grants: who may call which service, with a form to grant and a button to revoke. */
export default function Grants() {
  const { t } = useTranslation();
  const session = useSession();
  const grants = useLoad(() => loadGrants(session), [session]);
  const registry = useLoad(async () => {
    const systems = await loadAllSystems();
    return { systems, services: await loadAllServices(systems) };
  }, []);
  const [deleteProblem, setDeleteProblem] = useState<Problem>();
  const mayCreate = session.may('grant.create');
  const remove = async (grant: Grant) => {
    if (!window.confirm(t('grant.deleteConfirm', { client: grant.client, service: grant.service }))) return;
    try {
      await api(`/grants/${encodeURIComponent(grant.id)}`, { method: 'DELETE' });
      setDeleteProblem(undefined);
      grants.reload();
    } catch (error) {
      setDeleteProblem(problemOf(error));
    }
  };
  const columns: Column<Grant>[] = [
    {
      id: 'client',
      header: t('grant.client'),
      value: (g) => g.client,
      cell: (g) => <code>{g.client}</code>,
    },
    {
      id: 'service',
      header: t('grant.service'),
      value: (g) => g.service,
      cell: (g) => <code>{g.service}</code>,
    },
    { id: 'methods', header: t('grant.methods'), value: (g) => g.methods?.join(', ') ?? t('grant.any') },
    {
      id: 'paths',
      header: t('grant.pathPatterns'),
      value: (g) => g.pathPatterns?.join(' ') ?? t('grant.any'),
    },
    { id: 'quota', header: t('grant.quotaShort'), value: (g) => g.quotaPerMinute, numeric: true },
    {
      id: 'expiresAt',
      header: t('common.expiresAt'),
      value: (g) => g.expiresAt,
      cell: (g) =>
        g.expired ? <span className="badge bad">{t('grant.expired')}</span> : formatDateTime(g.expiresAt),
    },
    {
      id: 'actions',
      header: t('common.actions'),
      value: () => null,
      cell: (g) =>
        session.may('grant.delete', g.service) ? (
          <button type="button" className="danger small" onClick={() => remove(g)}>
            {t('grant.delete')}
            <span className="visually-hidden">
              {' '}
              {g.client} → {g.service}
            </span>
          </button>
        ) : null,
    },
  ];
  return (
    <Page title={t('nav.grants')}>
      <ProblemAlert problem={grants.problem ?? deleteProblem} />
      {grants.data ? (
        <DataTable
          caption={t('nav.grants')}
          rows={grants.data}
          columns={columns}
          rowKey={(g) => g.id}
          exportName="quyen-truy-cap"
          empty={{
            what: t('empty.grants'),
            action: { label: t('grant.create'), form: 'create-grant-title' },
            command:
              'npx cang grant create VN-HP/GOV/STP/HTTT-LLTP VN-HP/GOV/STP/HTTT-HOTICH/tra-cuu-ho-tich --method GET',
            allowed: mayCreate,
            who: t('empty.whoOrgAdmin'),
          }}
        />
      ) : (
        !grants.problem && <p className="muted">{t('common.loading')}</p>
      )}
      <p className="muted">
        {t('grant.count', {
          count: grants.data?.length ?? 0,
          formatted: formatNumber(grants.data?.length ?? 0),
        })}
      </p>
      {mayCreate && (
        <CreateGrant
          systems={registry.data?.systems ?? []}
          services={registry.data?.services ?? []}
          onCreated={grants.reload}
        />
      )}
    </Page>
  );
}
