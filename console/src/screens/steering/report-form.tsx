import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { loadTasks, loadUnits, type Report, type Task } from '../../api/steering';
import { Field } from '../../components/field';
import { Link } from '../../components/link';
import { Page } from '../../components/page';
import { UnitPicker } from '../../components/unit-picker';
import { ProblemAlert } from '../../components/problem';
import { SteeringTabs } from '../../components/steering-tabs';
import { navigate, pathOf, useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { PERIOD, periodSpan, quarterOf, recentQuarters } from '../../lib/steering-period';
import { useLoad } from '../../lib/use-load';

import { ReportForm } from './report-draft-form';
const ReviewQueue = lazy(() => import('./report-review'));

/** Whether a task is in play during a period: started by its end, not cancelled, open or due after it began. */
function inPlay(task: Task, start: string, end: string): boolean {
  return (
    task.startDate <= end &&
    task.status !== 'cancelled' &&
    (task.status !== 'completed' || task.deadline >= start)
  );
}

function ReportEditor({ unitId }: { readonly unitId: string }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  const today = useLoad(() => loadUnits().then((u) => u.asOf), []);
  const asked = search.get('period');
  const period = asked && PERIOD.test(asked) ? asked : today.data ? quarterOf(today.data) : undefined;
  const loaded = useLoad(async () => {
    if (!period) return undefined;
    const { start, end } = periodSpan(period);
    const [atStart, atEnd, tasks, reports] = await Promise.all([
      loadUnits(start),
      loadUnits(end),
      loadTasks({ leadUnitId: unitId }),
      api<{ items: Report[] }>('/steering/reports', { query: { unitId, period } }),
    ]);
    const unit = [...atStart.items, ...atEnd.items].find((u) => u.id === unitId);
    const report = reports.items[0];
    const reported = new Set(report?.items.map((i) => i.taskId));
    return {
      unit,
      report,
      tasks: tasks.filter((task) => reported.has(task.id) || inPlay(task, start, end)),
    };
  }, [unitId, period]);
  // Kept here: saving reloads the report, and a new state remounts the form.
  const [done, setDone] = useState<'saved' | 'submitted'>();
  const unitName = loaded.data?.unit?.name ?? unitId;
  const quarters = today.data ? recentQuarters(today.data, 8) : [];
  return (
    <Page title={t('steering.report.titleFor', { unit: unitName })}>
      <SteeringTabs />
      <div className="table-toolbar">
        <label>
          {t('steering.period')}{' '}
          <select
            name="period"
            value={period ?? ''}
            onChange={(e) => {
              setDone(undefined);
              navigate(`${pathOf('/steering-report', unitId)}?period=${e.target.value}`, { replace: true });
            }}
          >
            {quarters.map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ProblemAlert problem={today.problem ?? loaded.problem} />
      {done && (
        <p className="alert success" role="status">
          {done === 'submitted' ? t('steering.report.submitted') : t('steering.report.saved')}
        </p>
      )}
      {loaded.data && !loaded.data.unit && (
        <p className="alert info">{t('steering.report.unitNotInPeriod', { unit: unitId, period })}</p>
      )}
      {loaded.data?.unit && period && (
        <ReportForm
          key={`${unitId}:${period}:${loaded.data.report?.id ?? ''}:${loaded.data.report?.status ?? ''}`}
          unitId={unitId}
          period={period}
          tasks={loaded.data.tasks}
          report={loaded.data.report}
          onSaved={(kind) => {
            setDone(kind);
            loaded.reload();
          }}
        />
      )}
    </Page>
  );
}

function SecretariatDesk() {
  const { t } = useTranslation();
  const units = useLoad(() => loadUnits(), []);
  const [unit, setUnit] = useState('');
  return (
    <Page title={t('steering.report.deskTitle')}>
      <SteeringTabs />
      <ProblemAlert problem={units.problem} />
      <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
        <ReviewQueue names={new Map((units.data?.items ?? []).map((u) => [u.id, u.name]))} />
      </Suspense>
      <form
        className="panel"
        aria-labelledby="open-unit-title"
        onSubmit={(e) => {
          e.preventDefault();
          if (unit) navigate(pathOf('/steering-report', unit));
        }}
      >
        <h2 id="open-unit-title">{t('steering.report.openUnit')}</h2>
        <div className="form-row">
          <Field label={t('steering.unit')}>
            {(c) => (
              <UnitPicker
                control={c}
                name="unit"
                units={units.data?.items ?? []}
                value={unit}
                onChange={setUnit}
              />
            )}
          </Field>
        </div>
        <button type="submit" disabled={!unit}>
          {t('steering.report.openForm')}
        </button>
      </form>
    </Page>
  );
}

/**
 * `/steering-report[/{unit}]`: a unit reporter fills, saves and submits its own unit's report for a
 * period; the secretariat reviews the submitted ones. Another unit's form is refused, as the API does.
 */
export default function SteeringReportPage({ rest }: { readonly rest: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const secretariat = session.mayEverywhere('steering.report');
  const own = session.user.roles.filter((r) => r.role === 'unit-reporter' && r.scope).map((r) => r.scope!);
  const unitId = decodeURIComponent(rest);
  if (unitId) {
    if (!secretariat && !own.includes(unitId))
      return (
        <Page title={t('app.forbiddenTitle')}>
          <p data-testid="report-forbidden">{t('steering.report.forbidden', { unit: unitId })}</p>
          {own.map((u) => (
            <p key={u}>
              <Link to={pathOf('/steering-report', u)}>{t('steering.report.ownForm', { unit: u })}</Link>
            </p>
          ))}
        </Page>
      );
    return <ReportEditor key={unitId} unitId={unitId} />;
  }
  if (secretariat) return <SecretariatDesk />;
  if (own.length === 1) return <ReportEditor unitId={own[0]!} />;
  return (
    <Page title={t('nav.steeringReport')}>
      <SteeringTabs />
      <ul className="plain">
        {own.map((u) => (
          <li key={u}>
            <Link to={pathOf('/steering-report', u)}>{t('steering.report.ownForm', { unit: u })}</Link>
          </li>
        ))}
      </ul>
      {own.length === 0 && <p className="muted">{t('steering.report.noUnit')}</p>}
    </Page>
  );
}
