import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { type Indicator, loadScores, loadValues } from '../../api/steering';
import { Chart } from '../../components/chart';
import { type Column, DataTable } from '../../components/data-table';
import { Link } from '../../components/link';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem';
import { SteeringTabs } from '../../components/steering-tabs';
import { LightLegend, TrafficLight } from '../../components/traffic-light';
import { formatNumber } from '../../lib/format';
import { pathOf } from '../../lib/router';
import { lightOf } from '../../lib/steering-period';
import { useSession } from '../../lib/session';
import { useLoad } from '../../lib/use-load';
import { createdThroughApi } from './steering-empty';
import { percent } from './score-parts';

function IndicatorList() {
  const { t } = useTranslation();
  const session = useSession();
  const loaded = useLoad(() => api<{ items: Indicator[] }>('/steering/indicators').then((r) => r.items), []);
  const columns = useMemo<Column<Indicator>[]>(
    () => [
      {
        id: 'code',
        header: t('steering.indicator.code'),
        value: (i) => i.code,
        cell: (i) => (
          <Link className="nowrap" to={pathOf('/steering/indicators', i.code)}>
            {i.code}
          </Link>
        ),
      },
      { id: 'name', header: t('steering.indicator.name'), value: (i) => i.name },
      { id: 'pillar', header: t('steering.indicator.pillar'), value: (i) => i.pillar },
      { id: 'unit', header: t('steering.indicator.unit'), value: (i) => i.unit },
      {
        id: 'direction',
        header: t('steering.indicator.direction'),
        value: (i) => t(`steering.direction.${i.direction}`),
      },
      {
        id: 'levels',
        header: t('steering.indicator.levels'),
        value: (i) => i.levels.map((l) => t(`steering.kind.${l}`)).join(', '),
      },
      {
        id: 'source',
        header: t('steering.indicator.source'),
        value: (i) => (i.measure ? t('steering.indicator.measured') : t('steering.indicator.reported')),
      },
    ],
    [t],
  );
  return (
    <Page title={t('steering.indicator.listTitle')}>
      <SteeringTabs />
      <ProblemAlert problem={loaded.problem} />
      {loaded.data && (
        <DataTable
          caption={t('steering.indicator.listTitle')}
          rows={loaded.data}
          columns={columns}
          rowKey={(i) => i.code}
          exportName="chi-tieu"
          empty={createdThroughApi(
            t,
            session,
            t('empty.indicators'),
            '/steering/indicators',
            'chi-tieu.json',
          )}
        />
      )}
    </Page>
  );
}

interface Row {
  readonly key: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly kind: string;
  readonly period: string;
  readonly actual: number | null;
  readonly target: number | null;
  readonly attainment: number | null;
}

