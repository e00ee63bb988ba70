import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { loadUnits, TASK_STATUSES, type Task, type TaskChange, type TaskStatus } from '../../api/steering';
import { type Column, DataTable } from '../../components/data-table';
import { Field } from '../../components/field';
import { Link } from '../../components/link';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem';
import { ProgressBar } from '../../components/progress-bar';
import { SteeringTabs } from '../../components/steering-tabs';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { pathOf } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useLoad } from '../../lib/use-load';
import { useSubmit } from '../../lib/use-submit';
import { TaskStatusBadge } from './task-parts';

/** A changed value as text: dates and numbers the Vietnamese way, statuses in words. */
function useChangeText(): (field: string, value: unknown) => string {
  const { t } = useTranslation();
  return (field, value) => {
    if (value === null || value === undefined) return '—';
    if (field === 'status') return t(`steering.taskStatus.${String(value)}`, { defaultValue: String(value) });
    if (typeof value === 'number') return formatNumber(value);
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    return typeof value === 'string' ? value : JSON.stringify(value);
  };
}

function EditTask({ task, onSaved }: { readonly task: Task; readonly onSaved: () => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<TaskStatus>(task.status);
  const [progress, setProgress] = useState(String(task.progress));
  const { errors, problem, busy, submit } = useSubmit<Task>();
  const [saved, setSaved] = useState(false);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const value = Number(progress);
    const done = await submit(
      () => {
        const found: Record<string, string> = {};
        if (!/^\d{1,3}$/.test(progress.trim()) || value > 100) found['/progress'] = t('validation.progress');
        else if (status === 'completed' && value !== 100) found['/progress'] = t('validation.completed100');
        else if (status === 'not-started' && value !== 0) found['/progress'] = t('validation.notStarted0');
        if (status === task.status && value === task.progress)
          found['/status'] = t('validation.nothingChanged');
        return found;
      },
      () =>
        api<Task>(`/steering/tasks/${encodeURIComponent(task.id)}`, {
          method: 'PATCH',
          body: {
            ...(status !== task.status ? { status } : {}),
            ...(value !== task.progress ? { progress: value } : {}),
          },
        }),
    );
    if (done) {
      // The API may settle the pair (progress 100 completes a task): show what it stored.
      setStatus(done.status);
      setProgress(String(done.progress));
      setSaved(true);
      onSaved();
    }
  };
  return (
    <form className="panel" onSubmit={send} noValidate aria-labelledby="edit-task-title">
      <h2 id="edit-task-title">{t('steering.task.edit')}</h2>
      {saved && (
        <p className="alert success" role="status">
          {t('steering.task.saved')}
        </p>
      )}
      <ProblemAlert problem={problem} />
      <div className="form-row">
        <Field label={t('steering.task.status')} error={errors['/status']}>
          {(c) => (
            <select
              {...c}
              name="status"
              value={status}
              onChange={(e) => setStatus(e.target.value as TaskStatus)}
            >
              {TASK_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`steering.taskStatus.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t('steering.task.progressPercent')}
          error={errors['/progress']}
          hint={t('steering.task.progressHint')}
        >
          {(c) => (
            <input
              {...c}
              name="progress"
              type="number"
              min={0}
              max={100}
              inputMode="numeric"
              value={progress}
              onChange={(e) => setProgress(e.target.value)}
            />
          )}
        </Field>
      </div>
      <button type="submit" disabled={busy}>
        {t('steering.task.save')}
      </button>
    </form>
  );
}

/** `/steering/tasks/{id}`: a task, its history, and for the secretariat a form to change status and progress. */
export default function TaskDetail({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const changeText = useChangeText();
  const loaded = useLoad(async () => {
    const path = `/steering/tasks/${encodeURIComponent(id)}`;
    const [task, history] = await Promise.all([
      api<Task>(path),
      api<{ items: TaskChange[] }>(`${path}/history`).then((r) => r.items),
    ]);
    const units = await loadUnits(task.startDate);
    return { task, history, units: units.items };
  }, [id]);
  const task = loaded.data?.task;
  const name = (unitId: string) => loaded.data?.units.find((u) => u.id === unitId)?.name ?? unitId;
  const columns = useMemo<Column<TaskChange>[]>(
    () => [
      { id: 'at', header: t('audit.at'), value: (c) => c.at, cell: (c) => formatDateTime(c.at) },
      {
        id: 'source',
        header: t('steering.history.source'),
        value: (c) => t(`steering.history.sources.${c.source}`, { defaultValue: c.source }),
      },
      {
        id: 'changes',
        header: t('steering.history.changes'),
        value: (c) =>
          Object.entries(c.changes)
            .map(
              ([field, v]) =>
                `${t(`steering.history.fields.${field}`, { defaultValue: field })}: ${changeText(field, v.from)} → ${changeText(field, v.to)}`,
            )
            .join('; '),
      },
      { id: 'actor', header: t('audit.actor'), value: (c) => c.actor, cell: (c) => <code>{c.actor}</code> },
    ],
    [t, changeText],
  );
  return (
    <Page title={task ? `${task.code} — ${task.title}` : t('steering.task.detail')}>
      <SteeringTabs />
      {task && (
        <p>
          <Link to={pathOf('/steering/programs', task.programId)}>← {t('steering.program.tree')}</Link>
        </p>
      )}
      <ProblemAlert problem={loaded.problem} />
      {task && (
        <>
          <dl className="facts">
            <dt>{t('steering.task.expectedOutput')}</dt>
            <dd>{task.expectedOutput}</dd>
            <dt>{t('steering.task.lead')}</dt>
            <dd>
              {name(task.leadUnitId)} (<code>{task.leadUnitId}</code>)
            </dd>
            <dt>{t('steering.task.coordinating')}</dt>
            <dd>{task.coordinatingUnitIds.map(name).join(', ') || '—'}</dd>
            <dt>{t('steering.task.start')}</dt>
            <dd>{formatDate(task.startDate)}</dd>
            <dt>{t('steering.task.deadline')}</dt>
            <dd>{formatDate(task.deadline)}</dd>
            <dt>{t('steering.task.funding')}</dt>
            <dd>{task.fundingSource ?? '—'}</dd>
            <dt>{t('steering.task.weight')}</dt>
            <dd>{formatNumber(task.weight)}</dd>
            <dt>{t('steering.task.status')}</dt>
            <dd data-testid="task-status">
              <TaskStatusBadge task={task} />
            </dd>
            <dt>{t('steering.task.progress')}</dt>
            <dd data-testid="task-progress">
              <ProgressBar value={task.progress} label={t('steering.task.progressOf', { code: task.code })} />
            </dd>
          </dl>
          {session.may('steering.write') && <EditTask task={task} onSaved={loaded.reload} />}
          <h2>{t('steering.history.title')}</h2>
          <DataTable
            caption={t('steering.history.title')}
            rows={loaded.data?.history ?? []}
            columns={columns}
            rowKey={(c) => c.id}
            exportName={`lich-su-${task.code}`}
            empty={{ what: t('empty.taskHistory') }}
          />
        </>
      )}
    </Page>
  );
}
