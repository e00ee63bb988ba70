import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import {
  CITY_UNIT,
  type Gaps,
  type Indicator,
  loadScores,
  loadUnitNames,
  loadUnits,
  loadValues,
  type Program,
  type ReportingStatus,
  type ScoreComponent,
  type Task,
  type UnitScore,
} from '../../api/steering';
import { Chart } from '../../components/chart';
import { type Column, DataTable } from '../../components/data-table';
import { Link } from '../../components/link';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem';
import { ProgressBar } from '../../components/progress-bar';
import { SteeringTabs } from '../../components/steering-tabs';
import { LightLegend, TrafficLight } from '../../components/traffic-light';
import { formatDate, formatNumber } from '../../lib/format';
import { navigate, pathOf, useLocation } from '../../lib/router';
import { lightOf, PERIOD, quarterOf, recentQuarters } from '../../lib/steering-period';
import { useLoad } from '../../lib/use-load';
import { ComponentsTable, percent } from './score-parts';
import { TaskStatusBadge } from './task-parts';

/** The buckets of the report-status chart, in the order drawn. */
const BUCKETS = ['accepted', 'submitted', 'late', 'missing', 'pending'] as const;
type Bucket = (typeof BUCKETS)[number];

/** Where a unit's report of the period stands, as the chart counts it. */
function bucketOf(row: ReportingStatus['units'][number]): Bucket {
  if (row.state === 'late') return 'late';
  if (row.state === 'missing') return 'missing';
  if (row.reportStatus === 'accepted') return 'accepted';
  if (row.reportStatus === 'submitted') return 'submitted';
  return 'pending';
}

function CityIndicators({
  components,
  indicators,
  year,
}: {
  readonly components: readonly ScoreComponent[];
  readonly indicators: ReadonlyMap<string, Indicator>;
  readonly year: string;
}) {
  const { t } = useTranslation();
  const columns = useMemo<Column<ScoreComponent>[]>(
    () => [
      {
        id: 'code',
        header: t('steering.indicator.code'),
        value: (c) => c.indicatorCode,
        cell: (c) => (
          <Link className="nowrap" to={pathOf('/steering/indicators', c.indicatorCode)}>
            {c.indicatorCode}
          </Link>
        ),
      },
      {
        id: 'name',
        header: t('steering.indicator.name'),
        value: (c) => indicators.get(c.indicatorCode)?.name ?? '',
      },
      { id: 'actual', header: t('steering.score.actual'), value: (c) => c.actual, numeric: true },
      { id: 'target', header: t('steering.score.target'), value: (c) => c.target, numeric: true },
      {
        id: 'unit',
        header: t('steering.indicator.unit'),
        value: (c) => indicators.get(c.indicatorCode)?.unit ?? '',
      },
      {
        id: 'attainment',
        header: t('steering.score.attainment'),
        value: (c) => c.attainment,
        cell: (c) => percent(c.attainment),
        numeric: true,
      },
      {
        id: 'light',
        header: t('steering.light.title'),
        value: (c) => t(`steering.light.${lightOf(c.attainment)}`),
        cell: (c) => <TrafficLight attainment={c.attainment} />,
      },
    ],
    [t, indicators],
  );
  return (
    <DataTable
      caption={t('steering.overview.cityIndicators', { year })}
      rows={components}
      columns={columns}
      rowKey={(c) => c.indicatorCode}
      exportName={`chi-tieu-thanh-pho-${year}`}
      pageSize={25}
    />
  );
}

