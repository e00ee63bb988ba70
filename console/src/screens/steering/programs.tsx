import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { loadTasks, loadUnitNames, loadUnits, type Program } from '../../api/steering';
import { type Column, DataTable } from '../../components/data-table';
import { Link } from '../../components/link';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem';
import { ProgressBar } from '../../components/progress-bar';
import { SteeringTabs } from '../../components/steering-tabs';
import { formatDate, formatNumber } from '../../lib/format';
import { pathOf } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useLoad } from '../../lib/use-load';
import { TaskStatusBadge } from './task-parts';
import { CreateTask } from './create-task';
import { createdThroughApi } from './steering-empty';

function ProgramList() {
  const { t } = useTranslation();
  const session = useSession();
  const programs = useLoad(() => api<{ items: Program[] }>('/steering/programs').then((r) => r.items), []);
  const columns = useMemo<Column<Program>[]>(
    () => [
      {
        id: 'code',
        header: t('steering.program.code'),
        value: (p) => p.code,
        cell: (p) => <Link to={pathOf('/steering/programs', p.id)}>{p.code}</Link>,
      },
      { id: 'title', header: t('steering.program.title'), value: (p) => p.title },
      {
        id: 'start',
        header: t('steering.program.start'),
        value: (p) => p.startDate,
        cell: (p) => formatDate(p.startDate),
      },
      {
        id: 'end',
        header: t('steering.program.end'),
        value: (p) => p.endDate,
        cell: (p) => formatDate(p.endDate),
      },
      {
        id: 'progress',
        header: t('steering.task.progress'),
        value: (p) => p.progress,
        cell: (p) => (
          <ProgressBar value={p.progress} label={t('steering.program.progressOf', { code: p.code })} />
        ),
      },
    ],
    [t],
  );
  return (
    <Page title={t('steering.program.listTitle')}>
      <SteeringTabs />
      <ProblemAlert problem={programs.problem} />
      {programs.data && (
        <DataTable
          caption={t('steering.program.listTitle')}
          rows={programs.data}
          columns={columns}
          rowKey={(p) => p.id}
          exportName="chuong-trinh"
          empty={createdThroughApi(
            t,
            session,
            t('empty.programs'),
            '/steering/programs',
            'chuong-trinh.json',
          )}
        />
      )}
    </Page>
  );
}

function ProgramTree({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const loaded = useLoad(async () => {
    const [program, tasks, units] = await Promise.all([
      api<Program>(`/steering/programs/${encodeURIComponent(id)}`),
      loadTasks({ programId: id }),
      loadUnits(),
    ]);
    const names = await loadUnitNames([units.asOf, ...tasks.map((x) => x.startDate)]);
    return { program, tasks, today: units.asOf, names };
  }, [id]);
  const mayWrite = session.may('steering.write');
  const data = loaded.data;
  const names = data?.names ?? new Map<string, string>();
  const p = data?.program;
  return (
    <Page title={p ? `${p.code} — ${t('steering.program.tree')}` : t('steering.program.tree')}>
      <SteeringTabs />
      <p>
        <Link to="/steering/programs">← {t('steering.program.listTitle')}</Link>
      </p>
      <ProblemAlert problem={loaded.problem} />
      {p && data && (
        <>
          <dl className="facts">
            <dt>{t('steering.program.title')}</dt>
            <dd>{p.title}</dd>
            <dt>{t('steering.program.span')}</dt>
            <dd>
              {formatDate(p.startDate)} – {formatDate(p.endDate)}
            </dd>
            <dt>{t('steering.program.progress')}</dt>
            <dd data-testid="program-progress">
              <ProgressBar value={p.progress} label={t('steering.program.progressOf', { code: p.code })} />
            </dd>
          </dl>
          <p className="hint">{t('steering.program.rollUp')}</p>
          <ul className="tree" aria-label={t('steering.program.groups')}>
            {p.groups.map((g) => {
              const tasks = data.tasks.filter((x) => x.groupId === g.id);
              return (
                <li key={g.id}>
                  <details open>
                    <summary>
                      <span className="tree-title">
                        {g.code}. {g.title}
                      </span>
                      <ProgressBar
                        value={g.progress}
                        label={t('steering.program.groupProgressOf', { code: g.code })}
                      />
                      <span className="muted">
                        {t('steering.program.taskCount', {
                          count: g.taskCount,
                          formatted: formatNumber(g.taskCount),
                        })}
                        {g.overdueCount > 0 &&
                          ` · ${t('steering.program.overdueCount', { count: g.overdueCount, formatted: formatNumber(g.overdueCount) })}`}
                      </span>
                    </summary>
                    <table className="tree-tasks">
                      <caption className="visually-hidden">
                        {t('steering.program.tasksOf', { group: `${g.code}. ${g.title}` })}
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('steering.task.code')}</th>
                          <th scope="col">{t('steering.task.title')}</th>
                          <th scope="col">{t('steering.task.lead')}</th>
                          <th scope="col">{t('steering.task.deadline')}</th>
                          <th scope="col">{t('steering.task.status')}</th>
                          <th scope="col">{t('steering.task.progress')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {tasks.map((x) => (
                          <tr key={x.id} data-task={x.code}>
                            <td>
                              <Link className="nowrap" to={pathOf('/steering/tasks', x.id)}>
                                {x.code}
                              </Link>
                            </td>
                            <td>{x.title}</td>
                            <td>{names.get(x.leadUnitId) ?? x.leadUnitId}</td>
                            <td>{formatDate(x.deadline)}</td>
                            <td>
                              <TaskStatusBadge task={x} />
                            </td>
                            <td>
                              <ProgressBar
                                value={x.progress}
                                label={t('steering.task.progressOf', { code: x.code })}
                              />
                            </td>
                          </tr>
                        ))}
                        {tasks.length === 0 && (
                          <tr>
                            <td colSpan={6} className="empty">
                              {mayWrite ? t('empty.groupTasksWrite') : t('empty.groupTasks')}
                            </td>
                          </tr>
                        )}
                      </tbody>
                    </table>
                  </details>
                </li>
              );
            })}
          </ul>
          {mayWrite && <CreateTask program={p} today={data.today} onCreated={loaded.reload} />}
        </>
      )}
    </Page>
  );
}

/** `/steering/programs[/{id}]`: the programs, and one as a tree of groups and tasks with progress. */
export default function Programs({ id }: { readonly id: string }) {
  return id ? <ProgramTree id={id} /> : <ProgramList />;
}
