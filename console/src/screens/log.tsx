import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Page as ApiPage, type Problem } from '../api/client';
import type { LogItem, VerifyResult } from '../api/types';
import { type Column, DataTable } from '../components/data-table';
import { Field } from '../components/field';
import { Page } from '../components/page';
import { ProblemAlert } from '../components/problem';
import { useDraft } from '../lib/draft';
import { useSession } from '../lib/session';
import { formatDateTime, formatNumber, localInputToIso, toLocalInput } from '../lib/format';
import { problemOf } from '../lib/use-load';
import { useSubmit } from '../lib/use-submit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMPTY = { from: '', to: '', client: '', service: '', status: '', id: '' };
type Filters = typeof EMPTY;

function queryOf(f: Filters): Record<string, string | undefined> {
  return {
    from: localInputToIso(f.from),
    to: localInputToIso(f.to),
    client: f.client.trim() || undefined,
    service: f.service.trim() || undefined,
    status: f.status.trim() || undefined,
    id: f.id.trim() || undefined,
  };
}

function Verify() {
  const { t } = useTranslation();
  const [result, setResult] = useState<VerifyResult>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      setResult(await api<VerifyResult>('/log/verify', { method: 'POST' }));
    } catch (error) {
      setResult(undefined);
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="verify-title">
      <h2 id="verify-title">{t('log.verifyTitle')}</h2>
      <p className="muted">{t('log.verifyHelp')}</p>
      <button type="button" onClick={run} disabled={busy}>
        {busy ? t('log.verifying') : t('log.verify')}
      </button>
      <ProblemAlert problem={problem} />
      <div aria-live="polite">
        {result &&
          (result.ok ? (
            <p className="alert success" data-testid="verify-result">
              {t('log.verifyOk', {
                entries: formatNumber(result.entries),
                seals: formatNumber(result.seals),
                nodes: formatNumber(result.nodes.length),
                ms: formatNumber(result.durationMs),
              })}
            </p>
          ) : (
            <p className="alert error" data-testid="verify-result">
              {t('log.verifyBad', {
                node: result.firstBad?.nodeId ?? '?',
                seq: formatNumber(result.firstBad?.seq ?? 0),
                reason: result.firstBad?.reason ?? '',
              })}
            </p>
          ))}
      </div>
    </section>
  );
}

