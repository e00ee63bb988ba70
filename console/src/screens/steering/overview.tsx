import { useMemo } from 'react';
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
} from '../../api/steering';
import { Chart } from '../../components/chart';
import { EmptyState } from '../../components/empty-state';
import { Link } from '../../components/link';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem';
import { ProgressBar } from '../../components/progress-bar';
import { SteeringTabs } from '../../components/steering-tabs';
import { LightLegend, TrafficLight } from '../../components/traffic-light';
import { formatDate, formatNumber } from '../../lib/format';
import { navigate, pathOf, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { PERIOD, quarterOf, recentQuarters } from '../../lib/steering-period';
import { useLoad } from '../../lib/use-load';
import { percent } from './score-parts';
import { OverdueTasks, ReportStatusSection } from './overview-reporting';
import { CityIndicators, Ranking } from './overview-scores';
import { createdThroughApi } from './steering-empty';

/** The levels of steering since 2025-07-01, each with its own ranking, gaps and reports. */
const LEVELS = ['city', 'department', 'commune'] as const;

/**
 * The leader's overview: the city's indicators, trends, ranking, gaps and report status of a period, of
 * every level or of one (city, departments, communes).
 */
export default function SteeringOverview() {
  const { t } = useTranslation();
  const session = useSession();
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
  const askedLevel = search.get('level');
  const level = LEVELS.find((l) => l === askedLevel);
  const askedPeriod = search.get('period');
  const askedYear = search.get('year');
  const period = askedPeriod && PERIOD.test(askedPeriod) ? askedPeriod : today ? quarterOf(today) : undefined;
  const year = askedYear && /^\d{4}$/.test(askedYear) ? askedYear : (latestWithValues ?? today?.slice(0, 4));
  const choose = (next: { period?: string; year?: string; level?: string }) => {
    const query = new URLSearchParams({
      ...(period ? { period } : {}),
      ...(year ? { year } : {}),
      ...(level ? { level } : {}),
      ...next,
    });
    if (query.get('level') === '') query.delete('level');
    navigate(`/steering?${query}`, { replace: true });
  };

  const scores = useLoad(() => (year ? loadScores(year) : Promise.resolve(undefined)), [year]);
  const gaps = useLoad(async () => {
    if (!period) return undefined;
    const found = await api<Gaps>('/steering/gaps', { query: { period, level } });
    const names = await loadUnitNames([found.asOf, ...found.overdueTasks.map((x) => x.startDate)]);
    return { ...found, names };
  }, [period, level]);

  const indicatorsByCode = useMemo(
    () => new Map((base.data?.indicators ?? []).map((i) => [i.code, i])),
    [base.data],
  );
  const city = scores.data?.units.find((u) => u.unitId === CITY_UNIT);
  // Ranking is per level (the API ranks a unit among its level's units): a level shows its own.
  const ranked = useMemo(
    () => (scores.data?.units ?? []).filter((u) => level === undefined || u.kind === level),
    [scores.data, level],
  );

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
        <label>
          {t('steering.level.label')}{' '}
          <select name="level" value={level ?? ''} onChange={(e) => choose({ level: e.target.value })}>
            <option value="">{t('steering.level.all')}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`steering.level.${l}`)}
              </option>
            ))}
          </select>
        </label>
        {today && <span className="muted">{t('steering.asOf', { date: formatDate(today) })}</span>}
      </div>
      <ProblemAlert problem={base.problem ?? scores.problem ?? gaps.problem} />

      <section aria-labelledby="programs-title">
        <h2 id="programs-title">{t('steering.overview.programs')}</h2>
        {base.data?.programs.length === 0 && (
          <EmptyState
            {...createdThroughApi(t, session, t('empty.programs'), '/steering/programs', 'chuong-trinh.json')}
          />
        )}
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
        ) : scores.loading ? (
          <p className="muted">{t('common.loading')}</p>
        ) : (
          <EmptyState
            what={t('empty.scores', { year: year ?? '' })}
            action={{ label: t('nav.steeringReport'), to: '/steering-report' }}
            allowed={session.may('steering.report')}
            who={t('empty.whoReporter')}
          />
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
              {gaps.data.unitsWithoutCommittee.length === 0 && (
                <p className="muted">{t('empty.noGapCommittee')}</p>
              )}
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
              {gaps.data.unitsWithoutPlan.length === 0 && <p className="muted">{t('empty.noGapPlan')}</p>}
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
