/** A system's credentials: the list, issuing a token (shown once), registering a certificate, revoking. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, listAll } from '../api/client';
import { systemApiPath } from '../api/registry';
import type { Credential, IssuedToken } from '../api/types';
import { type Column, DataTable } from '../components/data-table';
import { Field } from '../components/field';
import { ProblemAlert } from '../components/problem';
import { formatDateTime, localInputToIso } from '../lib/format';
import { problemOf, useLoad } from '../lib/use-load';
import { useDraftForm } from '../lib/use-draft-form';

const EMPTY_TOKEN = { label: '', expiresAt: '' };

/** A system's credentials, with issuing a token and revoking one. */
export function Credentials({ system }: { readonly system: string }) {
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
          empty={{
            what: t('empty.credentials'),
            action: { label: t('credential.issue'), form: 'issue-token-title' },
            command: `npx cang credential issue ${system} --label "Máy chủ ứng dụng"`,
          }}
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