/** The transaction log: search by time, client, service, status and id; and verify the chain. */
export default function Log() {
  const { t } = useTranslation();
  const session = useSession();
  const [draft, update, clear] = useDraft('log-search', EMPTY);
  // The filters of the search that found `items`: with none, an empty result means no call yet.
  const [searched, setSearched] = useState<Filters>(EMPTY);
  const { errors, problem, busy, submit } = useSubmit<ApiPage<LogItem>>();
  const [items, setItems] = useState<LogItem[]>();
  const [next, setNext] = useState<string | null>(null);
  const [moreProblem, setMoreProblem] = useState<Problem>();

  const searchBy = async (filters: Filters) => {
    const page = await submit(
      () => {
        const found: Record<string, string> = {};
        const q = queryOf(filters);
        if (filters.from && !q.from) found['/from'] = t('validation.date');
        if (filters.to && !q.to) found['/to'] = t('validation.date');
        if (q.from && q.to && Date.parse(q.from) >= Date.parse(q.to))
          found['/to'] = t('validation.afterFrom');
        if (q.status && !/^[1-5]\d\d$/.test(q.status)) found['/status'] = t('validation.status');
        if (q.id && !UUID.test(q.id)) found['/id'] = t('validation.uuid');
        return found;
      },
      () => api<ApiPage<LogItem>>('/log', { query: { ...queryOf(filters), limit: 200 } }),
    );
    if (page) {
      setSearched(filters);
      setItems([...page.items]);
      setNext(page.nextCursor);
    }
  };
  const search = (event?: FormEvent) => {
    event?.preventDefault();
    void searchBy(draft);
  };
  const clearAndSearch = () => {
    clear();
    void searchBy(EMPTY);
  };
  const filtered = Object.values(queryOf(searched)).some((v) => v !== undefined);
  const more = async () => {
    if (!next) return;
    try {
      const page = await api<ApiPage<LogItem>>('/log', {
        query: { ...queryOf(searched), limit: 200, cursor: next },
      });
      setItems((old) => [...(old ?? []), ...page.items]);
      setNext(page.nextCursor);
    } catch (error) {
      setMoreProblem(problemOf(error));
    }
  };
  const lastHour = () => update({ from: toLocalInput(new Date(Date.now() - 3_600_000)), to: '' });
  const columns = useMemo<Column<LogItem>[]>(
    () => [
      {
        id: 'startedAt',
        header: t('log.time'),
        value: (i) => i.startedAt,
        cell: (i) => formatDateTime(i.startedAt),
      },
      {
        id: 'client',
        header: t('log.client'),
        value: (i) => i.clientId,
        cell: (i) => <code>{i.clientId}</code>,
      },
      {
        id: 'service',
        header: t('log.service'),
        value: (i) => i.serviceId,
        cell: (i) => <code>{i.serviceId}</code>,
      },
      { id: 'method', header: t('log.method'), value: (i) => i.method },
      { id: 'path', header: t('log.path'), value: (i) => i.path, cell: (i) => <code>{i.path}</code> },
      {
        id: 'status',
        header: t('log.statusShort'),
        value: (i) => i.status,
        numeric: true,
        cell: (i) => <span className={i.status >= 400 ? 'badge bad' : 'badge ok'}>{i.status}</span>,
      },
      // The purpose code a call declared: sample calls show MAU-MINH-HOA, which leaves them out of indicators.
      {
        id: 'purpose',
        header: t('log.purpose'),
        value: (i) => i.purpose,
        cell: (i) => i.purpose && <code>{i.purpose}</code>,
      },
      { id: 'errorCode', header: t('log.errorCode'), value: (i) => i.errorCode },
      { id: 'duration', header: t('log.duration'), value: (i) => i.durationMs, numeric: true },
      { id: 'seq', header: t('log.seq'), value: (i) => i.seq, numeric: true },
      {
        id: 'id',
        header: t('log.id'),
        value: (i) => i.id,
        cell: (i) => <code className="small">{i.id}</code>,
      },
    ],
    [t],
  );
  return (
    <Page title={t('nav.log')}>
      <form className="panel" onSubmit={search} noValidate aria-labelledby="log-search-title">
        <h2 id="log-search-title">{t('log.searchTitle')}</h2>
        <ProblemAlert problem={problem} />
        <div className="form-row">
          <Field label={t('log.from')} error={errors['/from']}>
            {(c) => (
              <input
                {...c}
                name="from"
                type="datetime-local"
                value={draft.from}
                onChange={(e) => update({ from: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('log.to')} error={errors['/to']}>
            {(c) => (
              <input
                {...c}
                name="to"
                type="datetime-local"
                value={draft.to}
                onChange={(e) => update({ to: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('log.status')} error={errors['/status']}>
            {(c) => (
              <input
                {...c}
                name="status"
                inputMode="numeric"
                value={draft.status}
                onChange={(e) => update({ status: e.target.value })}
              />
            )}
          </Field>
        </div>
        <div className="form-row">
          <Field label={t('log.client')} error={errors['/client']} hint={t('log.clientHint')}>
            {(c) => (
              <input
                {...c}
                name="client"
                value={draft.client}
                onChange={(e) => update({ client: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('log.service')} error={errors['/service']} hint={t('log.serviceHint')}>
            {(c) => (
              <input
                {...c}
                name="service"
                value={draft.service}
                onChange={(e) => update({ service: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('log.id')} error={errors['/id']}>
            {(c) => (
              <input {...c} name="id" value={draft.id} onChange={(e) => update({ id: e.target.value })} />
            )}
          </Field>
        </div>
        <div className="buttons">
          <button type="submit" disabled={busy}>
            {t('log.search')}
          </button>
          <button type="button" className="secondary" onClick={lastHour}>
            {t('log.lastHour')}
          </button>
          <button type="button" className="secondary" onClick={clear}>
            {t('common.clear')}
          </button>
        </div>
      </form>
      <ProblemAlert problem={moreProblem} />
      {items && (
        <section aria-labelledby="log-results-title">
          <h2 id="log-results-title">{t('log.results')}</h2>
          <DataTable
            caption={t('log.results')}
            rows={items}
            columns={columns}
            rowKey={(i) => i.id}
            exportName="nhat-ky"
            clearFilters={filtered ? clearAndSearch : undefined}
            empty={{
              what: t('empty.log'),
              action: { label: t('empty.grantFirst'), to: '/grants' },
              command: t('empty.callCommand'),
              allowed: session.may('grant.create'),
              who: t('empty.whoOrgAdmin'),
            }}
          />
          {next && (
            <button type="button" className="secondary" onClick={more}>
              {t('log.more')}
            </button>
          )}
        </section>
      )}
      <Verify />
    </Page>
  );
}