function Ranking({ units, year }: { readonly units: readonly UnitScore[]; readonly year: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback(
    (id: string) =>
      setOpen((old) => {
        const next = new Set(old);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  const columns = useMemo<Column<UnitScore>[]>(
    () => [
      { id: 'rank', header: t('steering.score.rank'), value: (u) => u.rank, numeric: true },
      { id: 'unit', header: t('steering.unit'), value: (u) => u.unitName },
      { id: 'kind', header: t('steering.unitKind'), value: (u) => t(`steering.kind.${u.kind}`) },
      {
        id: 'index',
        header: t('steering.score.index'),
        value: (u) => u.index,
        cell: (u) => percent(u.index),
        numeric: true,
      },
      {
        id: 'reported',
        header: t('steering.score.reported'),
        value: (u) => `${u.reported}/${u.counted}`,
      },
      {
        id: 'explain',
        header: t('steering.score.explain'),
        value: () => null,
        cell: (u) => (
          <button
            type="button"
            className="secondary small"
            aria-expanded={open.has(u.unitId)}
            aria-controls={open.has(u.unitId) ? `detail-${u.unitId}` : undefined}
            onClick={() => toggle(u.unitId)}
          >
            {open.has(u.unitId) ? t('steering.score.hide') : t('steering.score.show')}
            <span className="visually-hidden"> {u.unitName}</span>
          </button>
        ),
      },
    ],
    [t, open, toggle],
  );
  return (
    <DataTable
      caption={t('steering.overview.ranking', { year })}
      rows={units}
      columns={columns}
      rowKey={(u) => u.unitId}
      exportName={`xep-hang-${year}`}
      pageSize={10}
      detail={(u) =>
        open.has(u.unitId) ? (
          <ComponentsTable caption={t('steering.score.componentsOf', { unit: u.unitName })} unit={u} />
        ) : null
      }
    />
  );
}

function ReportStatusSection({ status }: { readonly status: ReportingStatus }) {
  const { t } = useTranslation();
  const counts = useMemo(() => {
    const found = new Map<Bucket, number>(BUCKETS.map((b) => [b, 0]));
    for (const row of status.units) found.set(bucketOf(row), (found.get(bucketOf(row)) ?? 0) + 1);
    return found;
  }, [status]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      // Horizontal bars: the state names stay readable at half width.
      grid: { left: 16, right: 24, top: 8, bottom: 24, containLabel: true },
      yAxis: { type: 'category', inverse: true, data: BUCKETS.map((b) => t(`steering.bucket.${b}`)) },
      xAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('steering.overview.units'),
          data: BUCKETS.map((b) => ({
            value: counts.get(b) ?? 0,
            itemStyle: {
              color: {
                accepted: '#1b6e3a',
                submitted: '#0b4f8a',
                late: '#b57900',
                missing: '#a4161a',
                pending: '#6b7580',
              }[b],
            },
          })),
        },
      ],
    }),
    [counts, t],
  );
  const columns = useMemo<Column<ReportingStatus['units'][number]>[]>(
    () => [
      { id: 'unit', header: t('steering.unit'), value: (r) => r.unitName },
      {
        id: 'state',
        header: t('steering.report.state'),
        value: (r) => t(`steering.bucket.${bucketOf(r)}`),
        cell: (r) => (
          <span className={`badge bucket-${bucketOf(r)}`}>{t(`steering.bucket.${bucketOf(r)}`)}</span>
        ),
      },
      {
        id: 'status',
        header: t('steering.report.status'),
        value: (r) =>
          r.reportStatus ? t(`steering.reportStatus.${r.reportStatus}`) : t('steering.report.none'),
      },
    ],
    [t],
  );
  return (
    <section aria-labelledby="report-status-title" className="panel">
      <h2 id="report-status-title">{t('steering.overview.reportStatus', { period: status.period })}</h2>
      <p className="muted">
        {t('steering.overview.reportDeadline', { deadline: formatDate(status.deadline) })}{' '}
        {BUCKETS.map((b) => `${t(`steering.bucket.${b}`)}: ${formatNumber(counts.get(b) ?? 0)}`).join(' · ')}
      </p>
      <div className="charts">
        <section aria-labelledby="report-chart-title">
          <h3 id="report-chart-title">{t('steering.overview.reportChart')}</h3>
          <Chart option={option} label={t('steering.overview.reportChartLabel', { period: status.period })} />
        </section>
        <section aria-labelledby="report-table-title">
          <h3 id="report-table-title">{t('steering.overview.reportUnits')}</h3>
          <DataTable
            caption={t('steering.overview.reportUnits')}
            rows={status.units}
            columns={columns}
            rowKey={(r) => r.unitId}
            exportName={`tinh-hinh-bao-cao-${status.period}`}
            pageSize={10}
          />
        </section>
      </div>
    </section>
  );
}

