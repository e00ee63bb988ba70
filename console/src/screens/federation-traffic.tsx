import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Answer } from '../api/contract';
import { Chart } from '../components/chart';
import { type Column, DataTable } from '../components/data-table';
import { EmptyState } from '../components/empty-state';
import { ProblemAlert } from '../components/problem';
import { formatDateTime, formatMinute } from '../lib/format';
import { useSession } from '../lib/session';
import { minutesOf } from '../lib/traffic';
import { useLoad } from '../lib/use-load';

type Traffic = Answer<'getFederationPartnerTraffic'>;
type Direction = Traffic['outbound'];

/** The window shown: the last hour, refreshed every 30 s. */
const WINDOW_MINUTES = 60;
const REFRESH_MS = 30_000;

/** The calls out to a partner and in from it over the last hour: a table each way and a chart per minute. */
export function PartnerTraffic({ instance }: { readonly instance: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const traffic = useLoad(
    () =>
      api<Traffic>(`/federation/partners/${encodeURIComponent(instance)}/traffic`, {
        query: { minutes: WINDOW_MINUTES },
      }),
    [instance],
    REFRESH_MS,
  );
  const view = useMemo(() => {
    const data = traffic.data;
    if (data === undefined) return undefined;
    const minutes = minutesOf(Date.parse(data.from), Date.parse(data.to));
    const index = new Map(minutes.map((minute, i) => [minute, i]));
    const outbound = minutes.map(() => 0);
    const inbound = minutes.map(() => 0);
    for (const row of data.minutes) {
      const i = index.get(Date.parse(row.minute));
      if (i === undefined) continue;
      outbound[i] = row.outbound;
      inbound[i] = row.inbound;
    }
    const option = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: minutes.map((minute) => formatMinute(minute)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('federation.trafficOut'), type: 'line', data: outbound, showSymbol: false },
        { name: t('federation.trafficIn'), type: 'line', data: inbound, showSymbol: false },
      ],
    };
    const rows = [
      { id: 'out', label: t('federation.trafficOut'), ...data.outbound },
      { id: 'in', label: t('federation.trafficIn'), ...data.inbound },
    ];
    return { calls: data.outbound.calls + data.inbound.calls > 0, option, rows };
  }, [traffic.data, t]);
  const columns: Column<Direction & { id: string; label: string }>[] = [
    { id: 'direction', header: t('federation.trafficDirection'), value: (r) => r.label },
    { id: 'calls', header: t('federation.trafficCalls'), value: (r) => r.calls, numeric: true },
    { id: 'refused', header: t('federation.trafficRefused'), value: (r) => r.refused, numeric: true },
    {
      id: 'lastCallAt',
      header: t('federation.trafficLastCall'),
      value: (r) => r.lastCallAt,
      cell: (r) => (r.lastCallAt === null ? '—' : formatDateTime(r.lastCallAt)),
    },
  ];
  return (
    <>
      <h3>{t('federation.traffic', { minutes: WINDOW_MINUTES })}</h3>
      <ProblemAlert problem={traffic.problem} />
      {view && !view.calls && (
        <EmptyState
          what={t('empty.federationTraffic', { instance, minutes: WINDOW_MINUTES })}
          action={{ label: t('empty.outboundFirst'), form: `outbound-${instance}` }}
          allowed={session.may('federation.outbound')}
        />
      )}
      {view?.calls ? (
        <>
          <DataTable
            caption={t('federation.trafficCaption', { instance })}
            rows={view.rows}
            columns={columns}
            rowKey={(r) => r.id}
          />
          <Chart option={view.option} label={t('federation.trafficChart', { instance })} />
        </>
      ) : (
        !view && !traffic.problem && <p className="muted">{t('common.loading')}</p>
      )}
    </>
  );
}
