/** The secretariat's form that adds a task to a program's group. */
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { loadUnits, type Program, type Task } from '../../api/steering';
import { Field } from '../../components/field';
import { Link } from '../../components/link';
import { UnitPicker } from '../../components/unit-picker';
import { ProblemAlert } from '../../components/problem';
import { useDraft } from '../../lib/draft';
import { formatDate } from '../../lib/format';
import { pathOf } from '../../lib/router';
import { useLoad } from '../../lib/use-load';
import { useSubmit } from '../../lib/use-submit';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

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

/** The secretariat's form adding a task to one of a program's groups. */
export function CreateTask({
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
            <UnitPicker
              control={c}
              name="leadUnitId"
              units={active}
              value={draft.leadUnitId}
              onChange={(leadUnitId) => update({ leadUnitId })}
            />
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