function OverdueTasks({
  tasks,
  unitNames,
}: {
  readonly tasks: readonly Task[];
  readonly unitNames: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const columns = useMemo<Column<Task>[]>(
    () => [
      {
        id: 'code',
        header: t('steering.task.code'),
        value: (x) => x.code,
        cell: (x) => (
          <Link className="nowrap" to={pathOf('/steering/tasks', x.id)}>
            {x.code}
          </Link>
        ),
      },
      { id: 'title', header: t('steering.task.title'), value: (x) => x.title },
      {
        id: 'lead',
        header: t('steering.task.lead'),
        value: (x) => unitNames.get(x.leadUnitId) ?? x.leadUnitId,
      },
      {
        id: 'deadline',
        header: t('steering.task.deadline'),
        value: (x) => x.deadline,
        cell: (x) => formatDate(x.deadline),
      },
      {
        id: 'status',
        header: t('steering.task.status'),
        value: (x) => t(`steering.taskStatus.${x.status}`),
        cell: (x) => <TaskStatusBadge task={x} />,
      },
      {
        id: 'progress',
        header: t('steering.task.progress'),
        value: (x) => x.progress,
        cell: (x) => (
          <ProgressBar value={x.progress} label={t('steering.task.progressOf', { code: x.code })} />
        ),
      },
    ],
    [t, unitNames],
  );
  return (
    <DataTable
      caption={t('steering.overview.overdue')}
      rows={tasks}
      columns={columns}
      rowKey={(x) => x.id}
      exportName="nhiem-vu-qua-han"
      pageSize={10}
    />
  );
}

/** The leader's overview: the city's indicators, trends, ranking, gaps and report status of a period. */
export default function SteeringOverview() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const base = useLoad(async () => {
    const [units, indicators, cityValues, programs] = await Promise.all([
      loadUnits(),
      api<{ items: Indicator[] }>('/steering/indicators'),
      loadValues({ unit: CITY_UNIT }),
      api<{ items: Program[] }>('/steering/programs'),
    ]);
    return { units, indicators: indicators.items, cityValues, programs: programs.items };
  }, []);
  const today = base.data?.units.asOf;
  const years = useMemo(() => {
    const found = new Set((base.data?.cityValues ?? []).map((v) => v.period.slice(0, 4)));
    if (today) found.add(today.slice(0, 4));
    return [...found].sort().reverse();
  }, [base.data, today]);
  const latestWithValues = useMemo(
    () =>
      [...new Set((base.data?.cityValues ?? []).filter((v) => /^\d{4}$/.test(v.period)).map((v) => v.period))]
        .sort()
        .pop(),
    [base.data],
  );
  const askedPeriod = search.get('period');
  const askedYear = search.get('year');
  const period = askedPeriod && PERIOD.test(askedPeriod) ? askedPeriod : today ? quarterOf(today) : undefined;
  const year = askedYear && /^\d{4}$/.test(askedYear) ? askedYear : (latestWithValues ?? today?.slice(0, 4));
  const choose = (next: { period?: string; year?: string }) => {
    const query = new URLSearchParams({ ...(period ? { period } : {}), ...(year ? { year } : {}), ...next });
    navigate(`/steering?${query}`, { replace: true });
  };

  const scores = useLoad(() => (year ? loadScores(year) : Promise.resolve(undefined)), [year]);
  const gaps = useLoad(async () => {
    if (!period) return undefined;
    const found = await api<Gaps>('/steering/gaps', { query: { period } });
    const names = await loadUnitNames([found.asOf, ...found.overdueTasks.map((x) => x.startDate)]);
    return { ...found, names };
  }, [period]);

  const indicatorsByCode = useMemo(
    () => new Map((base.data?.indicators ?? []).map((i) => [i.code, i])),
    [base.data],
  );
  const city = scores.data?.units.find((u) => u.unitId === CITY_UNIT);
  const ranked = useMemo(() => scores.data?.units ?? [], [scores.data]);

  const trendOption = useMemo(() => {
    const values = base.data?.cityValues ?? [];
    const annual = values.filter((v) => /^\d{4}$/.test(v.period));
    const axis = [...new Set(annual.map((v) => v.period))].sort();
    // One axis: the indicators measured in percent (the counts of EXC-… would flatten them).
    const codes = [...new Set(annual.map((v) => v.indicatorCode))]
      .filter((code) => indicatorsByCode.get(code)?.unit === '%')
      .sort();
    return {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: axis },
      yAxis: { type: 'value', name: '%' },
      series: codes.map((code) => ({
        name: code,
        type: 'line',
        connectNulls: true,
        data: axis.map((y) => annual.find((v) => v.indicatorCode === code && v.period === y)?.value ?? null),
      })),
    };
  }, [base.data, indicatorsByCode]);

  const quarters = today ? recentQuarters(today, 8) : [];
  return (
    <Page title={t('nav.steering')}>
      <SteeringTabs />
      <div className="table-toolbar">
        <label>
          {t('steering.overview.year')}{' '}
          <select name="year" value={year ?? ''} onChange={(e) => choose({ year: e.target.value })}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('steering.period')}{' '}
          <select name="period" value={period ?? ''} onChange={(e) => choose({ period: e.target.value })}>
            {quarters.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
        </label>
        {today && <span className="muted">{t('steering.asOf', { date: formatDate(today) })}</span>}
      </div>
      <ProblemAlert problem={base.problem ?? scores.problem ?? gaps.problem} />

      <section aria-labelledby="programs-title">
        <h2 id="programs-title">{t('steering.overview.programs')}</h2>
        <ul className="cards">
          {(base.data?.programs ?? []).map((p) => (
            <li key={p.id}>
              <Link to={pathOf('/steering/programs', p.id)}>
                <strong>{p.code}</strong>
                <span>{p.title}</span>
                <ProgressBar value={p.progress} label={t('steering.program.progressOf', { code: p.code })} />
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="city-title">
        <h2 id="city-title">{t('steering.overview.cityIndicators', { year: year ?? '' })}</h2>
        <LightLegend />
        {city ? (
          <>
            <p>
              {t('steering.overview.cityIndex')} <strong>{percent(city.index)}</strong>{' '}
              <TrafficLight attainment={city.index} />
            </p>
            <CityIndicators components={city.components} indicators={indicatorsByCode} year={year ?? ''} />
          </>
        ) : (
          <p className="muted">{scores.loading ? t('common.loading') : t('steering.overview.noScores')}</p>
        )}
      </section>

      <div className="charts">
        <section aria-labelledby="trend-title">
          <h2 id="trend-title">{t('steering.overview.trend')}</h2>
          <Chart option={trendOption} label={t('steering.overview.trendLabel')} />
        </section>
      </div>

      <section aria-labelledby="ranking-title">
        <h2 id="ranking-title">{t('steering.overview.ranking', { year: year ?? '' })}</h2>
        <p className="hint">{t('steering.overview.rankingHelp')}</p>
        {scores.data && <Ranking units={ranked} year={year ?? ''} />}
      </section>

      {gaps.data && (
        <>
          <section aria-labelledby="overdue-title">
            <h2 id="overdue-title">
              {t('steering.overview.overdue')} ({formatNumber(gaps.data.overdueTasks.length)})
            </h2>
            <OverdueTasks tasks={gaps.data.overdueTasks} unitNames={gaps.data.names} />
          </section>
          <div className="two-columns">
            <section aria-labelledby="no-committee-title" className="panel">
              <h2 id="no-committee-title">
                {t('steering.overview.noCommittee')} ({formatNumber(gaps.data.unitsWithoutCommittee.length)})
              </h2>
              <ul className="plain">
                {gaps.data.unitsWithoutCommittee.map((u) => (
                  <li key={u.id}>{u.name}</li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="no-plan-title" className="panel">
              <h2 id="no-plan-title">
                {t('steering.overview.noPlan')} ({formatNumber(gaps.data.unitsWithoutPlan.length)})
              </h2>
              <ul className="plain">
                {gaps.data.unitsWithoutPlan.map((u) => (
                  <li key={u.id}>{u.name}</li>
                ))}
              </ul>
            </section>
          </div>
          {gaps.data.reporting && <ReportStatusSection status={gaps.data.reporting} />}
        </>
      )}
    </Page>
  );
}
