/** The steering overview's reporting sections: where the period's reports stand, and the overdue tasks. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportingStatus, Task } from '../../api/steering';
import { Chart } from '../../components/chart';
import { type Column, DataTable } from '../../components/data-table';
import { Link } from '../../components/link';
import { ProgressBar } from '../../components/progress-bar';
import { formatDate, formatNumber } from '../../lib/format';
import { pathOf } from '../../lib/router';
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

/** Where each unit's report of the period stands, as a chart and a list. */
export function ReportStatusSection({ status }: { readonly status: ReportingStatus }) {
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
            empty={{ what: t('empty.reportUnits', { period: status.period }) }}
          />
        </section>
      </div>
    </section>
  );
}

/** The tasks past their deadline and not completed. */
export function OverdueTasks({
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
      empty={{ what: t('empty.noOverdue') }}
    />
  );
}