function IndicatorDetail({ code }: { readonly code: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const loaded = useLoad(async () => {
    const [indicator, values] = await Promise.all([
      api<Indicator>(`/steering/indicators/${encodeURIComponent(code)}`),
      loadValues({ indicator: code }),
    ]);
    // Targets and attainments as the server scores them: one scoreboard per period with values.
    const periods = [...new Set(values.map((v) => v.period))].sort();
    const boards = await Promise.all(periods.map((p) => loadScores(p)));
    const rows: Row[] = [];
    for (const board of boards) {
      for (const unit of board.units) {
        const c = unit.components.find((x) => x.indicatorCode === code);
        if (!c || c.actual === null) continue;
        rows.push({
          key: `${unit.unitId} ${board.period}`,
          unitId: unit.unitId,
          unitName: unit.unitName,
          kind: unit.kind,
          period: board.period,
          actual: c.actual,
          target: c.target,
          attainment: c.attainment,
        });
      }
    }
    return { indicator, rows, periods };
  }, [code]);
  const option = useMemo(() => {
    const data = loaded.data;
    if (!data) return undefined;
    const units = [...new Map(data.rows.map((r) => [r.unitId, r.unitName])).entries()];
    const kinds = [...new Set(data.rows.map((r) => r.kind))];
    return {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: data.periods },
      yAxis: { type: 'value', name: data.indicator.unit },
      series: [
        ...units.map(([unitId, unitName]) => ({
          name: unitName,
          type: 'line',
          connectNulls: true,
          data: data.periods.map(
            (p) => data.rows.find((r) => r.unitId === unitId && r.period === p)?.actual ?? null,
          ),
        })),
        // The target of each level, dashed, so each unit's line can be read against its own target.
        ...kinds.map((kind) => ({
          name: t('steering.indicator.targetOf', { level: t(`steering.kind.${kind}`) }),
          type: 'line',
          lineStyle: { type: 'dashed' },
          symbol: 'none',
          data: data.periods.map(
            (p) => data.rows.find((r) => r.kind === kind && r.period === p)?.target ?? null,
          ),
        })),
      ],
    };
  }, [loaded.data, t]);
  const columns = useMemo<Column<Row>[]>(
    () => [
      { id: 'unit', header: t('steering.unit'), value: (r) => r.unitName },
      { id: 'kind', header: t('steering.unitKind'), value: (r) => t(`steering.kind.${r.kind}`) },
      { id: 'period', header: t('steering.period'), value: (r) => r.period },
      { id: 'actual', header: t('steering.score.actual'), value: (r) => r.actual, numeric: true },
      { id: 'target', header: t('steering.score.target'), value: (r) => r.target, numeric: true },
      {
        id: 'attainment',
        header: t('steering.score.attainment'),
        value: (r) => r.attainment,
        cell: (r) => percent(r.attainment),
        numeric: true,
      },
      {
        id: 'light',
        header: t('steering.light.title'),
        value: (r) => t(`steering.light.${lightOf(r.attainment)}`),
        cell: (r) => <TrafficLight attainment={r.attainment} />,
      },
    ],
    [t],
  );
  const i = loaded.data?.indicator;
  return (
    <Page title={i ? `${i.code} — ${i.name}` : code}>
      <SteeringTabs />
      <p>
        <Link to="/steering/indicators">← {t('steering.indicator.listTitle')}</Link>
      </p>
      <ProblemAlert problem={loaded.problem} />
      {i && loaded.data && (
        <>
          <dl className="facts">
            <dt>{t('steering.indicator.pillar')}</dt>
            <dd>{i.pillar}</dd>
            <dt>{t('steering.indicator.unit')}</dt>
            <dd>{i.unit}</dd>
            <dt>{t('steering.indicator.direction')}</dt>
            <dd>{t(`steering.direction.${i.direction}`)}</dd>
            <dt>{t('steering.indicator.levels')}</dt>
            <dd>{i.levels.map((l) => t(`steering.kind.${l}`)).join(', ')}</dd>
            <dt>{t('steering.score.weight')}</dt>
            <dd>{formatNumber(i.weight)}</dd>
            <dt>{t('steering.indicator.baseline')}</dt>
            <dd>{i.baseline ? `${formatNumber(i.baseline.value)} ${i.unit} (${i.baseline.year})` : '—'}</dd>
            <dt>{t('steering.indicator.note')}</dt>
            <dd>{i.note ?? '—'}</dd>
          </dl>
          <h2>{t('steering.indicator.targets')}</h2>
          {i.targets.length === 0 ? (
            <p className="muted">{t('steering.indicator.noTargets')}</p>
          ) : (
            <table className="compact">
              <caption className="visually-hidden">{t('steering.indicator.targets')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('steering.indicator.level')}</th>
                  <th scope="col">{t('steering.indicator.year')}</th>
                  <th scope="col" className="num">
                    {t('steering.score.target')} ({i.unit})
                  </th>
                </tr>
              </thead>
              <tbody>
                {i.targets.map((x) => (
                  <tr key={`${x.level} ${x.year}`}>
                    <td>
                      {x.level === '*' ? t('steering.indicator.allLevels') : t(`steering.kind.${x.level}`)}
                    </td>
                    <td>{x.year}</td>
                    <td className="num">{formatNumber(x.target)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="charts">
            <section aria-labelledby="indicator-chart-title">
              <h2 id="indicator-chart-title">{t('steering.indicator.chart')}</h2>
              {option && (
                <Chart option={option} label={t('steering.indicator.chartLabel', { code: i.code })} />
              )}
            </section>
          </div>
          <h2>{t('steering.indicator.values')}</h2>
          <LightLegend />
          <DataTable
            caption={t('steering.indicator.values')}
            rows={loaded.data.rows}
            columns={columns}
            rowKey={(r) => r.key}
            exportName={`chi-tieu-${i.code}`}
            empty={{
              what: t('empty.indicatorValues'),
              action: { label: t('nav.steeringReport'), to: '/steering-report' },
              allowed: session.may('steering.report'),
              who: t('empty.whoReporter'),
            }}
          />
        </>
      )}
    </Page>
  );
}

/** `/steering/indicators[/{code}]`: the indicators, and one with its targets and values per unit over time. */
export default function Indicators({ code }: { readonly code: string }) {
  return code ? <IndicatorDetail code={code} /> : <IndicatorList />;
}
