import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { loadTasks, loadUnitNames, loadUnits, type Program, type Task } from '../../api/steering';
import { type Column, DataTable } from '../../components/data-table';
import { Field } from '../../components/field';
import { Link } from '../../components/link';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem';
import { ProgressBar } from '../../components/progress-bar';
import { SteeringTabs } from '../../components/steering-tabs';
import { useDraft } from '../../lib/draft';
import { formatDate, formatNumber } from '../../lib/format';
import { pathOf } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useLoad } from '../../lib/use-load';
import { useSubmit } from '../../lib/use-submit';
import { TaskStatusBadge } from './task-parts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function ProgramList() {
  const { t } = useTranslation();
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
        />
      )}
    </Page>
  );
}

interface TaskDraft {
  readonly groupId: string;
  readonly code: string;
  readonly title: string;
  readonly expectedOutput: string;
  readonly leadUnitId: string;
  readonly startDate: string;
  readonly deadline: string;
  readonly weight: string;
  readonly fundingSource: string;
}

function CreateTask({
  program,
  today,
  onCreated,
}: {
  readonly program: Program;
  readonly today: string;
  readonly onCreated: () => void;
}) {
  const { t } = useTranslation();
  const initial = useMemo<TaskDraft>(
    () => ({
      groupId: program.groups[0]?.id ?? '',
      code: '',
      title: '',
      expectedOutput: '',
      leadUnitId: '',
      startDate: today,
      deadline: '',
      weight: '',
      fundingSource: '',
    }),
    [program, today],
  );
  const [draft, update, clear] = useDraft<TaskDraft>(`steering-task:${program.id}`, initial);
  const { errors, problem, busy, submit } = useSubmit<Task>();
  const [created, setCreated] = useState<Task>();
  // Only units that exist on the start date may lead the task (the API checks the same).
  const assignedOn = DATE.test(draft.startDate) ? draft.startDate : today;
  const units = useLoad(() => loadUnits(assignedOn), [assignedOn]);
  const active = useMemo(() => (units.data?.items ?? []).filter((u) => u.active), [units.data]);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    const weight = draft.weight.trim() ? Number(draft.weight) : undefined;
    const task = await submit(
      () => {
        const found: Record<string, string> = {};
        if (!draft.groupId) found['/groupId'] = t('validation.required');
        if (!draft.code.trim()) found['/code'] = t('validation.required');
        if (!draft.title.trim()) found['/title'] = t('validation.required');
        if (!draft.expectedOutput.trim()) found['/expectedOutput'] = t('validation.required');
        if (!DATE.test(draft.startDate)) found['/startDate'] = t('validation.calendarDate');
        if (!DATE.test(draft.deadline)) found['/deadline'] = t('validation.calendarDate');
        else if (DATE.test(draft.startDate) && draft.deadline < draft.startDate)
          found['/deadline'] = t('validation.deadlineBeforeStart');
        if (!draft.leadUnitId) found['/leadUnitId'] = t('validation.required');
        else if (units.data && !active.some((u) => u.id === draft.leadUnitId))
          found['/leadUnitId'] = t('validation.unitInactive');
        if (weight !== undefined && !(weight >= 0 && weight <= 1000))
          found['/weight'] = t('validation.weight');
        return found;
      },
      () =>
        api<Task>(`/steering/programs/${encodeURIComponent(program.id)}/tasks`, {
          method: 'POST',
          body: {
            groupId: draft.groupId,
            code: draft.code.trim(),
            title: draft.title.trim(),
            expectedOutput: draft.expectedOutput.trim(),
            leadUnitId: draft.leadUnitId,
            startDate: draft.startDate,
            deadline: draft.deadline,
            ...(weight !== undefined ? { weight } : {}),
            ...(draft.fundingSource.trim() ? { fundingSource: draft.fundingSource.trim() } : {}),
          },
        }),
    );
    if (task) {
      setCreated(task);
      clear();
      onCreated();
    }
  };
  return (
    <form className="panel" onSubmit={send} noValidate aria-labelledby="create-task-title">
      <h2 id="create-task-title">{t('steering.task.create')}</h2>
      {created && (
        <p className="alert success" role="status">
          {t('steering.task.created', { code: created.code })}{' '}
          <Link to={pathOf('/steering/tasks', created.id)}>{t('steering.task.open')}</Link>
        </p>
      )}
      <ProblemAlert problem={problem} />
      <div className="form-row">
        <Field label={t('steering.task.group')} error={errors['/groupId']} required>
          {(c) => (
            <select
              {...c}
              name="groupId"
              value={draft.groupId}
              onChange={(e) => update({ groupId: e.target.value })}
            >
              {program.groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.code}. {g.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t('steering.task.code')}
          error={errors['/code']}
          hint={t('steering.task.codeHint')}
          required
        >
          {(c) => (
            <input {...c} name="code" value={draft.code} onChange={(e) => update({ code: e.target.value })} />
          )}
        </Field>
      </div>
      <Field label={t('steering.task.title')} error={errors['/title']} required>
        {(c) => (
          <input
            {...c}
            name="title"
            className="wide"
            value={draft.title}
            onChange={(e) => update({ title: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('steering.task.expectedOutput')} error={errors['/expectedOutput']} required>
        {(c) => (
          <textarea
            {...c}
            name="expectedOutput"
            rows={2}
            value={draft.expectedOutput}
            onChange={(e) => update({ expectedOutput: e.target.value })}
          />
        )}
      </Field>
      <div className="form-row">
        <Field label={t('steering.task.start')} error={errors['/startDate']} required>
          {(c) => (
            <input
              {...c}
              name="startDate"
              type="date"
              value={draft.startDate}
              onChange={(e) => update({ startDate: e.target.value })}
            />
          )}
        </Field>
        <Field
          label={t('steering.task.deadline')}
          error={errors['/deadline']}
          hint={t('steering.task.deadlineHint')}
          required
        >
          {(c) => (
            <input
              {...c}
              name="deadline"
              type="date"
              min={draft.startDate || undefined}
              value={draft.deadline}
              onChange={(e) => update({ deadline: e.target.value })}
            />
          )}
        </Field>
        <Field
          label={t('steering.task.lead')}
          error={errors['/leadUnitId']}
          hint={t('steering.task.leadHint', { date: formatDate(assignedOn) })}
          required
        >
          {(c) => (
            <select
              {...c}
              name="leadUnitId"
              value={draft.leadUnitId}
              onChange={(e) => update({ leadUnitId: e.target.value })}
            >
              <option value="">{t('steering.task.chooseUnit')}</option>
              {active.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({u.id})
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form-row">
        <Field
          label={t('steering.task.weight')}
          error={errors['/weight']}
          hint={t('steering.task.weightHint')}
        >
          {(c) => (
            <input
              {...c}
              name="weight"
              type="number"
              min={0}
              step="any"
              inputMode="decimal"
              value={draft.weight}
              onChange={(e) => update({ weight: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('steering.task.funding')} error={errors['/fundingSource']}>
          {(c) => (
            <input
              {...c}
              name="fundingSource"
              value={draft.fundingSource}
              onChange={(e) => update({ fundingSource: e.target.value })}
            />
          )}
        </Field>
      </div>
      <button type="submit" disabled={busy}>
        {t('steering.task.createSubmit')}
      </button>
    </form>
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
                              {t('table.empty')}
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
