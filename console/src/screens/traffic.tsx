import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { StatRow } from '../api/types';
import { Chart } from '../components/chart';
import { type Column, DataTable } from '../components/data-table';
import { EmptyState } from '../components/empty-state';
import { Page } from '../components/page';
import { ProblemAlert } from '../components/problem';
import { formatDateTime, formatMinute, formatNumber } from '../lib/format';
import { useSession } from '../lib/session';
import { isError, minutesOf, perMinute, perService, type ServiceTraffic } from '../lib/traffic';
import { useLoad } from '../lib/use-load';

const REFRESH_MS = 10_000;
const WINDOWS = [15, 60, 360, 1440] as const;

/** Live traffic from /api/v1/stats: requests and errors per minute, p50/p99 latency per service; refreshes every 10 s. */
export default function Traffic() {
  const { t } = useTranslation();
  const session = useSession();
  const [windowMinutes, setWindowMinutes] = useState<number>(60);
  const loaded = useLoad(
    async () => {
      const to = Date.now();
      const from = to - windowMinutes * 60_000;
      const { items } = await api<{ items: StatRow[] }>('/stats', {
        query: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
      });
      return { items, from, to, at: to };
    },
    [windowMinutes],
    REFRESH_MS,
  );
  const view = useMemo(() => {
    if (!loaded.data) return undefined;
    const { items, from, to } = loaded.data;
    const minutes = minutesOf(from, to);
    const requests = perMinute(items, minutes);
    const errors = perMinute(items, minutes, (r) => isError(r.status));
    const services = perService(items);
    const axis = minutes.map((m) => formatMinute(m));
    const requestsOption = {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: axis },
      yAxis: { type: 'value', minInterval: 1 },
      series: [...requests.entries()].map(([service, data]) => ({
        name: service,
        type: 'line',
        data,
        showSymbol: false,
      })),
    };
    const errorsOption = {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: axis },
      yAxis: { type: 'value', minInterval: 1 },
      // With no errors, one zero series keeps the axes drawn instead of an empty box.
      series:
        errors.size > 0
          ? [...errors.entries()].map(([service, data]) => ({
              name: service,
              type: 'bar',
              stack: 'errors',
              data,
            }))
          : [{ name: t('traffic.noErrors'), type: 'bar', data: minutes.map(() => 0) }],
    };
    const latencyOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 32, containLabel: true },
      xAxis: { type: 'category', data: services.map((s) => s.service.split('/').slice(-2).join('/')) },
      yAxis: { type: 'value', name: 'ms' },
      series: [
        { name: 'p50', type: 'bar', data: services.map((s) => s.p50Ms) },
        { name: 'p99', type: 'bar', data: services.map((s) => s.p99Ms) },
      ],
    };
    return { calls: items.length > 0, services, requestsOption, errorsOption, latencyOption };
  }, [loaded.data, t]);
  const columns = useMemo<Column<ServiceTraffic>[]>(
    () => [
      {
        id: 'service',
        header: t('traffic.service'),
        value: (s) => s.service,
        cell: (s) => <code>{s.service}</code>,
      },
      { id: 'requests', header: t('traffic.requests'), value: (s) => s.requests, numeric: true },
      { id: 'errors', header: t('traffic.errors'), value: (s) => s.errors, numeric: true },
      { id: 'p50', header: t('traffic.p50'), value: (s) => s.p50Ms, numeric: true },
      { id: 'p99', header: t('traffic.p99'), value: (s) => s.p99Ms, numeric: true },
    ],
    [t],
  );
  return (
    <Page title={t('nav.traffic')}>
      <div className="table-toolbar">
        <label>
          {t('traffic.window')}{' '}
          <select value={windowMinutes} onChange={(e) => setWindowMinutes(Number(e.target.value))}>
            {WINDOWS.map((w) => (
              <option key={w} value={w}>
                {t('traffic.lastMinutes', { count: w, formatted: formatNumber(w) })}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" aria-live="polite">
          {loaded.data && t('traffic.updated', { at: formatDateTime(loaded.data.at) })}
        </span>
        <button type="button" className="secondary" onClick={loaded.reload}>
          {t('common.refresh')}
        </button>
      </div>
      <ProblemAlert problem={loaded.problem} />
      {view && !view.calls && (
        <EmptyState
          what={t('empty.traffic')}
          action={{ label: t('empty.grantFirst'), to: '/grants' }}
          command={t('empty.callCommand')}
          allowed={session.may('grant.create')}
          who={t('empty.whoOrgAdmin')}
        />
      )}
      {view?.calls && (
        <>
          <div className="charts">
            <section aria-labelledby="chart-requests">
              <h2 id="chart-requests">{t('traffic.requestsPerMinute')}</h2>
              <Chart option={view.requestsOption} label={t('traffic.requestsChart')} />
            </section>
            <section aria-labelledby="chart-errors">
              <h2 id="chart-errors">{t('traffic.errorsPerMinute')}</h2>
              <Chart option={view.errorsOption} label={t('traffic.errorsChart')} />
            </section>
            <section aria-labelledby="chart-latency">
              <h2 id="chart-latency">{t('traffic.latency')}</h2>
              <Chart option={view.latencyOption} label={t('traffic.latencyChart')} />
            </section>
          </div>
          <h2>{t('traffic.byService')}</h2>
          <DataTable
            caption={t('traffic.byService')}
            rows={view.services}
            columns={columns}
            rowKey={(s) => s.service}
            exportName="luu-luong"
          />
        </>
      )}
    </Page>
  );
}
