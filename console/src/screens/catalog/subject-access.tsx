import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubjectAccessItem, SubjectAccessReport } from '../../api/catalog';
import { ApiError, api, apiUrl, type Problem } from '../../api/client';
import { type Column, DataTable } from '../../components/data-table';
import { Field } from '../../components/field';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem';
import { formatDateTime, localInputToIso } from '../../lib/format';
import { problemOf } from '../../lib/use-load';
import { useSubmit } from '../../lib/use-submit';

/** Downloads the report as the API writes it (JSON or CSV); the person's id goes in the body, never the URL. */
async function downloadExport(body: object, format: 'csv' | 'json'): Promise<void> {
  const response = await fetch(apiUrl('/catalog/subject-access/export', { format }), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'cang-console' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => undefined)) as Problem | undefined;
    throw new ApiError(problem?.code ? problem : { status: response.status, code: 'unexpected' });
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name ?? `truy-cap-du-lieu.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `/subject-access`: who accessed data about a person, when and why (auditors). */
export default function SubjectAccess() {
  const { t } = useTranslation();
  const [personId, setPersonId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [requester, setRequester] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [report, setReport] = useState<SubjectAccessReport>();
  const [exportProblem, setExportProblem] = useState<Problem>();
  const { errors, problem, busy, submit } = useSubmit<SubjectAccessReport>();
  const body = () => {
    const fromIso = localInputToIso(from);
    const toIso = localInputToIso(to);
    return {
      personId: personId.trim(),
      requester: requester.trim(),
      legalBasis: legalBasis.trim(),
      ...(fromIso ? { from: fromIso } : {}),
      ...(toIso ? { to: toIso } : {}),
    };
  };
  const send = async (event: FormEvent) => {
    event.preventDefault();
    const found = await submit(
      () => {
        const e: Record<string, string> = {};
        if (!personId.trim()) e['/personId'] = t('validation.required');
        if (!requester.trim()) e['/requester'] = t('validation.required');
        if (!legalBasis.trim()) e['/legalBasis'] = t('validation.required');
        if (from && to && to <= from) e['/to'] = t('validation.afterFrom');
        return e;
      },
      () => api<SubjectAccessReport>('/catalog/subject-access', { method: 'POST', body: body() }),
    );
    if (found) setReport(found);
  };
  const exportAs = async (format: 'csv' | 'json') => {
    setExportProblem(undefined);
    try {
      await downloadExport(body(), format);
    } catch (error) {
      setExportProblem(problemOf(error));
    }
  };
  // Each access cites the personal-data law in force on its day (Decree 13/2023 until 31/12/2025, then
  // Law 91/2025/QH15), as the report names them.
  const lawTitle = (code: string | null) =>
    report?.laws.find((law) => law.code === code)?.title ?? t('subject.noLaw');
  const columns: Column<SubjectAccessItem>[] = [
    { id: 'at', header: t('subject.at'), value: (r) => r.at, cell: (r) => formatDateTime(r.at) },
    {
      id: 'who',
      header: t('subject.who'),
      value: (r) => `${r.clientOrganisationName ?? r.clientOrganisation ?? ''} ${r.clientSystem ?? ''}`,
      cell: (r) => (
        <>
          {r.clientOrganisationName ?? r.clientOrganisation ?? '—'}
          <br />
          <code>{r.clientSystem}</code>
        </>
      ),
    },
    {
      id: 'service',
      header: t('subject.service'),
      value: (r) => `${r.serviceName ?? ''} ${r.service ?? ''}`,
      cell: (r) => (
        <>
          {r.serviceName ?? '—'} ({r.providerOrganisationName ?? r.providerOrganisation})
          <br />
          <code>{r.service}</code>
        </>
      ),
    },
    { id: 'purpose', header: t('subject.purpose'), value: (r) => r.purpose ?? '' },
    {
      id: 'status',
      header: t('subject.status'),
      value: (r) => r.status,
      cell: (r) =>
        r.status === 403 ? (
          <span className="badge bad">{t('subject.refused')}</span>
        ) : (
          <span className={r.status < 400 ? 'badge ok' : 'badge bad'}>{r.status}</span>
        ),
    },
    {
      id: 'law',
      header: t('subject.law'),
      value: (r) => lawTitle(r.law),
    },
    {
      id: 'transaction',
      header: t('subject.transaction'),
      value: (r) => r.transactionId,
      cell: (r) => <code>{r.transactionId}</code>,
    },
  ];
  return (
    <Page title={t('nav.subjectAccess')}>
      <p className="muted">{t('subject.intro')}</p>
      <form className="panel" onSubmit={send} noValidate aria-labelledby="subject-form-title">
        <h2 id="subject-form-title">{t('subject.lookup')}</h2>
        <ProblemAlert problem={problem} />
        <div className="form-row">
          <Field
            label={t('subject.personId')}
            error={errors['/personId']}
            hint={t('subject.personIdHint')}
            required
          >
            {(c) => (
              <input
                {...c}
                name="personId"
                autoComplete="off"
                value={personId}
                onChange={(e) => setPersonId(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('subject.from')} error={errors['/from']}>
            {(c) => (
              <input
                {...c}
                name="from"
                type="datetime-local"
                value={from}
                onChange={(e) => setFrom(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('subject.to')} error={errors['/to']}>
            {(c) => (
              <input
                {...c}
                name="to"
                type="datetime-local"
                value={to}
                onChange={(e) => setTo(e.target.value)}
              />
            )}
          </Field>
        </div>
        <div className="form-row">
          <Field
            label={t('subject.requester')}
            error={errors['/requester']}
            hint={t('subject.requesterHint')}
            required
          >
            {(c) => (
              <input
                {...c}
                name="requester"
                value={requester}
                onChange={(e) => setRequester(e.target.value)}
              />
            )}
          </Field>
          <Field
            label={t('subject.legalBasis')}
            error={errors['/legalBasis']}
            hint={t('subject.legalBasisHint')}
            required
          >
            {(c) => (
              <input
                {...c}
                name="legalBasis"
                value={legalBasis}
                onChange={(e) => setLegalBasis(e.target.value)}
              />
            )}
          </Field>
        </div>
        <button type="submit" disabled={busy}>
          {t('subject.submit')}
        </button>
      </form>
      {report && (
        <section aria-labelledby="subject-results-title">
          <h2 id="subject-results-title">{t('subject.results', { count: report.total })}</h2>
          {report.truncated && (
            <p className="alert warning" role="status">
              {t('subject.truncated')}
            </p>
          )}
          <ProblemAlert problem={exportProblem} />
          <div className="buttons">
            <button type="button" className="secondary" onClick={() => void exportAs('csv')}>
              {t('subject.exportCsv')}
            </button>
            <button type="button" className="secondary" onClick={() => void exportAs('json')}>
              {t('subject.exportJson')}
            </button>
          </div>
          <DataTable
            caption={t('nav.subjectAccess')}
            rows={report.items}
            columns={columns}
            rowKey={(r) => r.transactionId}
            exportName="truy-cap-du-lieu-ca-nhan"
            empty={{ what: t('empty.subjectAccess') }}
          />
          <p className="muted small" data-testid="subject-basis">
            {t('subject.askedBy', { requester: report.requester, legalBasis: report.legalBasis })}
            {report.lawInForce && ` · ${t('subject.lawInForce', { law: report.lawInForce.title })}`}
          </p>
          <p className="muted small">
            {t('subject.generated', { at: formatDateTime(report.generatedAt) })} ·{' '}
            <code>{report.subjectHash.slice(0, 16)}…</code>
          </p>
        </section>
      )}
    </Page>
  );
}
